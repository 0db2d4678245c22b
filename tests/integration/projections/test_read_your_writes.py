"""Read-your-writes: after a command, waiting for its notification id (bounded) makes
the lists show what was just recorded; with no runner, the wait gives up in time."""

from __future__ import annotations

import threading
import time
from datetime import date

from casebook import FOOD, Cases, caught_up
from sqlalchemy.engine import Engine
from storyteller import Story

from domain.commands import Negotiations
from projections.queries import CaseFilter, list_cases
from projections.runner import Background, Projector


def food_stage(engine: Engine) -> str:
    rows = list_cases(engine, CaseFilter(text="华城")).rows
    assert [row["enterprise"] for row in rows] == [FOOD]
    return rows[0]["stage"]


def test_with_a_background_runner_the_list_shows_the_step_just_recorded(
        app: Negotiations, engine: Engine, story: Story, cases: Cases) -> None:
    caught_up(app)
    runner = Background(Projector(app)).start()
    try:
        assert food_stage(engine) == "offer_sent"
        recorded = story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
        assert runner.projector.wait(recorded.notification_id, timeout=2)
        assert food_stage(engine) == "negotiating"

        # A projector elsewhere (another web process) sees the runner's progress too.
        recorded = story.note(cases.food, "准备首次协商会议")
        assert Projector(app).wait(recorded.notification_id, timeout=2)
        assert list_cases(engine, CaseFilter(text="华城")).rows[0]["version"] == (
            recorded.version)
    finally:
        runner.close()
    assert not runner.thread.is_alive()


def test_with_no_runner_the_wait_gives_up_after_its_timeout(
        app: Negotiations, engine: Engine, story: Story, cases: Cases) -> None:
    caught_up(app)
    recorded = story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
    started = time.monotonic()
    assert not Projector(app).wait(recorded.notification_id, timeout=1.0)
    waited = time.monotonic() - started
    assert 1.0 <= waited < 3.0
    assert food_stage(engine) == "offer_sent", "the list is a step behind"
    assert Projector(app).wait(recorded.notification_id - 1, timeout=1.0), "already there"


def test_a_runner_in_the_same_process_is_woken_at_once_not_at_its_next_poll(
        app: Negotiations, engine: Engine, story: Story, cases: Cases) -> None:
    caught_up(app)
    projector, stop = Projector(app), threading.Event()
    runner = threading.Thread(target=projector.follow, args=(stop, 5.0), daemon=True)
    runner.start()
    try:
        time.sleep(0.2)  # the runner is now idle until its next poll, 5 s away
        recorded = story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
        started = time.monotonic()
        assert projector.wait(recorded.notification_id, timeout=4)
        assert time.monotonic() - started < 2.0
        assert food_stage(engine) == "negotiating"
    finally:
        stop.set()
        projector.nudge.set()
        runner.join(timeout=10)
