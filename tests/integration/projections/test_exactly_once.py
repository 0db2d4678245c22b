"""Exactly once: a rebuild reproduces the tables, a step after catching up does nothing,
and more projectors on the same store never count an event twice."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from casebook import (
    Cases,
    bulk,
    dump_all,
    positions,
    stored_notification_ids,
)
from sqlalchemy import Table, select
from sqlalchemy.engine import Engine
from storyteller import Apps, Story

from config.settings import Settings
from domain.commands import Negotiations
from projections.runner import Projector
from projections.tables import audit_log, case_summaries


def audit_ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        query = select(audit_log.c.notification_id).order_by(audit_log.c.notification_id)
        return list(connection.execute(query).scalars())


def test_a_rebuild_gives_the_same_tables_row_for_row(
        app: Negotiations, engine: Engine, cases: Cases) -> None:
    projector = Projector(app, page=7)
    assert projector.catch_up() == 34
    before = dump_all(engine)
    assert sum(len(rows) for rows in before.values()) > 80
    assert projector.step() == 0, "nothing new"
    assert dump_all(engine) == before
    assert projector.rebuild() == 34
    assert dump_all(engine) == before
    assert Projector(app).rebuild() == 34, "in one page"
    assert dump_all(engine) == before
    assert set(positions(engine).values()) == {34}
    assert {s.lag for s in projector.status()} == {0}


def test_a_second_projector_on_the_same_store_does_not_count_twice(
        store: Settings, open_app: Apps, app: Negotiations, engine: Engine,
        story: Story, cases: Cases) -> None:
    first = Projector(app)
    first.catch_up()
    other_app = open_app(store)             # as another process would
    second = Projector(other_app)
    assert second.catch_up() == 0, "it starts where the first one stopped"
    story.note(cases.hardware, "再次走访")
    story.note(cases.food, "催促回复")
    assert second.catch_up() == 2
    assert first.step() == 0
    assert first.catch_up() == 0
    assert audit_ids(engine) == stored_notification_ids(app)
    with engine.connect() as connection:
        versions = dict(connection.execute(select(case_summaries.c.case_id,
                                                  case_summaries.c.version)).all())
    assert versions == {str(case_id): version for case_id, version in story.versions.items()}


def test_projectors_racing_on_the_same_store_still_count_each_event_once(
        store: Settings, open_app: Apps, app: Negotiations, engine: Engine) -> None:
    bulk(app, cases=20, notes=9)
    racers = [Projector(open_app(store), page=10) for _ in range(3)]
    with ThreadPoolExecutor(len(racers)) as pool:
        done = [pool.submit(p.catch_up) for p in racers]
        counts = [future.result(timeout=60) for future in done]   # re-raises their errors
    assert sum(counts) >= 200
    assert audit_ids(engine) == stored_notification_ids(app) == list(range(1, 201))
    raced = dump_all(engine)
    Projector(app).rebuild()
    assert dump_all(engine) == raced


def test_one_read_model_rebuilt_or_behind_the_others_catches_up_alone(
        app: Negotiations, engine: Engine, story: Story, cases: Cases) -> None:
    Projector(app).catch_up()
    clean = dump_all(engine)
    assert Projector(app, names=["statistics"]).rebuild() == 34
    assert dump_all(engine) == clean
    assert set(positions(engine).values()) == {34}

    story.note(cases.food, "企业仍未回复")
    Projector(app, names=["audit_log", "case_summaries"]).catch_up()
    assert positions(engine)["audit_log_tracking"] == 35
    assert positions(engine)["statistics_tracking"] == 34
    Projector(app, names=["statistics"]).models[0].reset()   # as if a rebuild had died early
    assert positions(engine)["statistics_tracking"] == 0
    projector = Projector(app)
    assert projector.catch_up() == 35, "from the position of the one furthest behind"
    assert set(positions(engine).values()) == {35}
    caught_up = dump_all(engine)
    assert len(caught_up["audit_log"]) == 35
    assert projector.rebuild() == 35
    assert dump_all(engine) == caught_up


def test_a_rebuild_that_fails_while_resetting_leaves_the_read_model_as_it_was(
        app: Negotiations, engine: Engine, cases: Cases,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The position is forgotten and the tables dropped together or not at all: rows
    left behind a forgotten position would make every later step fail (and retry)."""
    Projector(app).catch_up()
    clean = dump_all(engine)
    audit = Projector(app, names=["audit_log"])

    def crash(*_: object, **__: object) -> None:
        raise RuntimeError("the process dies here")

    monkeypatch.setattr(Table, "create", crash)
    with pytest.raises(RuntimeError):
        audit.rebuild()
    monkeypatch.undo()
    assert positions(engine)["audit_log_tracking"] == 34
    assert dump_all(engine) == clean
    assert Projector(app).catch_up() == 0
