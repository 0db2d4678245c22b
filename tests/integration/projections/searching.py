"""Helpers of the search tests: a case whose town carries its county's prefix, and searches
checked against the scan and against Python (see test_search_index*.py)."""

from __future__ import annotations

from datetime import date

from casebook import open_case
from sqlalchemy import Table, select
from sqlalchemy.engine import Engine
from storyteller import Story

from projections.paging import normalise_terms
from projections.queries import CaseFilter, list_cases, search_notices
from projections.runner import Projector
from projections.tables import case_summaries, public_notices

TODAY = date(2025, 7, 1)
PREFIXED = "兴宁市宁新街道永和食品厂"   # its town, 兴宁市宁新街道, carries the county
TERMS = ["电", "宁", "子", "某", "厂", "兴宁", "宁新", "食品", "电子", "某电", "嘉应",
         "有限公司", "宁新街道", "兴宁市宁新", "某某电子", "某某纺织", "子电", "某某某",
         "兴宁 电子", "兴宁 纺织", "wage", "WAGE", "Wage Agreement", "ｗａｇｅ",
         "GENERALcontract", "w", "9144", "%", "_", "100%", "3.5", "工资专项"]


def tell_prefixed(story: Story, projector: Projector) -> Projector:
    """A food firm whose town, 兴宁市宁新街道, is stored with its county's prefix, told and
    projected."""
    open_case(story, PREFIXED, date(2025, 5, 6), town="兴宁市宁新街道", industry="食品")
    projector.catch_up()
    return projector


def oracle(engine: Engine, table: Table, text: str) -> set[str]:
    """The enterprises whose stored search text holds every term, found in Python."""
    terms = normalise_terms(text)
    with engine.connect() as connection:
        rows = connection.execute(select(table.c.enterprise, table.c.search_text)).all()
    return {name for name, stored in rows if all(t in stored for t in terms)}


def cases_found(engine: Engine, text: str, **where: object) -> list[str]:
    """The case list for ``text``, asserted equal, row for row, to the scan's."""
    indexed = list_cases(engine, CaseFilter(text=text, today=TODAY, **where), per_page=200)
    scanned = list_cases(engine, CaseFilter(text=text, today=TODAY, **where), per_page=200,
                         scan=True)
    assert indexed == scanned, text
    return [row["enterprise"] for row in indexed.rows]


def notices_found(engine: Engine, text: str) -> list[str]:
    """The public search for ``text``, asserted equal, row for row, to the scan's."""
    indexed = search_notices(engine, TODAY, text=text, per_page=200)
    assert indexed == search_notices(engine, TODAY, text=text, per_page=200, scan=True), text
    return [row["enterprise"] for row in indexed.rows]


def same_as_the_scan(engine: Engine) -> None:
    """Every term of :data:`TERMS` finds, in both searches, what the scan and Python find."""
    for term in TERMS:
        assert set(cases_found(engine, term)) == oracle(engine, case_summaries, term), term
        assert set(notices_found(engine, term)) == oracle(engine, public_notices, term), term
