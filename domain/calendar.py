"""Day counting for legal periods (Civil Code Arts. 201, 203).

The start day is not counted; a period whose last day is a rest day or public holiday
ends on the next working day. Holidays and adjusted working days (调休) come from the
maintained ``chinese_calendar`` package. For years it does not yet publish, only
weekends count as rest days; :func:`is_provisional` tells when that happened.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import chinese_calendar
from dateutil.relativedelta import relativedelta


@cache
def _published(day: date) -> bool:
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_provisional(day: date) -> bool:
    """True when the holiday schedule for ``day``'s year is not yet published."""
    return not _published(day)


@cache
def is_working_day(day: date) -> bool:
    """A working day: adjusted working days count, holidays and rest days do not."""
    if _published(day):
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def shifted(day: date, days: int) -> date:
    """``day`` moved by ``days`` days, held within the calendar (a date stored before the
    boundary bounded dates, e.g. 9999-12-31, must not stop a case from being shown)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@cache
def period_end(start: date, days: int) -> date:
    """Last day of a period of ``days`` days that starts after ``start``.

    Civil Code Art. 201: the start day is not counted. Art. 203: if the last day is a
    statutory holiday or rest day, the period ends on the first working day after it.
    """
    end = shifted(start, days)
    while end != date.max and not is_working_day(end):
        end = shifted(end, 1)
    return end


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (clamped to the month's last day)."""
    try:
        return day - relativedelta(months=months)
    except (OverflowError, ValueError):
        return date.min


def years_after(day: date, years: int) -> date:
    """The same day ``years`` years later (29 February becomes 28 February)."""
    try:
        return day + relativedelta(years=years)
    except (OverflowError, ValueError):
        return date.max
