"""The contract's term and its renewal window (《集体合同规定》Art. 38).

A collective contract runs one to three years; ``term_end`` is its last day, inclusive, so a
one-year term from 1 January ends on 31 December. Either side may ask to renew in the three
months before the term ends.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from config import profiles
from domain import clock
from domain.deadlines import DeadlineKind, DeadlineStatus, deadlines
from domain.rules.contract import (
    anniversary,
    renewal_in_window,
    renewal_window_opens,
    term_within_bounds,
)
from domain.stages import Stage

TERMS = [
    pytest.param(date(2025, 1, 1), date(2025, 12, 31), set(), id="exactly-one-year"),
    pytest.param(date(2025, 1, 1), date(2025, 12, 30), {"term_length"},
                 id="one-year-less-a-day"),
    pytest.param(date(2025, 1, 1), date(2026, 6, 30), set(), id="eighteen-months"),
    pytest.param(date(2025, 1, 1), date(2027, 12, 31), set(), id="exactly-three-years"),
    pytest.param(date(2025, 1, 1), date(2028, 1, 1), {"term_length"},
                 id="three-years-and-a-day"),
    pytest.param(date(2025, 5, 1), date(2028, 4, 30), set(), id="three-years-from-1-may"),
    pytest.param(date(2025, 1, 1), date(2025, 1, 1), {"term_length"}, id="a-single-day"),
    pytest.param(date(2025, 1, 1), date(2024, 12, 31), {"term_order"}, id="ends-before-it-starts"),
    pytest.param(date(2024, 2, 29), date(2025, 2, 28), set(),
                 id="one-year-from-leap-day-ends-28-february"),
    pytest.param(date(2024, 2, 29), date(2025, 2, 26), {"term_length"},
                 id="from-leap-day-two-days-short-of-a-year"),
    pytest.param(date(2024, 2, 29), date(2027, 3, 1), {"term_length"},
                 id="from-leap-day-past-three-years"),
    pytest.param(date(2023, 3, 1), date(2024, 2, 29), set(),
                 id="one-year-spanning-a-leap-day"),
    pytest.param(date(2023, 3, 1), date(2024, 2, 28), {"term_length"},
                 id="one-year-spanning-a-leap-day-less-a-day"),
]


@pytest.mark.parametrize("profile", ["guangdong", "national"])
@pytest.mark.parametrize(("start", "end", "expected"), TERMS)
def test_term_between_one_and_three_years(profile, start, end, expected):
    found = term_within_bounds(start, end, profiles.load(profile))
    assert {b.key for b in found} == expected
    assert all(b.field == "term_end" for b in found)


LEAP_DAY_TERMS = [
    pytest.param(date(2024, 2, 29), date(2027, 2, 28), set(),
                 id="three-years-from-leap-day-end-28-february-1096-days"),
    pytest.param(date(2024, 2, 29), date(2027, 3, 1), {"term_length"},
                 id="three-years-from-leap-day-plus-a-day"),
    pytest.param(date(2024, 2, 29), date(2025, 2, 28), set(),
                 id="one-year-from-leap-day-end-28-february-366-days"),
    pytest.param(date(2024, 2, 29), date(2025, 2, 27), {"term_length"},
                 id="from-leap-day-365-days-including-29-february-is-short"),
]


@pytest.mark.parametrize(("start", "end", "expected"), LEAP_DAY_TERMS)
def test_a_term_from_29_february_ends_on_the_last_day_of_february(guangdong, start, end,
                                                                  expected):
    """Civil Code Art. 202: with no corresponding day, the month's last day ends the period."""
    assert {b.key for b in term_within_bounds(start, end, guangdong)} == expected


@pytest.mark.parametrize(("start", "years", "complete"), [
    pytest.param(date(2025, 5, 1), 3, date(2028, 5, 1), id="same-day-three-years-on"),
    pytest.param(date(2024, 2, 29), 1, date(2025, 3, 1), id="leap-day-complete-on-1-march"),
    pytest.param(date(2024, 2, 29), 4, date(2028, 2, 29), id="leap-day-to-leap-day"),
    pytest.param(date(2023, 3, 1), 1, date(2024, 3, 1), id="across-a-leap-day"),
])
def test_anniversary_is_the_day_a_term_is_complete(start, years, complete):
    assert anniversary(start, years) == complete


def test_term_length_breach_names_the_profile_bounds(national):
    (found,) = term_within_bounds(date(2025, 1, 1), date(2025, 6, 30), national)
    assert found.params == {"low": 1, "high": 3}


# --- the renewal window opens three months before the term ends -----------------------------

WINDOWS = [
    pytest.param(date(2028, 4, 30), date(2028, 1, 30), id="30-april-opens-30-january"),
    pytest.param(date(2027, 12, 31), date(2027, 9, 30), id="31-december-clamps-to-30-september"),
    pytest.param(date(2028, 5, 31), date(2028, 2, 29), id="31-may-clamps-to-leap-29-february"),
    pytest.param(date(2027, 5, 31), date(2027, 2, 28), id="31-may-clamps-to-28-february"),
    pytest.param(date(2027, 3, 15), date(2026, 12, 15), id="window-crosses-the-new-year"),
    pytest.param(date(2026, 11, 30), date(2026, 8, 30), id="30-november-opens-30-august"),
]


@pytest.mark.parametrize(("term_end", "opens"), WINDOWS)
def test_renewal_window_opens_three_months_before_expiry(guangdong, term_end, opens):
    assert renewal_window_opens(term_end, guangdong) == opens


RENEWAL_DAYS = [
    pytest.param(date(2028, 1, 29), False, id="day-before-the-window"),
    pytest.param(date(2028, 1, 30), True, id="first-day-of-the-window"),
    pytest.param(date(2028, 3, 15), True, id="inside-the-window"),
    pytest.param(date(2028, 4, 30), True, id="last-day-of-the-term"),
    pytest.param(date(2028, 5, 1), False, id="after-expiry"),
]


@pytest.mark.parametrize(("requested_on", "allowed"), RENEWAL_DAYS)
def test_renewal_requested_within_the_window(guangdong, requested_on, allowed):
    found = renewal_in_window(requested_on, date(2028, 4, 30), guangdong)
    assert (found == []) is allowed
    if not allowed:
        assert found[0].params == {"opens": date(2028, 1, 30), "ends": date(2028, 4, 30)}


def test_a_contract_in_force_may_be_renewed_in_its_last_three_months(story, worker, refused):
    case = story.up_to(Stage.PUBLISHED)          # term 2025-05-01 .. 2028-04-30
    with clock.recording_at(datetime.combine(date(2028, 5, 15), time(9), tzinfo=clock.CHINA)):
        assert refused(case.request_renewal, worker, date(2028, 1, 29),
                       requested_by="workers") == {"renewal_window"}
        assert refused(case.request_renewal, worker, date(2028, 5, 1),
                       requested_by="workers") == {"renewal_window"}
        renewal = next(d for d in deadlines(case.state) if d.kind is DeadlineKind.RENEWAL)
        assert (renewal.starts_on, renewal.due_on) == (date(2028, 1, 30), date(2028, 4, 30))
        assert renewal.status(date(2028, 4, 30)) is DeadlineStatus.PENDING
        assert renewal.status(date(2028, 5, 1)) is DeadlineStatus.OVERDUE

        case.request_renewal(worker, date(2028, 1, 30), requested_by="employer")
    renewal = next(d for d in deadlines(case.state) if d.kind is DeadlineKind.RENEWAL)
    assert renewal.met_on == date(2028, 1, 30)
    assert renewal.status(date(2028, 6, 1)) is DeadlineStatus.MET


def test_renewal_needs_a_contract_in_force(story, worker, refused):
    case = story.up_to(Stage.FILED)
    assert "needs_contract_in_force" in refused(case.request_renewal, worker,
                                                date(2025, 4, 30), requested_by="workers")
    assert refused(case.review_implementation, worker, date(2025, 4, 30),
                   findings="按时发放") == {"needs_contract_in_force"}


def test_signing_checks_the_term(story, worker, refused):
    case = story.up_to(Stage.RATIFIED)
    assert refused(case.sign_contract, worker, date(2025, 4, 18), term_start=date(2025, 5, 1),
                   term_end=date(2028, 5, 1)) == {"term_length"}
    assert refused(case.sign_contract, worker, date(2025, 4, 18), term_start=date(2025, 5, 1),
                   term_end=date(2025, 4, 30)) == {"term_order"}
    assert refused(case.sign_contract, worker, date(2025, 4, 14), term_start=date(2025, 5, 1),
                   term_end=date(2026, 4, 30)) == {"date_order"}      # before the vote
    story.sign(case, term_start=date(2025, 5, 1), term_end=date(2026, 4, 30))
    assert case.state.track.signed["term_end"] == date(2026, 4, 30)
