"""Jurisdiction profiles: every number of the legal procedure, as data.

Each profile is a TOML file in this folder. A case stores the profile it was opened
under (as a plain dict in its opening event), so editing a file here never changes
the deadlines of cases already open.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

OPTIONAL = frozenset({"stalled_days"})
"""Fields added after cases were stored: a stored profile without them takes the value
of the jurisdiction's current file (or the field's default)."""


class UnknownJurisdiction(LookupError):
    """No profile file exists for the requested jurisdiction."""


@dataclass(frozen=True)
class JurisdictionProfile:
    """The numbers of the procedure for one jurisdiction (docs/procedure.md,
    jurisdiction profiles)."""

    name: str
    title_zh: str
    title_en: str
    representatives_min: int
    representatives_max: int | None
    outsiders_max_fraction: Fraction
    vacancy_fill_days: int
    offer_reply_days: int
    dispute_days: int
    dispute_extension_days: int
    filing_days: int
    review_days: int
    publication_days: int
    renewal_window_months: int
    term_min_years: int
    term_max_years: int
    quorum_fraction: Fraction
    pass_fraction: Fraction
    stalled_days: int = 30
    """Not law but practice: a case with no entry for this many days is flagged as
    stalled on the dashboards. Profiles stored before it existed take the current file's
    value (see :meth:`from_dict`)."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JurisdictionProfile:
        """Build a profile from its TOML (or stored event) form."""
        names = {f.name for f in fields(cls)}
        missing = names - data.keys() - OPTIONAL
        if missing:
            raise ValueError(f"profile {data.get('name')!r} lacks {sorted(missing)}")
        values = {k: data[k] for k in names if k in data}
        if OPTIONAL - data.keys() and data.get("name") in available():
            current = load(data["name"])
            values.update({k: getattr(current, k) for k in OPTIONAL - data.keys()})
        for key in ("outsiders_max_fraction", "quorum_fraction", "pass_fraction"):
            values[key] = Fraction(str(values[key]))
        values["representatives_max"] = values["representatives_max"] or None
        return cls(**values)

    @staticmethod
    def cached(data: dict[str, Any]) -> JurisdictionProfile:
        """:meth:`from_dict`, remembered: every case opened under a profile shares it."""
        return _profile_of(tuple(sorted(data.items())))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-friendly form stored in a case's opening event."""
        data = asdict(self)
        for key in ("outsiders_max_fraction", "quorum_fraction", "pass_fraction"):
            data[key] = str(data[key])
        data["representatives_max"] = self.representatives_max or 0
        return data


@cache
def _profile_of(items: tuple[tuple[str, Any], ...]) -> JurisdictionProfile:
    return JurisdictionProfile.from_dict(dict(items))


def available() -> list[str]:
    """Names of the profiles shipped in this folder."""
    folder = resources.files(__package__)
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir()
                  if p.name.endswith(".toml"))


@cache
def load(name: str) -> JurisdictionProfile:
    """Load the profile called ``name`` (e.g. ``guangdong``)."""
    if name not in available():
        raise UnknownJurisdiction(name)
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
    return JurisdictionProfile.from_dict(tomllib.loads(text))
