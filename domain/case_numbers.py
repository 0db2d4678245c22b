"""Human case numbers: ``兴宁-2026-0012`` — the county's short name, the year the case was
opened (its business date) and its place among the cases of that county and year.

The numbers are allocated by the case summaries read model in the order of the log
(:mod:`projections.case_numbers`, docs/architecture.md *Case numbers*); this module holds
the pure parts: the key a case is numbered under, taken from its opening event as first
recorded (a later correction of the date or scope never renumbers it), and the format.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.case import NegotiationCase

SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "市", "县", "区", "旗")
"""Endings of county-level names (GB/T 2260) left out of the short name."""


def short_name(scope: str) -> str:
    """The county's short name: ``兴宁市`` → ``兴宁``, ``梅县区`` → ``梅县``; a name that
    would keep fewer than two characters (``东区``) stays whole."""
    name = "".join(scope.split())
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name or "—"


@dataclass(frozen=True, order=True)
class NumberKey:
    """What a case is numbered under: its county's short name and its year."""

    county: str
    year: int

    @property
    def prefix(self) -> str:
        """``兴宁-2026``: the number without its sequence."""
        return f"{self.county}-{self.year}"

    def number(self, seq: int) -> str:
        """The case number of the ``seq``-th case under this key."""
        return case_number(self.prefix, seq)


def case_number(prefix: str, seq: int) -> str:
    """``兴宁-2026`` and 12 → ``兴宁-2026-0012`` (four digits at least)."""
    if seq < 1:
        raise ValueError("case numbers start at 1")
    return f"{prefix}-{seq:04d}"


def number_key(case: NegotiationCase) -> NumberKey:
    """The key of ``case``, from its opening event as first recorded: its scope and the
    year of its business date."""
    opening = case.records[0]
    return NumberKey(short_name(str(opening["facts"]["scope"])), opening["occurred_on"].year)
