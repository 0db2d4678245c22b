"""The ledger's entries for a page go in with the read models' page, in its transaction:
one commit a page, and a page that does not commit leaves neither rows nor ledger entries
behind, the next pass sealing them exactly once (SQLite file and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from casebook import Cases, stored_notification_ids
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from storyteller import Story

from domain.commands import Negotiations
from projections import pages, runner
from projections.ledger import Ledger, ledger_entries, ledger_table
from projections.runner import Projector
from projections.set_aside import listed


def sealed(engine: Engine) -> list[int]:
    """The notification ids the ledger holds, in order."""
    with engine.connect() as connection:
        return list(connection.execute(select(ledger_table.c.notification_id)
                                       .order_by(ledger_table.c.notification_id)).scalars())


def test_each_page_seals_its_events_in_its_own_transaction(
        app: Negotiations, engine: Engine, cases: Cases, story: Story) -> None:
    projector = Projector(app)
    commits: list[int] = []
    event.listen(engine, "commit", lambda _: commits.append(1))
    projector.catch_up()
    assert sealed(engine) == stored_notification_ids(app)
    assert len(commits) == 1, "one commit: the page's rows and its ledger entries together"
    story.note(cases.hardware, "再次沟通")     # the app's own commit
    before = len(commits)
    projector.catch_up()
    assert sealed(engine) == stored_notification_ids(app)
    assert len(commits) == before + 1
    links = [entry.link for entry in ledger_entries(engine)]
    assert len(set(links)) == len(links) == len(stored_notification_ids(app))


def test_a_page_that_fails_leaves_no_entry_and_the_next_pass_seals_it_once(
        app: Negotiations, engine: Engine, cases: Cases,
        monkeypatch: pytest.MonkeyPatch) -> None:
    projector = Projector(app)
    failing = True

    def broken(models: Any, page: pages.Prepared, *sealing: Any) -> dict[str, int]:
        if failing:
            def refuse(session: Any) -> None:
                raise ConnectionError("the database went away mid-page")
            page.writes.append((page.writes[0][0], refuse, page.writes[0][2]))
        return pages.write(models, page, *sealing)
    monkeypatch.setattr(runner, "write", broken)
    with pytest.raises(ConnectionError):
        projector.catch_up()
    assert sealed(engine) == [], "the ledger's entries went out with the page"
    assert projector.models[0].position == 0
    failing = False
    projector.forget()
    projector.catch_up()
    assert sealed(engine) == stored_notification_ids(app)
    assert [m.position for m in projector.models] == [max(stored_notification_ids(app))] * 5


def test_a_page_whose_events_another_sealer_sealed_first_goes_in_on_the_next_pass(
        app: Negotiations, engine: Engine, cases: Cases,
        monkeypatch: pytest.MonkeyPatch) -> None:
    projector = Projector(app)
    assert app.chain_key is not None
    overtaken = []

    def overtaking(models: Any, page: pages.Prepared, *sealing: Any) -> dict[str, int]:
        if not overtaken:     # another runner's sealer gets there first, once
            overtaken.append(Ledger(app, app.chain_key).seal())
        return pages.write(models, page, *sealing)
    monkeypatch.setattr(runner, "write", overtaking)
    taken_apart: list[int] = []
    isolate = pages.isolate
    monkeypatch.setattr(pages, "isolate", lambda *a: taken_apart.append(1) or isolate(*a))
    projector.catch_up()
    ids = stored_notification_ids(app)
    assert overtaken == [len(ids)]
    assert taken_apart == [], "a ledger overtaken is no fault of the events: not taken apart"
    assert sealed(engine) == ids
    assert [m.position for m in projector.models] == [max(ids)] * 5
    assert listed(engine) == [], "nothing set aside: the page went in whole"
