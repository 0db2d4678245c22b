"""Deadlines: every clock of every case, its status worked out for a given day."""

from __future__ import annotations

from datetime import date

from casebook import FOOD, TEXTILE, Cases, acting_as
from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import CLERK, OTHER_CLERK, Story

from domain.values import Actor, Role, SignOffSubject
from projections.queries import deadline_status, open_deadlines
from projections.runner import Projector
from projections.tables import case_summaries, deadlines


def statuses(engine: Engine, today: date) -> dict[tuple[str, str], str]:
    """(case id, kind) → status on ``today``, for every deadline of every case."""
    d = deadlines.c
    query = select(d.case_id, d.kind, deadline_status(today).label("status"))
    with engine.connect() as connection:
        return {(row.case_id, row.kind): row.status for row in connection.execute(query)}


def test_each_deadline_is_pending_met_met_late_or_overdue_as_of_a_given_day(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    e, t, h, f = (str(c) for c in (cases.electronics, cases.textile, cases.hardware,
                                   cases.food))
    assert statuses(engine, date(2025, 7, 1)) == {
        (e, "reply"): "met", (e, "filing"): "met", (e, "review"): "met",
        (e, "publication"): "met", (e, "renewal"): "pending",
        # Filed 25 days after signing (10 allowed); the renewal window closed in 2022.
        (t, "reply"): "met", (t, "filing"): "met_late", (t, "review"): "met",
        (t, "publication"): "met", (t, "renewal"): "overdue",
        (h, "reply"): "met",
        (f, "reply"): "overdue",
    }
    assert statuses(engine, date(2025, 5, 22))[(f, "reply")] == "pending", "due that day"
    assert statuses(engine, date(2025, 5, 23))[(f, "reply")] == "overdue"
    assert statuses(engine, date(2028, 4, 30))[(e, "renewal")] == "pending"
    assert statuses(engine, date(2028, 5, 1))[(e, "renewal")] == "overdue"


def test_open_deadlines_lists_the_unmet_ones_due_soon_or_overdue(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    def listed(today: date, **options) -> list[tuple[str, str, str, str]]:
        return [(row["enterprise"], row["kind"], row["status"], row["due_on"].isoformat())
                for row in open_deadlines(engine, today, **options)]

    assert listed(date(2025, 5, 10)) == [(TEXTILE, "renewal", "overdue", "2022-12-31")]
    assert listed(date(2025, 5, 15)) == [(TEXTILE, "renewal", "overdue", "2022-12-31"),
                                         (FOOD, "reply", "pending", "2025-05-22")]
    assert listed(date(2025, 5, 10), days=14) == listed(date(2025, 5, 15))
    assert listed(date(2025, 7, 1)) == [(TEXTILE, "renewal", "overdue", "2022-12-31"),
                                        (FOOD, "reply", "overdue", "2025-05-22")]
    assert listed(date(2025, 7, 1), scopes=["xingning"]) == [
        (FOOD, "reply", "overdue", "2025-05-22")]
    assert listed(date(2025, 7, 1), assigned_id=OTHER_CLERK.id) == []
    assert len(listed(date(2025, 7, 1), assigned_id=CLERK.id)) == 2
    # The electronics contract's renewal window: due on the last day of its term.
    assert ("兴宁市某某电子有限公司", "renewal", "pending", "2028-04-30") in listed(
        date(2028, 4, 25))


def test_a_reassignment_moves_the_open_deadlines_to_the_new_worker(
        engine: Engine, cases: Cases, projected: Projector, story: Story) -> None:
    story.step("reassign", cases.food, date(2025, 6, 2), to=OTHER_CLERK, reason="工作调整")
    assert projected.catch_up() == 1
    assert [(row["enterprise"], row["assigned_id"]) for row in open_deadlines(
        engine, date(2025, 7, 1), assigned_id=OTHER_CLERK.id)] == [(FOOD, OTHER_CLERK.id)]


def test_a_closed_case_keeps_only_the_deadlines_it_met(
        engine: Engine, cases: Cases, projected: Projector, story: Story) -> None:
    request = story.step("request_sign_off", cases.food, date(2025, 6, 2),
                         subject=SignOffSubject.CLOSURE, note="企业拒绝协商")
    assert projected.catch_up() == 1
    f = str(cases.food)
    assert statuses(engine, date(2025, 7, 1))[(f, "reply")] == "overdue", (
        "a closure request closes nothing")
    with acting_as(story, Actor("sv-wang", "王督导", Role.SUPERVISOR)):
        closed = story.step("give_sign_off", cases.food, date(2025, 6, 4),
                            request_version=request.version)
    assert projected.catch_up() == 2, "the sign-off and the closure"

    assert (f, "reply") not in statuses(engine, date(2025, 7, 1)), "it ended with the case"
    assert FOOD not in {row["enterprise"] for row in open_deadlines(engine, date(2025, 7, 1))}
    with engine.connect() as connection:
        food = connection.execute(select(case_summaries).where(
            case_summaries.c.case_id == f)).mappings().one()
    assert (food["stage"], food["closed"], food["version"], food["next_due_on"]) == (
        "closed", True, closed.version, None)
