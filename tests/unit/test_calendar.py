"""Day counting for legal periods (Civil Code Arts. 201, 203).

The start day is not counted; a period whose last day is a rest day or public holiday ends
on the next working day; adjusted working days (调休, a weekend day worked) are working days.
Every date below was checked against ``chinese_calendar``; ``test_the_dates_are_what_the_ids
_say`` keeps checking, so a changed holiday schedule shows up here and not as a mystery.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from domain.calendar import is_provisional, is_working_day, months_before, period_end, years_after

# (day, kind) where kind is: workday, weekend, holiday (a weekday off), adjusted (weekend worked)
SPECIAL_DAYS = [
    (date(2025, 3, 22), "weekend"),
    (date(2025, 10, 1), "holiday"),       # National Day 2025: 1-8 October
    (date(2025, 10, 8), "holiday"),       # its last day, a Wednesday
    (date(2025, 10, 4), "weekend"),       # a Saturday inside the break, also off
    (date(2025, 10, 9), "workday"),
    (date(2025, 9, 28), "adjusted"),      # Sunday before National Day, worked
    (date(2025, 10, 11), "adjusted"),     # Saturday after National Day, worked
    (date(2026, 2, 16), "holiday"),       # Spring Festival 2026: 15-23 February
    (date(2026, 2, 23), "holiday"),       # its last day, a Monday
    (date(2026, 2, 21), "weekend"),
    (date(2026, 2, 24), "workday"),
    (date(2026, 2, 14), "adjusted"),      # Saturday before Spring Festival, worked
    (date(2026, 2, 28), "adjusted"),      # Saturday after Spring Festival, worked
    (date(2025, 1, 28), "holiday"),       # Spring Festival 2025 eve
    (date(2025, 2, 5), "workday"),
    (date(2025, 5, 5), "holiday"),        # Labour Day 2025: 1-5 May
    (date(2025, 4, 27), "adjusted"),      # Sunday before Labour Day, worked
]


@pytest.mark.parametrize(("day", "kind"), [pytest.param(d, k, id=f"{d}-{k}")
                                           for d, k in SPECIAL_DAYS])
def test_the_dates_are_what_the_ids_say(day, kind):
    weekend = day.weekday() >= 5
    workday = chinese_calendar.is_workday(day)
    expected = {"workday": (False, True), "weekend": (True, False),
                "holiday": (False, False), "adjusted": (True, True)}[kind]
    assert (weekend, workday) == expected


@pytest.mark.parametrize(("day", "kind"), [pytest.param(d, k, id=f"{d}-{k}")
                                           for d, k in SPECIAL_DAYS])
def test_working_days_follow_the_published_schedule(day, kind):
    assert is_working_day(day) is (kind in ("workday", "adjusted"))


PERIODS = [
    pytest.param(date(2025, 3, 3), 1, date(2025, 3, 4), id="start-day-not-counted"),
    pytest.param(date(2025, 3, 3), 30, date(2025, 4, 2), id="ends-on-a-plain-wednesday"),
    pytest.param(date(2025, 3, 2), 20, date(2025, 3, 24),
                 id="ends-on-saturday-moves-to-monday"),
    pytest.param(date(2025, 9, 11), 20, date(2025, 10, 9),
                 id="ends-on-national-day-moves-past-the-whole-break"),
    pytest.param(date(2025, 9, 28), 10, date(2025, 10, 9),
                 id="ends-on-last-day-of-national-day-break"),
    pytest.param(date(2025, 9, 18), 10, date(2025, 9, 28),
                 id="ends-on-adjusted-working-sunday-stays"),
    pytest.param(date(2025, 9, 11), 30, date(2025, 10, 11),
                 id="ends-on-adjusted-working-saturday-stays"),
    pytest.param(date(2026, 2, 1), 15, date(2026, 2, 24),
                 id="ends-in-spring-festival-2026-moves-to-24-february"),
    pytest.param(date(2026, 1, 30), 15, date(2026, 2, 14),
                 id="ends-on-adjusted-saturday-before-spring-festival-stays"),
    pytest.param(date(2025, 1, 18), 10, date(2025, 2, 5),
                 id="ends-on-spring-festival-2025-eve-moves-past-the-break"),
    pytest.param(date(2025, 4, 20), 15, date(2025, 5, 6),
                 id="ends-on-labour-day-monday-moves-to-tuesday"),
]


@pytest.mark.parametrize(("start", "days", "end"), PERIODS)
def test_period_end(start, days, end):
    assert period_end(start, days) == end


@pytest.mark.parametrize(("start", "days", "end"), PERIODS)
def test_period_end_is_the_first_working_day_on_or_after_the_nominal_end(start, days, end):
    nominal = start + timedelta(days=days)
    assert end >= nominal
    assert chinese_calendar.is_workday(end)
    skipped = [nominal + timedelta(days=i) for i in range((end - nominal).days)]
    assert not any(chinese_calendar.is_workday(d) for d in skipped)


def test_years_without_a_published_schedule_fall_back_to_weekends():
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 1))
    assert is_provisional(date(2027, 1, 1))
    assert not is_provisional(date(2026, 12, 31))
    # 1 January 2027 is a Friday: only weekends are known rest days in 2027.
    assert period_end(date(2026, 12, 22), 10) == date(2027, 1, 1)
    # 2 January 2027 is a Saturday: the period runs on to Monday the 4th.
    assert period_end(date(2026, 12, 23), 10) == date(2027, 1, 4)
    assert not is_working_day(date(2027, 1, 3)) and is_working_day(date(2027, 1, 4))


@pytest.mark.parametrize(("day", "months", "expected"), [
    pytest.param(date(2028, 4, 30), 3, date(2028, 1, 30), id="same-day-of-month"),
    pytest.param(date(2028, 5, 31), 3, date(2028, 2, 29), id="clamped-to-leap-february"),
    pytest.param(date(2027, 5, 31), 3, date(2027, 2, 28), id="clamped-to-february"),
    pytest.param(date(2027, 1, 15), 3, date(2026, 10, 15), id="across-a-year"),
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(("day", "years", "expected"), [
    pytest.param(date(2025, 5, 1), 3, date(2028, 5, 1), id="same-day"),
    pytest.param(date(2024, 2, 29), 1, date(2025, 2, 28), id="leap-day-to-28-february"),
    pytest.param(date(2024, 2, 29), 4, date(2028, 2, 29), id="leap-day-to-leap-day"),
])
def test_years_after(day, years, expected):
    assert years_after(day, years) == expected
