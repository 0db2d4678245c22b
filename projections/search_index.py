"""Indexed substring search of the read models' search texts.

The case list and the public search keep the rows whose search text contains every query
term (``LIKE '%term%'``, see :func:`projections.paging.like_terms`). A ``LIKE`` that starts
with a wildcard reads every row, so its cost grew with the number of cases. The searched
tables (``case_summaries``, ``public_notices``) now have an index of the grams of their search
text (:mod:`projections.search_grams`), kept in the transaction that writes their rows and
dropped and made again with them (a rebuild, see :class:`projections.base.ReadModel`):

* PostgreSQL: a GIN index of the expression ``xieshang_grams(search_text)``, an SQL function
  (made with the index) giving the same grams as :func:`~projections.search_grams.grams`;
  the database keeps it current itself. A secondary index: a rebuild makes it at the end.
* SQLite, whose indexes cannot hold a list: a *gram table* beside the searched table
  (``case_search``, ``notice_search``: ``doc``, the row's
  :func:`~projections.search_grams.document`, also in the searched row, and the tokens of its
  grams) and an FTS5 index over it (external content, ``ascii`` tokenizer, no positions)
  that triggers keep current. The read model writes the gram rows with its own
  (:func:`replacing_grams`); the gram table is made and dropped with the searched table.

A query reads the candidates from the index, the rows holding every gram of its terms, and
keeps the ``LIKE`` of every term: it returns exactly the rows the scan returned, having read
those candidates instead of every row. Where the candidates are most of the rows, the scan
costs less: PostgreSQL's planner weighs that itself; on SQLite :func:`text_search` does.
Other databases scan as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    DDL,
    Column,
    ColumnElement,
    FromClause,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    column,
    delete,
    event,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Join

from projections.bulk import CHUNK, insert_values
from projections.paging import like_terms, normalise_terms
from projections.search_grams import document, fts_query, fts_text, query_grams

POSTGRES_GRAMS = """CREATE OR REPLACE FUNCTION xieshang_grams(text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
SELECT string_to_array($1, NULL)
       || ARRAY(SELECT substr($1, i, 2) FROM generate_series(1, length($1) - 1) AS i)
$$"""
"""PostgreSQL: the characters and pairs of a text (repeats are one key to a GIN index). Made
when the index is; an index keeps the grams it was built with, so a release that changes
the body must have the searched read models rebuilt (``xieshang projections rebuild``)."""
_private = MetaData()   # the gram tables: SQLite's alone, not read-model tables of their own


def _fts_statements(name: str) -> list[str]:
    """SQLite: the FTS5 index over gram table ``name`` and the triggers that keep it current
    (inside the transaction that changes the gram table)."""
    fts = f"{name}_fts"
    delete_old = f"INSERT INTO {fts}({fts}, rowid, grams) VALUES ('delete', old.doc, old.grams);"
    insert_new = f"INSERT INTO {fts}(rowid, grams) VALUES (new.doc, new.grams);"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(grams, content='{name}', content_rowid='doc',"
        " tokenize='ascii', detail='none', columnsize=0)",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {name} BEGIN {insert_new} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {name} BEGIN {delete_old} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {name} BEGIN {delete_old} {insert_new} END",
    ]


def _on_sqlite(target: Any, when: str, act: Callable[[Any], None]) -> None:
    """Run ``act(connection)`` on the DDL event ``when`` of ``target``, on SQLite only."""
    def listener(_: Any, connection: Any, **__: Any) -> None:
        if connection.dialect.name == "sqlite":
            act(connection)
    event.listen(target, when, listener)


def searchable(searched: Table, name: str) -> Table:
    """Index the search text of ``searched`` (which has ``doc`` and ``search_text``): its GIN
    index on PostgreSQL, and its gram table ``name`` (returned) on SQLite."""
    grams_table = Table(
        name, _private,
        Column("doc", Integer, primary_key=True, autoincrement=False),  # the rowid itself
        Column("grams", Text, nullable=False),
    )
    for statement in _fts_statements(name):
        event.listen(grams_table, "after_create", DDL(statement))
    event.listen(grams_table, "before_drop", DDL(f"DROP TABLE IF EXISTS {name}_fts"))
    _on_sqlite(searched, "after_create", lambda c: grams_table.create(c, checkfirst=True))
    _on_sqlite(searched, "before_drop", lambda c: grams_table.drop(c, checkfirst=True))
    gin = Index(f"ix_{searched.name}_grams", _postgres_grams(searched),
                postgresql_using="gin").ddl_if(dialect="postgresql")
    event.listen(gin, "before_create", DDL(POSTGRES_GRAMS).execute_if(dialect="postgresql"))
    searched.info["grams"] = grams_table
    return grams_table


def _grams_of(searched: Table) -> Table:
    """The gram table of ``searched`` (see :func:`searchable`)."""
    grams_table = searched.info["grams"]
    assert isinstance(grams_table, Table)
    return grams_table


def _postgres_grams(searched: Table) -> Any:
    return func.xieshang_grams(searched.c.search_text, type_=ARRAY(Text))


def replacing_grams(grams_table: Table, case_ids: Sequence[str],
                    rows: Sequence[dict[str, Any]]) -> Callable[[Session], None]:
    """A write (a :data:`projections.base.Write`) replacing, on SQLite, the grams of
    ``case_ids`` in ``grams_table`` by those of ``rows`` (of its searched table); nothing
    elsewhere."""
    docs = [document(case_id) for case_id in case_ids]
    values = [(row["doc"], fts_text(row["search_text"])) for row in rows]

    def write(session: Session) -> None:
        if session.connection().dialect.name != "sqlite":
            return
        for start in range(0, len(docs), CHUNK):
            session.execute(delete(grams_table)
                            .where(grams_table.c.doc.in_(docs[start:start + CHUNK])))
        insert_values(session, grams_table, values)
    return write


class _Driving(Join):
    """A join whose left side SQLite must read first (``CROSS JOIN``, SQLite's way of
    fixing the order of a join): the few candidates the index finds, then their rows by
    ``doc``. Left to itself the planner may rather walk a scope's whole index and try each
    row against the candidates, which costs what the scan did."""

    inherit_cache = True


@compiles(_Driving, "sqlite")
def _cross_join(join: _Driving, compiler: Any, **kw: Any) -> str:
    assert join.onclause is not None
    kw.pop("asfrom", None)
    if (linter := kw.get("from_linter")) is not None:
        linter.edges.update(itertools.product(join.left._from_objects,
                                              join.right._from_objects))
    return (join.left._compiler_dispatch(compiler, asfrom=True, **kw) + " CROSS JOIN "
            + join.right._compiler_dispatch(compiler, asfrom=True, **kw) + " ON "
            + join.onclause._compiler_dispatch(compiler, **kw))


FEW = 1_000
"""SQLite: up to this many candidates, the index is read whatever the table's size."""
SCAN_SHARE = 6
"""SQLite: beyond :data:`FEW`, the index is read only while the candidates are fewer than
one row in this many: looking up a candidate costs about as much as scanning six rows
(bench/bench_search_growth.py), and a term in half the cases (兴宁 in a list of 兴宁市's)
is found sooner by the scan, which stops after a page of rows in the list's order."""


def text_search(engine: Engine, searched: Table, text: str, scan: bool = False
                ) -> tuple[FromClause, list[ColumnElement[bool]]]:
    """What to select from, and the conditions on ``searched``, for rows whose search text
    contains every term of ``text``: through the index on PostgreSQL and SQLite, unless
    ``scan`` (``searched`` alone, every row read, as every search ran before the index)."""
    likes = like_terms(searched.c.search_text, text)
    found = query_grams(normalise_terms(text))
    dialect = engine.dialect.name
    if scan or not found or dialect not in ("sqlite", "postgresql"):
        return searched, likes
    if dialect == "postgresql":   # its planner knows the index (ANALYZE) and picks well
        return searched, [_postgres_grams(searched).contains(found), *likes]
    fts = table(f"{_grams_of(searched).name}_fts", column("rowid"))
    matching = literal_column(fts.name).match(fts_query(found))
    if not _few(engine, searched, select(func.count()).select_from(fts).where(matching)):
        return searched, likes
    docs = select(fts.c.rowid.label("doc")).where(matching).subquery("found")
    return _Driving(docs, searched, searched.c.doc == docs.c.doc), likes


def _few(engine: Engine, searched: Table, candidates: Any) -> bool:
    """SQLite, which keeps no statistics for its planner to weigh the index against the
    scan: whether the candidates are few enough for the index (:data:`FEW`,
    :data:`SCAN_SHARE`). Both counts are cheap: FTS5 counts without reading rows, and
    SQLite counts a table from its smallest index."""
    with engine.connect() as connection:
        count = connection.execute(candidates).scalar_one()
        return count <= FEW or count * SCAN_SHARE < connection.execute(
            select(func.count()).select_from(searched)).scalar_one()
