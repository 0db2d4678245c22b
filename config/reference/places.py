"""Places from the administrative division codes (``divisions.csv``; source in README.md).

Codes follow GB/T 2260 down to the county (2 digits: province, 4: city, 6: county) and
the National Bureau of Statistics' 统计用区划代码 for towns (9 digits: 乡镇、街道).
A place is written the way enterprises' towns are stored: a county-level city or county
by its own name (兴宁市, 五华县), a district with its city (梅州市梅江区), a town after
its county (兴宁市宁新街道, 东莞市长安镇). Every county of China is listed; towns, and the
cities as places of their own, for Guangdong (province 44) only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from config.reference import compact, rows

GUANGDONG = "44"
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
"""City-level rows of the codes that name no city (municipalities, counties ruled by a
province directly): their counties are written after the province."""


@dataclass(frozen=True)
class Place:
    """One listed place: its code, its own name, how it is written, and its city's code."""

    code: str
    name: str
    label: str
    city: str

    @property
    def province(self) -> str:
        """The province's two-digit code."""
        return self.code[:2]


@cache
def _names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in rows("divisions.csv")}


def _county_label(code: str, names: dict[str, str]) -> str:
    city = names.get(code[:4], "")
    prefix = names[code[:2]] if city in PLACEHOLDERS or not city else city
    name = names[code]
    if name == prefix:
        return name
    return prefix + name if name.endswith("区") else name


@cache
def all_places() -> tuple[Place, ...]:
    """Every listed place, by code: Guangdong's cities, every county, Guangdong's towns."""
    names = _names()
    found = []
    for code, name in sorted(names.items()):
        if len(code) == 4 and code[:2] == GUANGDONG and name not in PLACEHOLDERS:
            found.append(Place(code, name, name, code))
        elif len(code) == 6:
            found.append(Place(code, name, _county_label(code, names), code[:4]))
        elif len(code) == 9:
            found.append(Place(code, name, _county_label(code[:6], names) + name, code[:4]))
    unique: dict[str, Place] = {}
    for place in found:          # 东莞市 is a city and its own county: listed once
        unique.setdefault(place.label, place)
    return tuple(unique.values())


@cache
def _by_label() -> dict[str, Place]:
    return {compact(place.label): place for place in reversed(all_places())}


def place_named(text: str) -> Place | None:
    """The listed place written ``text`` (whitespace and full-width letters ignored)."""
    return _by_label().get(compact(text))


def city_name(code: str) -> str:
    """The name of the city (4-digit code) or province (2-digit code) ``code``."""
    return _names().get(code, "")


@cache
def _guangdong_by_length() -> tuple[Place, ...]:
    listed = [p for p in all_places() if p.province == GUANGDONG]
    return tuple(sorted(listed, key=lambda p: -len(p.label)))


def city_of(text: str) -> str | None:
    """The code of the Guangdong city that a town as typed lies in: the listed place it is,
    else the longest listed Guangdong place written inside it (兴宁市某某村 → 梅州市, 4414);
    None if it names none."""
    place = place_named(text)
    if place is not None:
        return place.city if place.province == GUANGDONG else None
    typed = compact(text)
    found = next((p for p in _guangdong_by_length() if compact(p.label) in typed), None)
    if found is None:   # a district written without its city (梅江区金山街道)
        found = next((p for p in _guangdong_by_length()
                      if len(p.code) == 6 and compact(p.name) in typed), None)
    return found.city if found else None


def places_within(scope: str, places: Iterable[Place] | None = None) -> list[Place]:
    """The listed Guangdong places whose written name contains ``scope`` (a social worker's
    region, e.g. 兴宁市), in code order; every Guangdong place if none does."""
    listed = [p for p in (places or all_places()) if p.province == GUANGDONG]
    key = compact(scope)
    inside = [p for p in listed if key and key in compact(p.label)]
    return inside or listed
