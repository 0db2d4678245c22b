"""History stored by release 5a6e39d loads, verifies and rebuilds identically.

Release 5a6e39d was the last before each step moved to its own module: its events' topics
name ``domain.events`` (e.g. ``domain.events:OfferSent``), and today those classes live in
:mod:`domain.procedure`. ``tests/fixtures/release-5a6e39d.sqlite3`` was made by that
release's ``xieshang demo --cases 16``, one case taken past its first (sealed) snapshot
with notes, and ``xieshang projections rebuild``; its chain key is beside it. The read
models that release built are kept in the file: today's rebuild must give the same rows,
on SQLite and, with the events copied one by one, on PostgreSQL.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from storyteller import Apps, restore_release

from config.settings import Settings
from domain.application import SNAPSHOT_INTERVAL
from domain.commands import Negotiations
from domain.verify import notifications, verify
from projections.base import engine_of
from projections.ledger import ledger_entries
from projections.runner import Projector

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIXTURE = FIXTURES / "release-5a6e39d.sqlite3"
KEY = (FIXTURES / "release-5a6e39d.chain.key").read_text().strip()
EVENTS, CASES = 381, 16
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?")
MODELS = ("case_summaries", "case_deadlines", "stage_periods", "audit_log", "public_notices")


def _plain(value: Any) -> Any:
    """One spelling of a value whichever store read it: SQLite gives timestamps and JSON as
    text, PostgreSQL as objects."""
    if isinstance(value, str) and value[:1] in "{[":
        value = json.loads(value)
    elif isinstance(value, str) and TIMESTAMP.fullmatch(value):
        value = datetime.fromisoformat(value).replace(tzinfo=UTC)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    return value if value is None or isinstance(value, int | float) else str(value)


def columns_then() -> dict[str, list[str]]:
    """The columns each read model had in release 5a6e39d (later ones may add more)."""
    with sa.create_engine(f"sqlite:///{FIXTURE}").connect() as connection:
        return {table: list(connection.execute(sa.text(f"SELECT * FROM {table}")).keys())
                for table in MODELS}


def _reworded(table: str, names: list[str], row: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row without what a later release words differently on purpose: the audit
    summary of a correction names the corrected facts in words (赞成票) where release
    5a6e39d wrote their codes (votes_for); a case's next deadline is no longer the
    bureau's review (it waits on it) and, once closed, is its contract's renewal window
    (see :func:`renewals_kept_after_closing`)."""
    if table == "case_summaries" and row[names.index("stage")] in ("filed", "closed"):
        return tuple(None if name in ("next_due_on", "next_due_kind") else value
                     for name, value in zip(names, row, strict=True))
    if table != "audit_log" or row[names.index("event_type")] != "EntryCorrected":
        return row
    return tuple(None if name == "summary" else value
                 for name, value in zip(names, row, strict=True))


def renewals_kept_after_closing(now: dict[str, list[Any]], then: dict[str, list[Any]],
                                columns: dict[str, list[str]]) -> list[Any]:
    """The deadlines rebuilt today that release 5a6e39d did not have (taken out of
    ``now``): only the renewal windows of closed cases, which today outlive the case."""
    names, kept = columns["case_deadlines"], set(then["case_deadlines"])
    added = [row for row in now["case_deadlines"] if row not in kept]
    now["case_deadlines"] = [row for row in now["case_deadlines"] if row in kept]
    closed = {row[0] for row in now["case_summaries"] if "closed" in row}
    assert all(row[names.index("kind")] == "renewal" and row[0] in closed
               and row[names.index("met_on")] is None for row in added), added
    return added


def model_rows(engine: sa.Engine, columns: dict[str, list[str]]) -> dict[str, list[Any]]:
    """Every row of each read model (those ``columns``), as plain values, in a stable
    order."""
    with engine.connect() as connection:
        return {table: sorted((_reworded(table, names, tuple(_plain(v) for v in row))
                               for row in connection.execute(
                                   sa.text(f"SELECT {', '.join(names)} FROM {table}"))),
                              key=repr)
                for table, names in columns.items()}


def restored(store: Settings, open_app: Apps, app: Negotiations, folder: Path) -> Negotiations:
    """The store of ``store`` holding release 5a6e39d's history, sealed with its key."""
    return restore_release(FIXTURE, store, open_app, app, folder, CHAIN_KEY=KEY)


def test_release_5a6e39d_history_loads_verifies_and_rebuilds_the_same_read_models(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    then = restored(store, open_app, app, tmp_path)
    stored = list(notifications(then))
    assert {n.topic.partition(":")[0] for n in stored} == {"domain.events"}

    report = verify(then, ledger_entries(engine_of(then)))
    assert report.intact, (report.breaks, report.log_breaks)
    assert (report.cases, report.events) == (CASES, EVENTS)
    assert (report.snapshots, report.unsealed_snapshots) == (1, 0)

    cases = {n.originator_id for n in stored}
    assert max(then.get_case(c).version for c in cases) > SNAPSHOT_INTERVAL
    assert all(len(then.get_case(c).records) == then.get_case(c).version for c in cases)

    assert Projector(then).rebuild() == EVENTS
    columns = columns_then()
    now, before = (model_rows(engine_of(then), columns),
                   model_rows(sa.create_engine(f"sqlite:///{FIXTURE}"), columns))
    assert len(renewals_kept_after_closing(now, before, columns)) == 2
    assert now == before
    with engine_of(then).connect() as connection:
        corrections = [row.summary for row in connection.execute(sa.text(
            "SELECT summary FROM audit_log WHERE event_type = 'EntryCorrected'"))]
    assert corrections and not any(re.search("[a-z_]{4,}", text) for text in corrections)
    Projector(then).catch_up()
    assert verify(then, ledger_entries(engine_of(then))).sealed == EVENTS


def test_a_case_of_release_5a6e39d_takes_new_steps_under_today_s_topics(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    then = restored(store, open_app, app, tmp_path)
    case = max((then.get_case(c) for c in {n.originator_id for n in notifications(then)}),
               key=lambda c: c.version)
    then.add_note(case, case.version, case.state.assigned_to, case.entries[-1].occurred_on,
                  text="升级后的第一条记录")
    newest = list(notifications(then))[-1]
    assert newest.topic == "domain.procedure.note:NoteAdded"
    assert then.get_case(case.id).entries[-1]["text"] == "升级后的第一条记录"
    assert verify(then, []).intact
