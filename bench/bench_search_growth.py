"""Search cost against store size (issue 13): the scan of earlier releases beside the index.

For each size of ``--sizes`` (default 2,000 and 20,000 demo cases, from the demo generator
``web.demo.generator.generate``, as ``xieshang demo --cases N`` makes them) and each store
(SQLite; with ``--postgres`` also PostgreSQL) the script prints how long generating the cases
took, how long the read models took to catch up, the space the search index takes, then for
each query the median milliseconds over ``--runs`` runs (after one warm-up) of

* *scan*: the query as earlier releases ran it, ``LIKE '%term%'`` over every row
  (``list_cases``/``search_notices`` with ``scan=True``; for the notice search by town,
  without the index on the town);
* *index*: the query as it runs now (:mod:`projections.search_index`),

and the rows it found (the two ways must find the same rows, in the same order, or the script
stops), and how the search runs now ("now": on SQLite ``index``, or ``scan`` where most rows
are candidates, see ``text_search``; on PostgreSQL its planner chooses). Queries without
text are the same either way: one figure.

Stores: ``--instance DIR`` keeps the SQLite stores in ``DIR/cases-N`` and ``--database
PREFIX`` the PostgreSQL databases ``PREFIX_N`` (generated if empty, reused otherwise; with
``--instance``, how long the generation took is kept beside them as ``DIR/cases-N/generated.json``
and ``DIR/PREFIX_N.json``). Otherwise each run generates into a temporary folder and
databases with unique names, dropped at the end. A store made by an earlier release has its
searched read models reset and refilled when it is opened (counted in "caught up").

    .venv/bin/python bench/bench_search_growth.py [--sizes 2000 20000] [--runs 15]
        [--instance DIR] [--postgres] [--database PREFIX] [--skip-sqlite]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from search_growth_stores import index_size, postgres_store, prepared, sqlite_store
from sqlalchemy import Index, Table, func, select
from sqlalchemy.engine import Engine

from domain import clock
from projections.base import engine_of
from projections.queries import CaseFilter, list_cases, open_deadlines, search_notices
from projections.search_index import text_search
from projections.tables import case_summaries, metadata, public_notices

TOWN = "兴宁市宁新街道"        # demo towns carry their county's prefix
SCOPE = "兴宁市"


@contextmanager
def without(engine: Engine, index: Index) -> Iterator[None]:
    """``index`` dropped for the time of the block, then made again."""
    index.drop(engine)
    try:
        yield
    finally:
        index.create(engine)


def timed(scan: Callable[[], Any] | None, index: Callable[[], Any],
          runs: int) -> tuple[float | None, float, Any, Any]:
    """(median ms of ``scan``, of ``index``, their results) over ``runs`` runs each after a
    warm-up, taking turns (so that load from elsewhere falls on both alike)."""
    found, scanned = index(), scan() if scan else None
    times: dict[Any, list[float]] = {scan: [], index: []}
    for _ in range(runs):
        for query in (scan, index):
            if query is not None:
                started = time.perf_counter()
                query()
                times[query].append((time.perf_counter() - started) * 1000)
    old = statistics.median(times[scan]) if scan else None
    return old, statistics.median(times[index]), scanned if scan else found, found


class Query(NamedTuple):
    """A query measured: a function of ``scan``, and the table and words it searches."""

    run: Callable[[bool], Any]
    table: Table | None = None
    words: str = ""


def queries(engine: Engine) -> dict[str, Query]:
    """The queries measured."""
    today = clock.today()
    with engine.connect() as connection:
        worker = connection.execute(
            select(case_summaries.c.assigned_id).where(case_summaries.c.scope == SCOPE)
            .group_by(case_summaries.c.assigned_id).order_by(func.count().desc())).first()
    assigned = worker[0] if worker else ""

    def cases(words: str = "", scopes: list[str] | None = None, **more: Any) -> Query:
        where = CaseFilter(text=words, scopes=scopes, today=today, **more)
        return Query(lambda scan: list_cases(engine, where, scan=scan), case_summaries, words)

    def notices(words: str = "", **more: Any) -> Query:
        return Query(lambda scan: search_notices(engine, today, text=words, scan=scan, **more),
                     public_notices, words)

    def dashboard(_: bool) -> Any:
        mine = list_cases(engine, CaseFilter(assigned_id=assigned, today=today), per_page=20)
        return mine, open_deadlines(engine, today, 7, scopes=[SCOPE], assigned_id=assigned)

    return {
        "case list, text 兴宁 (every scope)": cases("兴宁"),
        "case list, text 宁新 (every scope)": cases("宁新"),
        "case list, text 宁新街道 (every scope)": cases("宁新街道"),
        "case list, text 食品, scope 兴宁市": cases("食品", [SCOPE]),
        "case list, text 某某 (finds none)": cases("某某"),
        "case list, text WAGE, scope 兴宁市": cases("WAGE", [SCOPE]),
        "case list, text 宁, scope 兴宁市": cases("宁", [SCOPE]),
        "case list, stage negotiating, scope 兴宁市": cases(scopes=[SCOPE], stage="negotiating"),
        "notice search, text 电子": notices("电子"),
        "notice search, text 宁新街道": notices("宁新街道"),
        f"notice search, town {TOWN}": notices(town=TOWN),
        "dashboard (a worker's cases, deadlines)": Query(dashboard),
    }


def way(engine: Engine, query: Query) -> str:
    """How the search runs now: through the index, or (SQLite, most rows are candidates)
    the scan; PostgreSQL's planner chooses for itself."""
    if not query.words or query.table is None:
        return ""
    if engine.dialect.name != "sqlite":
        return "planner"
    return "scan" if text_search(engine, query.table, query.words)[0] is query.table else "index"


def measure(engine: Engine, runs: int) -> None:
    """Print scan and index times of every query."""
    print(f"  search index: {index_size(engine)}")
    print(f"  {'query':<44}{'scan ms':>9}{'index ms':>10}{'rows':>8}  now")
    town_index = metadata.tables["public_notices"].indexes
    by_town = next(i for i in town_index if i.name == "ix_public_notices_town_published")
    for name, query in queries(engine).items():
        scan, index = partial(query.run, True), partial(query.run, False)
        old: float | None
        if "town" in name:
            with without(engine, by_town):    # the town's index is new: the scan is without
                _, old, scanned, _ = timed(None, scan, runs)
            _, new, _, found = timed(None, index, runs)
        else:
            old, new, scanned, found = timed(scan if query.words else None, index, runs)
        if scanned != found:
            raise SystemExit(f"{name}: the scan and the index found different rows")
        rows = found[0].total if isinstance(found, tuple) else found.total
        shown = "    (same)" if old is None else f"{old:>9.1f}"
        print(f"  {name:<44}{shown}{new:>10.1f}{rows:>8}  {way(engine, query)}", flush=True)


def run(title: str, store: Any, cases: int, runs: int) -> None:
    """Prepare one store and measure it."""
    with store as (settings, marker):
        app = prepared(title, settings, cases, marker)
        try:
            measure(engine_of(app), runs)
        finally:
            app.close()


def main(argv: list[str]) -> None:
    """Run the benchmark for every size on SQLite and (with ``--postgres``) PostgreSQL."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instance", type=Path, help="keep and reuse SQLite stores here")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--database", help="PostgreSQL: keep and reuse databases PREFIX_N")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    for cases in args.sizes:
        if not args.skip_sqlite:
            run("SQLite", sqlite_store(args.instance, cases), cases, args.runs)
        if args.postgres:
            run("PostgreSQL", postgres_store(args.database, args.instance, cases), cases,
                args.runs)


if __name__ == "__main__":
    main(sys.argv[1:])
