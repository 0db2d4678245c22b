"""Following live writes: a burst is taken a batch at a time, and rows that did not change
are left alone, with every event still in exactly once and the tables as a rebuild makes
them (SQLite file and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from casebook import Cases, caught_up, dump_all, stored_notification_ids
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from storyteller import Apps, Story

from config.settings import Settings
from domain.commands import Negotiations
from projections import pages, runner
from projections.runner import Projector
from projections.tables import audit_log


def audited(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(text(
            f"SELECT notification_id FROM {audit_log.name} ORDER BY notification_id")).scalars())


def as_rebuilt(app: Negotiations, engine: Engine) -> None:
    """The tables are what a clean rebuild makes of the log."""
    followed = dump_all(engine)
    Projector(app).rebuild()
    assert dump_all(engine) == followed


def statements(engine: Engine) -> list[str]:
    """The SQL the engine sends from now on (a list that grows)."""
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _k, statement, *_: sent.append(" ".join(statement.split())))
    return sent


def test_a_burst_of_writes_goes_in_a_few_batches_exactly_once_and_in_order(
        app: Negotiations, engine: Engine, story: Story, cases: Cases,
        monkeypatch: pytest.MonkeyPatch) -> None:
    projector = caught_up(app)
    batches: list[int] = []

    def counted(models: Any, page: pages.Prepared, *sealing: Any) -> dict[str, int]:
        batches.append(page.count)
        return pages.write(models, page, *sealing)
    monkeypatch.setattr(runner, "write", counted)
    stop = threading.Event()
    following = threading.Thread(target=projector.follow, args=(stop,),
                                 kwargs={"poll": 0.05, "linger": 0.3})
    following.start()
    try:
        for n in range(12):
            story.note((cases.food, cases.hardware, cases.electronics)[n % 3], f"回访{n}")
        last = story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
        for n in range(12):
            last = story.note((cases.food, cases.textile)[n % 2], f"再访{n}")
        assert projector.wait(last.notification_id, timeout=20)
    finally:
        stop.set()
        following.join(timeout=10)
    assert sum(batches) == 25, "every event once"
    assert len([b for b in batches if b]) < 25 / 2, f"in batches, not one by one: {batches}"
    assert audited(engine) == stored_notification_ids(app), "each event once, in log order"
    as_rebuilt(app, engine)


def test_a_note_rewrites_the_summary_and_leaves_the_other_rows_alone(
        app: Negotiations, engine: Engine, story: Story, cases: Cases) -> None:
    projector = caught_up(app)
    for model in projector.models:
        model.written.on = True             # as following does
    story.note(cases.electronics, "首次回访")
    projector.catch_up(fresh=False)         # the rows it committed are remembered now
    sent = statements(engine)
    story.note(cases.electronics, "再次回访")
    assert projector.catch_up(fresh=False) == 1
    deleted = {s.split()[2].strip('"') for s in sent if s.startswith("DELETE FROM")}
    assert deleted == {"case_summaries"}, "the new version; deadlines, stages, notice alone"
    sent.clear()
    story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
    projector.catch_up(fresh=False)
    deleted = {s.split()[2].strip('"') for s in sent if s.startswith("DELETE FROM")}
    assert {"case_summaries", "case_deadlines", "stage_periods"} <= deleted
    as_rebuilt(app, engine)


def test_a_runner_that_another_wrote_behind_forgets_what_it_remembered(
        store: Settings, open_app: Apps, app: Negotiations, engine: Engine, story: Story,
        cases: Cases) -> None:
    """Rows are left alone only when they are the ones this runner committed: after another
    runner moved on, its next page conflicts, and it forgets and starts again from there."""
    first = caught_up(app)
    for model in first.models:
        model.written.on = True
    story.note(cases.food, "催促回复")
    first.catch_up(fresh=False)
    other = Projector(open_app(store))
    story.step("answer_offer", cases.food, date(2025, 5, 10), accepted=True)
    assert other.catch_up() == 1            # the food case's deadlines change here
    story.note(cases.food, "企业已回复")
    first.catch_up(fresh=False)             # its page conflicts; it re-reads and goes on
    assert audited(engine) == stored_notification_ids(app)
    as_rebuilt(app, engine)
