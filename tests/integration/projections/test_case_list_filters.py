"""The case summaries and the case list: one row per case, its filters and its pages."""

from __future__ import annotations

from datetime import date

from casebook import ELECTRONICS, FOOD, HARDWARE, TEXTILE, TEXTILE_TERM, Cases
from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import CLERK, OTHER_CLERK, PUBLISHED

from domain.calendar import period_end
from projections.choices import case_workers
from projections.queries import CaseFilter, list_cases
from projections.runner import Projector
from projections.tables import case_summaries

TODAY = date(2025, 7, 1)


def summaries(engine: Engine) -> dict[str, dict]:
    with engine.connect() as connection:
        rows = connection.execute(select(case_summaries)).mappings()
        return {row["case_id"]: dict(row) for row in rows}


def ids(page) -> list[str]:
    return [row["case_id"] for row in page.rows]


def test_one_row_per_case_with_its_stage_deadline_worker_and_scope(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    rows = summaries(engine)
    assert set(rows) == {str(c) for c in (cases.electronics, cases.textile, cases.hardware,
                                          cases.food)}

    electronics = rows[str(cases.electronics)]
    assert electronics | {"updated_at": None} == electronics | {
        "version": PUBLISHED, "enterprise": ELECTRONICS, "town": "兴宁市", "industry": "电子",
        "contract_kind": "wage", "stage": "published", "stage_order": 10,
        "assigned_id": CLERK.id, "assigned_name": CLERK.name, "scope": "xingning",
        "headcount": 40, "women": 20, "opened_on": date(2025, 3, 1),
        "updated_on": date(2025, 5, 8), "next_due_on": date(2028, 4, 30),
        "next_due_kind": "renewal", "term_start": date(2025, 5, 1),
        "term_end": date(2028, 4, 30), "effective_on": date(2025, 5, 1), "closed": False,
        "updated_at": None}

    textile = rows[str(cases.textile)]
    assert (textile["enterprise"], textile["stage"], textile["scope"], textile["town"]) == (
        TEXTILE, "published", "meijiang", "梅江区")
    assert (textile["term_start"], textile["term_end"]) == TEXTILE_TERM
    assert textile["effective_on"] == date(2020, 11, 16)
    assert (textile["next_due_on"], textile["next_due_kind"]) == (TEXTILE_TERM[1], "renewal")

    hardware = rows[str(cases.hardware)]
    assert (hardware["enterprise"], hardware["stage"], hardware["version"]) == (
        HARDWARE, "negotiating", 6)
    assert (hardware["assigned_id"], hardware["assigned_name"]) == (OTHER_CLERK.id,
                                                                    OTHER_CLERK.name)
    assert hardware["next_due_on"] is None and hardware["term_end"] is None
    assert hardware["contract_kind"] == "safety"

    food = rows[str(cases.food)]
    assert (food["enterprise"], food["stage"], food["version"]) == (FOOD, "offer_sent", 4)
    assert food["next_due_kind"] == "reply"
    assert food["next_due_on"] == period_end(date(2025, 4, 22), 30) == date(2025, 5, 22)
    assert food["headcount"] == 30 and food["women"] == 25


def test_the_list_filters_by_scope_worker_stage_kind_town_overdue_and_text(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    def listed(**where) -> set[str]:
        page = list_cases(engine, CaseFilter(**{"today": TODAY, **where}))
        assert page.total == len(page.rows)
        return set(ids(page))

    every = {str(c) for c in (cases.electronics, cases.textile, cases.hardware, cases.food)}
    assert listed() == every
    assert listed(scopes=["meijiang"]) == {str(cases.textile)}
    assert listed(scopes=["xingning"]) == every - {str(cases.textile)}
    assert listed(scopes=[]) == set()
    assert listed(assigned_id=OTHER_CLERK.id) == {str(cases.hardware)}
    assert listed(stage="published") == {str(cases.electronics), str(cases.textile)}
    assert listed(stage="negotiating") == {str(cases.hardware)}
    assert listed(kind="wage") == {str(cases.electronics), str(cases.food)}
    assert listed(town="蕉岭县") == {str(cases.hardware)}
    # The food case's reply is overdue; the expired textile contract's renewal window passed.
    assert listed(overdue=True) == {str(cases.food), str(cases.textile)}
    assert listed(overdue=True, today=date(2025, 5, 1)) == {str(cases.textile)}
    assert listed(text="华城") == {str(cases.food)}
    assert listed(text="陈社工") == {str(cases.hardware)}
    assert listed(text="协商中") == {str(cases.hardware)}, "the stage's label is searchable"
    assert listed(kind="wage", scopes=["xingning"], stage="published") == {
        str(cases.electronics)}


def test_pages_are_newest_first_with_the_total(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    newest_first = [str(cases.electronics), str(cases.food), str(cases.hardware),
                    str(cases.textile)]
    assert ids(list_cases(engine, CaseFilter(today=TODAY))) == newest_first
    first = list_cases(engine, CaseFilter(today=TODAY), page=1, per_page=3)
    second = list_cases(engine, CaseFilter(today=TODAY), page=2, per_page=3)
    assert (first.total, first.page, first.per_page, ids(first)) == (4, 1, 3, newest_first[:3])
    assert (second.total, second.page, ids(second)) == (4, 2, newest_first[3:])
    pairs = list_cases(engine, CaseFilter(today=TODAY, scopes=["xingning"]), page=2,
                       per_page=2)
    assert (pairs.total, ids(pairs)) == (3, newest_first[2:3])
    beyond = list_cases(engine, CaseFilter(today=TODAY), page=5, per_page=3)
    assert (beyond.total, beyond.rows) == (4, [])


def test_the_workers_offered_are_those_holding_the_cases_of_the_scopes(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    """Found index step by index step (a recursive query), on SQLite and PostgreSQL alike."""
    both = [(CLERK.id, CLERK.name), (OTHER_CLERK.id, OTHER_CLERK.name)]  # by name
    assert sorted(both, key=lambda w: (w[1], w[0])) == both
    assert case_workers(engine, ["xingning"]) == both
    assert case_workers(engine, ["meijiang"]) == [(CLERK.id, CLERK.name)]
    assert case_workers(engine, None) == both
    assert case_workers(engine, ["meijiang", "xingning", "meijiang"]) == both
    assert case_workers(engine, ["nowhere"]) == case_workers(engine, []) == []
