"""Reading the log with bounded memory: the runner's cache of cases holds at most its
budget of entries (cases it let go are loaded again from the store, snapshots included,
and the tables come out the same), and its plain read of the log gives exactly what the
library's reader gives (SQLite file and PostgreSQL)."""

from __future__ import annotations

from casebook import bulk, dump_all, stored_notification_ids
from sqlalchemy.engine import Engine

from domain.commands import Negotiations
from projections.reader import LogReader
from projections.runner import Projector
from projections.timeline import ENTRY_BYTES, MB


def test_the_cache_of_cases_keeps_to_its_budget_and_the_tables_come_out_the_same(
        app: Negotiations, engine: Engine) -> None:
    bulk(app, cases=12, notes=59)          # 60 events a case: snapshots at 50
    Projector(app).catch_up()
    clean = dump_all(engine)
    budget = 100 * ENTRY_BYTES / MB         # 100 entries: fewer than two whole cases
    small = Projector(app, page=37, cache_mb=budget)
    assert small.rebuild() == 720
    assert dump_all(engine) == clean

    reader = LogReader(app, 37, cache_mb=budget)
    start, batch = 1, reader.read(1)
    while batch.count:
        held = sum(len(stages) for _, stages in reader.timeline._cases.values())
        assert held <= 100 or len(reader.timeline._cases) == 1
        start = batch.last_id + 1
        batch = reader.read(start)
    assert reader.timeline.entries == 100


def test_the_plain_read_of_the_log_gives_what_the_library_gives(app: Negotiations) -> None:
    bulk(app, cases=3, notes=30)
    reader = LogReader(app, 1000)
    ours = reader._select(1, 1000) + reader._select(50, 10)
    theirs = (app.recorder.select_notifications(start=1, limit=1000)
              + app.recorder.select_notifications(start=50, limit=10))
    assert [n.id for n in ours] == stored_notification_ids(app) + list(range(50, 60))
    assert [(n.id, n.originator_id, n.originator_version, n.topic, n.state) for n in ours] \
        == [(n.id, n.originator_id, n.originator_version, n.topic, n.state) for n in theirs]
