"""History stored by an earlier release keeps loading, verifying and rebuilding.

``tests/fixtures/release-2c7884e.sqlite3`` was made by ``xieshang demo --cases 16`` of
release 2c7884e (before snapshots and the log were sealed), plus one case taken past its
first snapshot. Its events are read as they are, on SQLite and, copied event by event,
on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from storyteller import Apps, restore_release

from config.settings import Settings
from domain.application import SNAPSHOT_INTERVAL
from domain.commands import Negotiations
from domain.verify import notifications, verify
from projections.base import engine_of
from projections.ledger import ledger_entries
from projections.runner import Projector

FIXTURE = Path(__file__).parent.parent / "fixtures" / "release-2c7884e.sqlite3"
EVENTS, CASES = 340, 16


def earlier_release(store: Settings, open_app: Apps, app: Negotiations,
                    folder: Path) -> Negotiations:
    """The store of ``store`` holding the earlier release's history."""
    return restore_release(FIXTURE, store, open_app, app, folder)


def test_an_earlier_release_s_history_verifies_loads_and_rebuilds(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    copy = tmp_path / "earlier"
    copy.mkdir()
    restored = earlier_release(store, open_app, app, copy)

    report = verify(restored, ledger_entries(engine_of(restored)))
    assert report.intact, (report.breaks, report.log_breaks)
    assert (report.cases, report.events) == (CASES, EVENTS)
    assert (report.snapshots, report.unsealed_snapshots) == (1, 1)

    cases = {n.originator_id for n in notifications(restored)}
    long_case = max(cases, key=lambda c: restored.get_case(c).version)
    assert restored.get_case(long_case).version > SNAPSHOT_INTERVAL
    assert all(restored.get_case(c).entries for c in cases)

    projector = Projector(restored)
    assert projector.rebuild() == EVENTS
    assert all(status.lag == 0 for status in projector.status())
    projector.catch_up()                                    # seals the whole log
    sealed = verify(open_app(store), ledger_entries(engine_of(restored)))
    assert sealed.intact and sealed.sealed == EVENTS


def test_a_runner_seals_a_log_its_read_models_already_follow_and_then_each_new_page(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    """Upgrading a store whose read models are current but that has no ledger yet: the
    runner's first pass seals the whole log; then every page it reads is sealed as read."""
    copy = tmp_path / "earlier"
    copy.mkdir()
    restored = earlier_release(store, open_app, app, copy)
    Projector(restored).rebuild()
    with engine_of(restored).begin() as connection:
        connection.exec_driver_sql("DELETE FROM event_ledger")

    follower = Projector(open_app(store))
    assert follower.catch_up(fresh=False) == 0, "the read models were current"
    assert verify(restored, ledger_entries(engine_of(restored))).sealed == EVENTS

    case_id = next(iter({n.originator_id for n in notifications(restored)}))
    case = restored.get_case(case_id)
    restored.add_note(case, case.version, case.state.assigned_to, case.entries[-1].occurred_on,
                      text="升级后的第一条记录")
    assert follower.catch_up(fresh=False) == 1
    report = verify(restored, ledger_entries(engine_of(restored)))
    assert report.intact and (report.sealed, report.unsealed) == (EVENTS + 1, 0)
