"""The demo stores of bench_search_growth.py: made (and timed) or reused, caught up, sized."""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import Engine

from config.settings import Settings
from domain.commands import Negotiations
from projections.runner import Projector
from web.demo.generator import generate

ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
SEARCH_TABLES = ("case_search", "notice_search")
DOC_INDEXES = ("ix_case_summaries_doc", "ix_public_notices_doc")
GIN_INDEXES = ("ix_case_summaries_grams", "ix_public_notices_grams")


@contextmanager
def sqlite_store(instance: Path | None, cases: int) -> Iterator[tuple[Settings, Path | None]]:
    """(settings, generation marker) of the SQLite store of ``cases`` cases: kept in
    ``instance/cases-N``, or in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = ((instance or Path(scratch)) / f"cases-{cases}").resolve()
        folder.mkdir(parents=True, exist_ok=True)
        yield (Settings.from_env({"XIESHANG_INSTANCE_PATH": str(folder)}),
               folder / "generated.json" if instance else None)


@contextmanager
def postgres_store(database: str | None, instance: Path | None,
                   cases: int) -> Iterator[tuple[Settings, Path | None]]:
    """(settings, generation marker) of the PostgreSQL store of ``cases`` cases: the kept
    database ``DATABASE_N``, or a new one dropped afterwards."""
    name = f"{database}_{cases}" if database else f"xs_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        yield (Settings.from_env({"XIESHANG_DATABASE_URL": url}),
               instance / f"{name}.json" if instance and database else None)
    finally:
        if not database:
            with psycopg.connect(ADMIN, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepared(title: str, settings: Settings, cases: int, marker: Path | None) -> Negotiations:
    """The application on a store of ``cases`` demo cases (generated unless it has events),
    its read models caught up; prints how long each took."""
    app = Negotiations.from_settings(settings)
    if not app.recorder.max_notification_id():
        started = time.perf_counter()
        events = generate(app, cases)
        made = {"cases": cases, "events": events, "seconds": time.perf_counter() - started}
        if marker is not None:
            marker.write_text(json.dumps(made))
        print(f"\n{title}, {cases:,} cases: generated {events:,} events in {made['seconds']:.0f} s")
    elif marker is not None and marker.exists():
        made = json.loads(marker.read_text())
        print(f"\n{title}, {made['cases']:,} cases: reused ({made['events']:,} events, "
              f"generated in {made['seconds']:.0f} s when it was made)")
    else:
        print(f"\n{title}: reused ({app.recorder.max_notification_id():,} events)")
    started = time.perf_counter()
    projector = Projector(app)
    caught = projector.catch_up()
    for model in projector.models:   # as a rebuild ends (on PostgreSQL: ANALYZE)
        model.index(analyze=True)
    print(f"  read models caught up: {caught:,} events in {time.perf_counter() - started:.1f} s")
    return app


def index_size(engine: Engine) -> str:
    """The space the search index takes (SQLite: the gram tables, their FTS5 indexes and
    the ``doc`` indexes; PostgreSQL: the GIN indexes), beside the whole database."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            names = " OR ".join([f"name LIKE '{t}%'" for t in SEARCH_TABLES]
                                + [f"name = '{i}'" for i in DOC_INDEXES])
            ours, whole = connection.exec_driver_sql(
                f"SELECT sum(CASE WHEN {names} THEN pgsize ELSE 0 END), sum(pgsize) FROM dbstat"
            ).one()
        else:
            ours = sum(connection.execute(text("SELECT pg_relation_size(:t)"),
                                          {"t": t}).scalar_one() for t in GIN_INDEXES)
            whole = connection.execute(text("SELECT pg_database_size(current_database())")
                                       ).scalar_one()
    return f"{ours / 1e6:.1f} MB of {whole / 1e6:.0f} MB"
