"""Concurrency (PostgreSQL): writer processes save events while a projector process
follows the log (LISTEN/NOTIFY); it ends with one audit row per stored event and one
summary per case at its latest version."""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import Counter
from uuid import UUID

import pytest
from casebook import (
    positions,
    stopped_at_exit,
    store_environ,
    stored_notification_ids,
    write_cases,
    xieshang,
)
from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import Apps

from config.settings import Settings
from domain.commands import Negotiations
from projections.runner import Projector
from projections.tables import audit_log, case_summaries

WRITERS, CASES, NOTES = 4, 5, 10


@pytest.mark.parametrize("store", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_writer_processes_and_a_following_projector(
        store: Settings, open_app: Apps, app: Negotiations, engine: Engine) -> None:
    Projector(app)                  # the read-model tables exist before anyone follows
    spawn = multiprocessing.get_context("spawn")
    writers = [spawn.Process(target=write_cases, args=(store_environ(store), n, CASES, NOTES))
               for n in range(WRITERS)]
    with stopped_at_exit(xieshang(store, "projections", "run")) as worker:
        try:
            for writer in writers:
                writer.start()
            seen = []               # the projector's progress while they write
            deadline = time.monotonic() + 120
            while any(w.is_alive() for w in writers) and time.monotonic() < deadline:
                seen.append((min(positions(engine).values()),
                             app.recorder.max_notification_id()))
                time.sleep(0.05)
            for writer in writers:
                writer.join(timeout=5)
        finally:
            for writer in writers:
                if writer.is_alive():
                    writer.kill()
                    writer.join()
        assert [w.exitcode for w in writers] == [0] * WRITERS
        assert any(0 < done < (written or 0) for done, written in seen), (
            "the projector did not follow while the writers wrote")

        stored = stored_notification_ids(app)
        assert len(stored) == WRITERS * CASES * (NOTES + 1)
        assert Projector(open_app(store)).wait(stored[-1], timeout=30)
        worker.send_signal(signal.SIGTERM)
        _, errors = worker.communicate(timeout=30)
    assert worker.returncode == 0, errors

    with engine.connect() as connection:
        audited = connection.execute(select(audit_log.c.notification_id, audit_log.c.actor_id)
                                     .order_by(audit_log.c.notification_id)).all()
        summaries = dict(connection.execute(
            select(case_summaries.c.case_id, case_summaries.c.version)).all())
    assert [n for n, _ in audited] == stored
    assert Counter(actor for _, actor in audited) == {
        f"sw-{n}": CASES * (NOTES + 1) for n in range(WRITERS)}
    assert len(summaries) == WRITERS * CASES
    assert set(summaries.values()) == {NOTES + 1}
    for case_id, version in summaries.items():
        assert app.get_case(UUID(case_id)).version == version
