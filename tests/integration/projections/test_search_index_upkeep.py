"""The search index (projections.search_index) is the one the queries read, and it is kept,
rebuilt and made for an earlier release's store with the read models it indexes, on SQLite
and PostgreSQL."""

from __future__ import annotations

from uuid import UUID

import pytest
from casebook import Cases, dump
from searching import PREFIXED, TODAY, cases_found, same_as_the_scan, tell_prefixed
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.engine import Engine
from storyteller import Story

from domain.commands import Negotiations
from projections.queries import CaseFilter, list_cases, search_notices
from projections.runner import Projector
from projections.search_index import text_search
from projections.tables import case_search, case_summaries, notice_search, public_notices


@pytest.fixture
def prefixed(story: Story, cases: Cases, projected: Projector) -> Projector:
    """The scenario, and a food firm whose town is stored with its county's prefix."""
    return tell_prefixed(story, projected)


def test_the_search_reads_the_index(engine: Engine, prefixed: Projector) -> None:
    """SQLite: rows whose grams are gone are no longer found (though the scan still finds
    them). PostgreSQL: the query is one its GIN index answers. The search goes through the
    index, not around it."""
    if engine.dialect.name == "postgresql":
        query = select(case_summaries.c.case_id).where(
            *text_search(engine, case_summaries, "兴宁")[1])
        with engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = connection.execute(text("EXPLAIN " + str(query.compile(
                engine, compile_kwargs={"literal_binds": True})))).scalars().all()
        assert any("ix_case_summaries_grams" in line for line in plan), plan
        return
    with engine.begin() as connection:
        connection.execute(delete(case_search))
        connection.execute(delete(notice_search))
    assert list_cases(engine, CaseFilter(text="兴宁", today=TODAY)).total == 0
    assert list_cases(engine, CaseFilter(text="兴宁", today=TODAY), scan=True).total == 2
    assert search_notices(engine, TODAY, text="兴宁").total == 0
    assert list_cases(engine, CaseFilter(today=TODAY)).total == 5, "no text: every case"


def fts_checked(engine: Engine) -> None:
    """SQLite: each FTS5 index agrees with its gram table, row for row (FTS5's own check)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as connection:
        for table in (case_search, notice_search):
            fts = f"{table.name}_fts"
            connection.exec_driver_sql(
                f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


def grams_stored(engine: Engine) -> dict[str, object]:
    """What indexes the search texts: on SQLite the gram tables and their FTS5 tables, on
    PostgreSQL the GIN indexes."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            fts = set(connection.execute(text(
                "SELECT name FROM sqlite_master WHERE name LIKE '%search_fts'")).scalars())
        return {"fts": fts, **{t.name: dump(engine, t) for t in (case_search, notice_search)}}
    return {"gin": {i["name"] for t in (case_summaries, public_notices)
                    for i in inspect(engine).get_indexes(t.name) if "grams" in str(i["name"])}}


def test_a_rebuild_recreates_the_index(
        app: Negotiations, engine: Engine, story: Story, prefixed: Projector) -> None:
    story.note(prefixed_case(engine), "补充材料")
    prefixed.catch_up()
    fts_checked(engine)
    before = grams_stored(engine)
    sqlite = engine.dialect.name == "sqlite"
    assert before.get("fts" if sqlite else "gin") == (
        {"case_search_fts", "notice_search_fts"} if sqlite
        else {"ix_case_summaries_grams", "ix_public_notices_grams"})
    assert not sqlite or (len(before["case_search"]), len(before["notice_search"])) == (5, 2)
    prefixed.models[0].reset()   # as a rebuild starts: the rows, grams and index are gone
    assert cases_found(engine, "兴宁") == []
    assert grams_stored(engine) != before
    assert Projector(app).rebuild() > 0
    assert grams_stored(engine) == before
    fts_checked(engine)
    same_as_the_scan(engine)


def prefixed_case(engine: Engine) -> UUID:
    """The id of the case of :data:`PREFIXED`."""
    with engine.connect() as connection:
        return UUID(connection.execute(select(case_summaries.c.case_id).where(
            case_summaries.c.enterprise == PREFIXED)).scalar_one())


def as_before_the_index(engine: Engine) -> None:
    """The searched tables as an earlier release left them: no ``doc``, no grams."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for table in (case_search, notice_search):
                table.drop(connection)
            connection.exec_driver_sql("DROP INDEX ix_case_summaries_doc")
            connection.exec_driver_sql("DROP INDEX ix_public_notices_doc")
        else:
            connection.exec_driver_sql("DROP FUNCTION xieshang_grams(text) CASCADE")
        for name in ("case_summaries", "public_notices"):
            connection.exec_driver_sql(f"ALTER TABLE {name} DROP COLUMN doc")


def test_a_store_made_before_the_index_gets_one(
        app: Negotiations, engine: Engine, prefixed: Projector) -> None:
    """Opening an earlier release's store resets the searched read models, and the runner
    fills them, and their index, from the log."""
    before = grams_stored(engine)
    as_before_the_index(engine)
    tables = inspect(engine).get_table_names()
    assert not {"case_search", "case_search_fts"} & set(tables)
    assert not any("grams" in str(i["name"]) for i in inspect(engine).get_indexes(
        "case_summaries"))
    projector = Projector(app)
    assert {s.name: s.position for s in projector.status()}["case_summaries"] == 0
    projector.catch_up()
    assert grams_stored(engine) == before
    fts_checked(engine)
    same_as_the_scan(engine)
    assert len(cases_found(engine, "兴宁")) == 2
