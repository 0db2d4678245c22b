"""Statutory minimum wages by city (``minimum_wages.toml``: Guangdong's tiers, with the
notice that sets them and the day they apply from)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from config.reference.places import city_name


@dataclass(frozen=True)
class MinimumWage:
    """The minimum monthly (and hourly) wage of a place from a day on, and its source."""

    monthly: int
    hourly: float
    place: str
    title: str
    effective_from: date


@cache
def _standards() -> tuple[dict[str, Any], ...]:
    text = resources.files(__package__).joinpath("minimum_wages.toml").read_text("utf-8")
    found = tomllib.loads(text)["standard"]
    return tuple(sorted(found, key=lambda s: s["effective_from"], reverse=True))


def _in_force(province: str, on: date) -> dict[str, Any] | None:
    return next((s for s in _standards()
                 if s["province"] == province and s["effective_from"] <= on), None)


def minimum_wage(province: str, city: str | None, on: date) -> MinimumWage | None:
    """The standard in force on ``on`` in ``city`` (a 4-digit code) of ``province``; for a
    city not named, or not known, the province's lowest tier (the least any place of it
    allows). None if no table of the province applies on that day."""
    standard = _in_force(province, on)
    if standard is None:
        return None
    name = city_name(city) if city and city.startswith(province) else ""
    tiers = standard["tier"]
    tier = next((t for t in tiers if name and name in t["cities"]), None)
    if tier is None:
        tier, name = min(tiers, key=lambda t: t["monthly"]), city_name(province)
    return MinimumWage(monthly=int(tier["monthly"]), hourly=float(tier["hourly"]), place=name,
                       title=str(standard["title"]), effective_from=standard["effective_from"])
