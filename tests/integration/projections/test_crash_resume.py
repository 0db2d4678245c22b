"""Crash and resume: ``xieshang projections rebuild`` killed mid-way (SIGKILL), then
``xieshang projections run`` picks up where the dead process committed, and every read
model ends row for row as a clean build of the same events."""

from __future__ import annotations

import signal
import time

from casebook import (
    bulk,
    dump_all,
    positions,
    stopped_at_exit,
    stored_notification_ids,
    xieshang,
)
from sqlalchemy.engine import Engine
from storyteller import Apps, raw_execute

from config.settings import Settings
from domain.commands import Negotiations
from projections.runner import Projector

EVENTS = 3000
PAGE = 50


def kill_part_way(settings: Settings, engine: Engine, newest: int) -> dict[str, int]:
    """Start a rebuild, SIGKILL it once every read model is a third of the way; return
    the positions it had committed when it died."""
    with stopped_at_exit(xieshang(settings, "projections", "rebuild", page=PAGE)) as rebuild:
        deadline, reset = time.monotonic() + 60, False
        while time.monotonic() < deadline and rebuild.poll() is None:
            now = positions(engine).values()
            reset = reset or min(now) < newest        # the rebuild forgot a position
            if reset and min(now) >= newest // 3:
                rebuild.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        _, errors = rebuild.communicate(timeout=60)
    assert rebuild.returncode == -signal.SIGKILL, f"the rebuild was not killed: {errors}"
    return positions(engine)


def test_a_rebuild_killed_mid_way_resumes_to_the_same_tables(
        store: Settings, open_app: Apps, app: Negotiations, engine: Engine) -> None:
    assert bulk(app, cases=50, notes=EVENTS // 50 - 1) == EVENTS
    assert raw_execute(store, "SELECT count(*) FROM negotiations_snapshots") == [(50,)], (
        "cases resumed mid-way are loaded from their snapshots")
    newest = stored_notification_ids(app)[-1]
    Projector(app).catch_up()
    clean = dump_all(engine)
    assert len(clean["audit_log"]) == EVENTS

    at_death = kill_part_way(store, engine, newest)
    assert max(at_death.values()) > 0 and min(at_death.values()) < newest, at_death
    assert all(p % PAGE == 0 for p in at_death.values()), "whole pages committed"
    half_built = dump_all(engine)
    assert 0 < len(half_built["audit_log"]) < EVENTS
    assert len(half_built["audit_log"]) == at_death["audit_log_tracking"], (
        "the audit rows and the tracking position were committed together")

    # Resume with the worker process, as production would, then stop it politely.
    with stopped_at_exit(xieshang(store, "projections", "run", "--poll", "0.1")) as worker:
        assert Projector(open_app(store)).wait(newest, timeout=60), "the worker is behind"
        worker.send_signal(signal.SIGTERM)
        _, errors = worker.communicate(timeout=30)
    assert worker.returncode == 0, errors
    assert dump_all(engine) == clean

    with stopped_at_exit(xieshang(store, "projections", "status")) as status:
        out, errors = status.communicate(timeout=60)
    assert status.returncode == 0, errors
    lines = out.splitlines()
    models = [line for line in lines if line.split()[0] in Projector.names()]
    assert len(models) == len(Projector.names())
    assert all(line.split()[2:] == [str(newest), "lag", "0", "set", "aside", "0"]
               for line in models), out
    assert lines[-1] == "status: ok", out

    # And a rebuild in the test process gives the same tables again.
    assert Projector(app).rebuild() == EVENTS
    assert dump_all(engine) == clean
