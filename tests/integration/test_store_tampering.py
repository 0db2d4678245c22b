"""Tampering by someone who can write to the database but holds no key kept outside it.

Six ways to change history behind the application's back, each found by ``verify``: an
edit in the middle of a case or of its newest entry, a deletion in the middle or of the
newest entry, a whole case deleted, and a case rewritten with digests recomputed by the
product's own ``digest_of``. The per-case chain finds some; the sealed ledger of the whole
log finds them all; a checkpoint kept outside finds what was cut off the log's end.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import pytest
from storyteller import APPOINTMENT, PUBLISHED, REPLY, Apps, Story, raw_execute, stored_id
from test_store_verify import (
    CONTENT_DIFFERS,
    EVENTS_TABLE,
    delete_row,
    overwrite_state,
    stored_state,
    three_published_cases,
)

from config.settings import Settings
from domain.chain import digest_of
from domain.checkpoint import Checkpoint, take
from domain.commands import Negotiations
from domain.verify import VerifyReport, notifications, verify
from projections.base import engine_of
from projections.ledger import Ledger, ledger_entries

Cases = tuple[UUID, UUID, UUID]
REMOVED, REWRITTEN = "removed from the log", "rewritten since it was sealed"


def sealed(app: Negotiations) -> Ledger:
    """The ledger of ``app``'s log, sealed up to its end (as the runner keeps it)."""
    key = app.chain_key
    assert key is not None, "every test store has a chain key"
    ledger = Ledger(app, key)
    ledger.seal()
    return ledger


def checked(store: Settings, open_app: Apps, checkpoint: Checkpoint | None = None
            ) -> VerifyReport:
    """``verify`` in a new process, with the ledger and, if given, a checkpoint."""
    app = open_app(store)
    return verify(app, ledger_entries(engine_of(app)), checkpoint)


def log_reasons(report: VerifyReport) -> set[tuple[UUID | None, int | None, str]]:
    return {(b.case_id, b.version, b.reason) for b in report.log_breaks}


def rewrite_with_recomputed_digests(store: Settings, app: Negotiations, case_id: UUID) -> None:
    """Change a representative's name and recompute every digest after it, so that the
    case's own chain checks out."""
    events = [app.mapper.to_domain_event(s) for s in app.recorder.select_events(case_id)]
    previous = events[APPOINTMENT - 2].digest
    for event in events[APPOINTMENT - 1:]:
        fields = dict(vars(event))
        if event.originator_version == APPOINTMENT:
            fields["worker_side"] = [{**r, "name": "李四"} if r["name"] == "张二" else r
                                     for r in fields["worker_side"]]
        fields["prev_hash"] = previous
        fields["digest"] = previous = digest_of(
            app.mapper.to_stored_event(event).topic, fields)
        forged = app.mapper.to_stored_event(type(event)(**fields))
        overwrite_state(store, case_id, event.originator_version, forged.state)


def delete_case(store: Settings, case_id: UUID) -> None:
    raw_execute(store, f"DELETE FROM {EVENTS_TABLE} WHERE originator_id = %s",
                [stored_id(store, case_id)])


def edit(store: Settings, case_id: UUID, version: int, old: str, new: str) -> None:
    state = stored_state(store, case_id, version)
    assert old.encode() in state
    overwrite_state(store, case_id, version, state.replace(old.encode(), new.encode()))


Tamper = Callable[[Settings, Negotiations, Cases], set[tuple[UUID | None, int | None, str]]]


def middle_edit(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    edit(store, cases[1], APPOINTMENT, "张二", "李四")
    return {(cases[1], APPOINTMENT, REWRITTEN)}


def last_edit(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    edit(store, cases[1], PUBLISHED, "公告栏", "宣传栏")
    return {(cases[1], PUBLISHED, REWRITTEN)}


def middle_delete(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    delete_row(store, cases[1], REPLY)
    return {(cases[1], REPLY, REMOVED)}


def last_delete(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    delete_row(store, cases[0], PUBLISHED)
    delete_row(store, cases[2], PUBLISHED)      # the newest event of the whole log, too
    return {(cases[0], PUBLISHED, REMOVED), (cases[2], PUBLISHED, REMOVED)}


def case_deleted(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    delete_case(store, cases[1])
    return {(cases[1], version, REMOVED) for version in range(1, PUBLISHED + 1)}


def rewritten(store: Settings, app: Negotiations, cases: Cases) -> set:  # type: ignore[type-arg]
    rewrite_with_recomputed_digests(store, app, cases[1])
    return {(cases[1], version, REWRITTEN) for version in range(APPOINTMENT, PUBLISHED + 1)}


@pytest.mark.parametrize("tamper", [middle_edit, last_edit, middle_delete, last_delete,
                                    case_deleted, rewritten])
def test_every_kind_of_tampering_is_reported_by_the_ledger(
        store: Settings, open_app: Apps, app: Negotiations, story: Story,
        tamper: Tamper) -> None:
    cases = three_published_cases(story)
    sealed(app)
    assert checked(store, open_app).intact

    expected = tamper(store, app, cases)

    report = checked(store, open_app)
    assert not report.intact
    assert log_reasons(report) == expected
    assert {case for case, _, _ in log_reasons(report)} <= set(cases)


def test_what_the_case_chains_alone_miss(
        store: Settings, open_app: Apps, app: Negotiations, story: Story) -> None:
    """Without the ledger (a store with no chain key), a deleted newest entry, a deleted
    case and a rewrite with recomputed digests leave every case chain intact."""
    cases = three_published_cases(story)
    doomed = story.open_case(name="兴宁市丁鞋业有限公司")
    story.through_publication(doomed)
    sealed(app)
    last_delete(store, app, cases)
    rewritten(store, app, cases)
    delete_case(store, doomed)

    assert verify(open_app(store)).intact, "what the chains alone can see"
    assert not checked(store, open_app).intact


def test_a_checkpoint_finds_the_newest_events_cut_off_with_their_ledger_entries(
        store: Settings, open_app: Apps, app: Negotiations, story: Story,
        tmp_path: Path) -> None:
    cases = three_published_cases(story)
    ledger = sealed(app)
    key = app.chain_key
    checkpoint = take(app.name, notifications(app), "2026-12-02T10:00:00+08:00",
                      ledger.link_at, key)
    kept = tmp_path / "checkpoint.json"
    kept.write_text(checkpoint.dumps())
    story.note(cases[0], "检查点之后的记录")
    sealed(app)

    newest = app.recorder.max_notification_id()
    delete_row(store, cases[2], PUBLISHED)
    delete_row(store, cases[0], PUBLISHED + 1)
    raw_execute(store, "DELETE FROM event_ledger WHERE notification_id >= %s",
                [newest - 1])

    assert checked(store, open_app).intact, "the ledger alone cannot see a cut-off end"
    report = checked(store, open_app, Checkpoint.loads(kept.read_text()))
    assert [(b.notification_id, b.reason) for b in report.log_breaks] == [
        (checkpoint.last_notification_id, "1 event(s) removed since the checkpoint"),
        (checkpoint.last_notification_id, "the ledger differs from the checkpoint")]


def test_a_checkpoint_stays_valid_as_the_log_grows_and_its_file_cannot_be_edited(
        store: Settings, open_app: Apps, app: Negotiations, story: Story) -> None:
    cases = three_published_cases(story)
    ledger = sealed(app)
    checkpoint = take(app.name, notifications(app), "2026-12-02T10:00:00+08:00",
                      ledger.link_at, app.chain_key)
    story.note(cases[1], "之后的回访")
    sealed(app)
    assert checked(store, open_app, checkpoint).intact

    doctored = Checkpoint.loads(checkpoint.dumps().replace(
        f'"events": {checkpoint.events}', f'"events": {checkpoint.events - 1}'))
    assert doctored.fingerprint != checkpoint.fingerprint
    reasons = [b.reason for b in checked(store, open_app, doctored).log_breaks]
    assert "the checkpoint file does not match its seal" in reasons

    rewritten(store, app, cases)
    assert "history before the checkpoint rewritten" in [
        b.reason for b in checked(store, open_app, checkpoint).log_breaks]
    assert CONTENT_DIFFERS not in {b.reason for b in checked(store, open_app).breaks}
