"""The signed contract's term and its renewal (Art. 38)."""

from __future__ import annotations

from datetime import date, timedelta

from config.profiles import JurisdictionProfile
from domain.calendar import months_before, years_after
from domain.errors import Breach


def anniversary(start: date, years: int) -> date:
    """The day a term of ``years`` years from ``start`` is complete (the day after its last).

    Civil Code Art. 202: with no corresponding day in the final month (a term from
    29 February), the period ends on that month's last day, so it is complete the day after.
    """
    same_day = years_after(start, years)
    return same_day if same_day.day == start.day else same_day + timedelta(days=1)


def term_within_bounds(start: date, end: date, profile: JurisdictionProfile) -> list[Breach]:
    """Art. 38: a term of one to three years; ``end`` is the term's last day (inclusive)."""
    day_after = end + timedelta(days=1)
    if end < start:
        return [Breach("term_order", field="term_end")]
    if (day_after < anniversary(start, profile.term_min_years)
            or day_after > anniversary(start, profile.term_max_years)):
        return [Breach("term_length", {"low": profile.term_min_years,
                                       "high": profile.term_max_years}, field="term_end")]
    return []


def renewal_window_opens(term_end: date, profile: JurisdictionProfile) -> date:
    """Art. 38: either side may ask to renew within the 3 months before expiry."""
    return months_before(term_end, profile.renewal_window_months)


def renewal_in_window(requested_on: date, term_end: date,
                      profile: JurisdictionProfile) -> list[Breach]:
    """Art. 38: a renewal request falls within the window before the term ends."""
    opens = renewal_window_opens(term_end, profile)
    if not opens <= requested_on <= term_end:
        return [Breach("renewal_window", {"opens": opens, "ends": term_end},
                       field="occurred_on")]
    return []
