"""Projection benchmark on demo data: rebuild throughput and query times.

For SQLite and PostgreSQL: generate ``--cases`` demo cases (default 20,000) into a fresh
store, then measure
  * the raw read rate of the notification log through the library (select + decode), the
    ceiling for any projection, and a full rebuild of all read models, as events/s and ratio;
  * the median and worst time of the case list (filtered, paginated), the deadlines due this
    week, and a public notice search, over repeated runs.

Generating 20,000 cases takes many minutes per store: ``--instance DIR`` keeps the SQLite
store in ``DIR`` (generated there if it is empty, reused as it is otherwise), and
``--database NAME`` does the same with a PostgreSQL database (otherwise each run makes a
database with a unique name and drops it at the end).

    .venv/bin/python bench/bench_projections.py [--cases 20000] [--instance DIR]
        [--database NAME | --skip-postgres]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from config.settings import Settings
from domain import clock
from domain.commands import Negotiations
from projections.queries import CaseFilter, list_cases, open_deadlines, search_notices
from projections.runner import Projector
from web.demo.generator import generate

ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PAGE = 1000


def raw_read_rate(app: Negotiations) -> tuple[int, float]:
    """(events, seconds) to select and decode the whole notification log."""
    started, count, start = time.perf_counter(), 0, 1
    while page := app.recorder.select_notifications(start=start, limit=PAGE):
        for notification in page:
            app.mapper.to_domain_event(notification)
        count += len(page)
        start = page[-1].id + 1
    return count, time.perf_counter() - started


def timed(query: Callable[[], Any], runs: int = 30) -> tuple[float, float]:
    """(median, max) milliseconds of ``query`` after one warm-up run."""
    query()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        query()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def bench(title: str, settings: Settings, cases: int) -> None:
    """Generate (unless the store has events), rebuild and query one store; print its
    figures."""
    app = Negotiations.from_settings(settings)
    stored = app.recorder.max_notification_id()
    if stored:
        print(f"\n{title}: reusing the store's {stored} events ({cases=} ignored)")
    else:
        started = time.perf_counter()
        events = generate(app, cases)
        print(f"\n{title}: generated {cases} cases, {events} events "
              f"in {time.perf_counter() - started:.0f} s")
    count, seconds = raw_read_rate(app)
    raw = count / seconds
    projector = Projector(app)
    started = time.perf_counter()
    rebuilt = projector.rebuild()
    rebuild = rebuilt / (time.perf_counter() - started)
    print(f"  raw read (select+decode): {raw:>9.0f} events/s")
    print(f"  rebuild all read models:  {rebuild:>9.0f} events/s  ratio {rebuild / raw:.2f}")
    engine = app.factory.datastore.engine  # type: ignore[attr-defined]
    today = clock.today()
    town = "兴宁市宁新街道"  # demo towns carry their county's prefix
    queries = {
        "case list (scope+stage, page 2)": lambda: list_cases(
            engine, CaseFilter(scopes=["兴宁市"], stage="negotiating", today=today), page=2),
        "case list (text '电子', overdue)": lambda: list_cases(
            engine, CaseFilter(text="电子", overdue=True, today=today)),
        "deadlines due this week": lambda: open_deadlines(engine, today, 7),
        "notice search ('电子', in force)": lambda: search_notices(
            engine, today, text="电子", status="in_force"),
        f"notice search (town {town}, page 3)": lambda: search_notices(
            engine, today, town=town, page=3),
    }
    for name, query in queries.items():
        median, worst = timed(query)
        print(f"  {name:<36} median {median:6.1f} ms  max {worst:6.1f} ms")
    app.close()


def main(argv: list[str]) -> None:
    """Run the benchmark on SQLite and (unless skipped) PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--instance", type=Path,
                        help="SQLite: keep the store in this folder (reused if it has one)")
    parser.add_argument("--database",
                        help="PostgreSQL: use and keep this database (reused if it has events)")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = (args.instance or Path(scratch)).resolve()
        settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(folder)})
        folder.mkdir(parents=True, exist_ok=True)
        bench("SQLite", settings, args.cases)
        print(f"  (file size {Path(folder, 'xieshang.sqlite3').stat().st_size / 1e6:.0f} MB)")
    if args.skip_postgres:
        return
    name = args.database or f"xs_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                            (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        bench("PostgreSQL", Settings.from_env({"XIESHANG_DATABASE_URL": url}), args.cases)
    finally:
        if not args.database:
            with psycopg.connect(ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main(sys.argv[1:])
