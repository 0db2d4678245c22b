"""Public notices: exactly the fields of docs/procedure.md, the public notice, with their
status on a given day."""

from __future__ import annotations

from datetime import date

from casebook import ELECTRONICS, TEXTILE, TEXTILE_DATES, TEXTILE_TERM, Cases
from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import Story

from domain.labels import label
from domain.values import ContractKind
from projections.queries import search_notices
from projections.runner import Projector
from projections.search_text import normalise
from projections.tables import public_notices

# The fields of docs/procedure.md, the public notice, and nothing else.
NOTICE_FIELDS = {
    "case_id", "enterprise", "credit_code", "town", "industry", "contract_kind",
    "workers_covered", "women_covered", "term_start", "term_end", "ratified_on",
    "ratification_members", "ratification_present", "ratification_votes_for",
    "worker_chief", "employer_chief", "signed_on", "filed_on", "effective_on", "effect_basis",
    "bureau", "key_terms", "monitoring_contact", "published_on"}
SEARCH_TEXT = "search_text"
"""The one other column: those fields normalised for the public search (never shown)..."""
SEARCH_KEY = "doc"
"""...with its key in the search index (a number worked out from the case id, never shown)."""


def notices(engine: Engine, today: date, **where) -> dict[str, tuple[str, str]]:
    """Enterprise → status, for the notices matching ``where`` on ``today``."""
    page = search_notices(engine, today, per_page=100, **where)
    assert page.total == len(page.rows)
    return {row["enterprise"]: row["status"] for row in page.rows}


def test_a_notice_per_published_contract_with_exactly_the_public_fields(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    assert {c.name for c in public_notices.columns} == NOTICE_FIELDS | {SEARCH_TEXT, SEARCH_KEY}
    rows = {row["case_id"]: dict(row) for row in
            search_notices(engine, date(2025, 7, 1)).rows}
    assert set(rows) == {str(cases.electronics), str(cases.textile)}, "published only"
    textile = rows[str(cases.textile)]
    assert set(textile) == NOTICE_FIELDS | {"status"}
    assert textile == {
        "case_id": str(cases.textile), "enterprise": TEXTILE,
        "credit_code": textile["credit_code"], "town": "梅江区", "industry": "纺织",
        "contract_kind": "general", "workers_covered": 120, "women_covered": 80,
        "term_start": TEXTILE_TERM[0], "term_end": TEXTILE_TERM[1],
        "ratified_on": TEXTILE_DATES.vote, "ratification_members": 40,
        "ratification_present": 30, "ratification_votes_for": 25,
        "worker_chief": "刘一", "employer_chief": "陈一",
        "signed_on": TEXTILE_DATES.signed, "filed_on": TEXTILE_DATES.filed,
        "effective_on": TEXTILE_DATES.effective, "effect_basis": "confirmed",
        "bureau": "梅州市人社局",
        # The draft's "internal_note" key term stays inside.
        "key_terms": {"wage_increase_pct": 5, "weekly_hours": 40, "summary": "工资增长5%"},
        "monitoring_contact": "市总工会 0753-2222", "published_on": TEXTILE_DATES.published,
        "status": "expired"}
    with engine.connect() as connection:
        text = connection.execute(select(public_notices.c.search_text).where(
            public_notices.c.case_id == str(cases.textile))).scalar_one()
    assert text == normalise(" ".join([TEXTILE, textile["credit_code"], "梅江区", "纺织",
                                       label("kind", "general"), label("kind", "general", "en"),
                                       "5", "40", "工资增长5%"])), "public fields only"
    electronics = rows[str(cases.electronics)]
    assert (electronics["enterprise"], electronics["effect_basis"], electronics["effective_on"],
            electronics["worker_chief"], electronics["employer_chief"], electronics["status"]) == (
        ELECTRONICS, "deemed", date(2025, 5, 1), "张一", "王一", "in_force")


def test_status_in_force_expiring_within_90_days_or_expired(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    # The electronics contract runs to 2028-04-30; 90 days before is 2028-01-31.
    assert notices(engine, date(2025, 7, 1)) == {ELECTRONICS: "in_force", TEXTILE: "expired"}
    assert notices(engine, date(2028, 1, 30))[ELECTRONICS] == "in_force"
    assert notices(engine, date(2028, 1, 31))[ELECTRONICS] == "expiring"
    assert notices(engine, date(2028, 4, 30))[ELECTRONICS] == "expiring"
    assert notices(engine, date(2028, 5, 1))[ELECTRONICS] == "expired"
    assert notices(engine, date(2022, 12, 31))[TEXTILE] == "expiring"
    assert notices(engine, date(2021, 6, 1)) == {ELECTRONICS: "in_force", TEXTILE: "in_force"}

    today = date(2028, 3, 1)
    assert notices(engine, today, status="expiring") == {ELECTRONICS: "expiring"}
    assert notices(engine, today, status="expired") == {TEXTILE: "expired"}
    assert notices(engine, today, status="in_force") == {}


def test_the_public_search_by_town_kind_year_and_pages(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    today = date(2025, 7, 1)
    assert notices(engine, today, town="梅江区") == {TEXTILE: "expired"}
    assert notices(engine, today, kind=ContractKind.WAGE) == {ELECTRONICS: "in_force"}
    assert set(notices(engine, today, year=2022)) == {TEXTILE}
    assert set(notices(engine, today, year=2025)) == {ELECTRONICS}
    assert notices(engine, today, year=2024) == {}
    first = search_notices(engine, today, per_page=1)
    second = search_notices(engine, today, page=2, per_page=1)
    assert (first.total, second.total) == (2, 2)
    assert [r["enterprise"] for r in first.rows + second.rows] == [ELECTRONICS, TEXTILE], (
        "newest published first")


def test_a_notice_appears_only_once_the_contract_is_published(
        engine: Engine, story: Story, cases: Cases, projected: Projector) -> None:
    story.step("agree_draft", cases.hardware, date(2025, 6, 1), text="合同文本",
               key_terms={"minimum_wage": 2100}, signed_by_chiefs=True)
    projected.catch_up()
    assert set(notices(engine, date(2025, 7, 1))) == {ELECTRONICS, TEXTILE}
