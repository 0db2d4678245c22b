"""A case told through the application survives the store: a new application instance
(a restarted web process) reads back exactly the case that was recorded, as it is now,
as it stood on a past date or at a past version, with its corrections and snapshots."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
from storyteller import (
    APPOINTMENT,
    OFFER,
    PUBLISHED,
    REPLY,
    VOTE,
    Apps,
    Story,
    raw_execute,
    stored_id,
)

from config.settings import Settings
from domain.application import SNAPSHOT_INTERVAL
from domain.case import NegotiationCase
from domain.clock import today
from domain.deadlines import DeadlineKind, DeadlineStatus, deadlines
from domain.errors import CaseNotFound
from domain.stages import Stage
from domain.verify import verify

CORRECTION = PUBLISHED + 1


def assert_same_case(loaded: NegotiationCase, expected: NegotiationCase) -> None:
    """Two loads of a case agree on everything a screen or a rule can see."""
    assert loaded.id == expected.id
    assert loaded.version == expected.version
    assert loaded.records == expected.records
    assert loaded.chain_head == expected.chain_head
    assert loaded.stage == expected.stage
    assert loaded.entries == expected.entries
    assert deadlines(loaded.state) == deadlines(expected.state)
    assert loaded.state.enterprise == expected.state.enterprise
    assert loaded.state.worker_side == expected.state.worker_side
    assert loaded.state.employer_side == expected.state.employer_side
    assert loaded.state.profile == expected.state.profile


def tell_published_case_with_correction(story: Story) -> UUID:
    """Opened 1 March 2025, published 8 May; on 9 May the vote count is corrected."""
    case_id = story.open_case()
    story.through_publication(case_id)
    story.step("correct_entry", case_id, date(2025, 5, 9), corrects_version=VOTE,
               changes={"votes_for": 25}, reason="点票有误，重新核对选票")
    return case_id


def test_a_published_case_reloads_identically_in_a_new_application(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = tell_published_case_with_correction(story)
    as_recorded = story.app.get_case(case_id)
    assert as_recorded.version == CORRECTION
    assert as_recorded.stage is Stage.PUBLISHED

    restarted = open_app(store)
    reloaded = restarted.get_case(case_id)

    assert_same_case(reloaded, as_recorded)
    assert [r["version"] for r in reloaded.records] == list(range(1, CORRECTION + 1))
    assert [r["type"] for r in reloaded.records][:3] == [
        "CaseOpened", "SurveyRecorded", "RepresentativesAppointed"]
    assert reloaded.state.enterprise.name == "兴宁市某某电子有限公司"
    assert [r.name for r in reloaded.state.worker_side] == ["张一", "张二", "张三"]
    assert reloaded.state.track.ratifications[0]["votes_for"] == 25
    kinds = {d.kind: d for d in deadlines(reloaded.state)}
    assert kinds[DeadlineKind.REPLY].met_on == date(2025, 4, 1)
    assert kinds[DeadlineKind.PUBLICATION].status(today()) is DeadlineStatus.MET
    assert all(isinstance(r["occurred_on"], date) for r in reloaded.records)

    ids = [r.notification_id for r in story.log]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "notification ids increase"
    assert restarted.recorder.max_notification_id() == ids[-1]
    assert verify(restarted).intact


def test_the_case_as_it_stood_on_a_past_date(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = tell_published_case_with_correction(story)
    later = open_app(store)

    assert later.case_on(case_id, date(2025, 2, 28)) is None, "not yet opened"
    opened = later.case_on(case_id, date(2025, 3, 1))
    assert opened is not None and opened.version == 1 and opened.stage is Stage.OPENED

    mid_march = later.case_on(case_id, date(2025, 3, 16))
    assert mid_march is not None
    assert mid_march.version == APPOINTMENT
    assert mid_march.stage is Stage.REPRESENTATIVES
    assert [d.kind for d in deadlines(mid_march.state)] == []

    waiting_for_reply = later.case_on(case_id, date(2025, 3, 31))
    assert waiting_for_reply is not None and waiting_for_reply.version == OFFER
    (reply,) = deadlines(waiting_for_reply.state)
    assert reply.kind is DeadlineKind.REPLY and reply.met_on is None

    before_fix = later.case_on(case_id, date(2025, 5, 8))
    after_fix = later.case_on(case_id, date(2025, 5, 9))
    assert before_fix is not None and after_fix is not None
    assert before_fix.version == PUBLISHED and before_fix.stage is Stage.PUBLISHED
    assert before_fix.state.track.ratifications[0]["votes_for"] == 21
    assert after_fix.version == CORRECTION
    assert after_fix.state.track.ratifications[0]["votes_for"] == 25
    assert later.case_on(case_id, today()).version == CORRECTION  # type: ignore[union-attr]

    at_reply = later.get_case(case_id, version=REPLY)
    on_reply_day = later.case_on(case_id, date(2025, 4, 1))
    assert on_reply_day is not None
    assert_same_case(at_reply, on_reply_day)
    assert at_reply.stage is Stage.NEGOTIATING

    with pytest.raises(CaseNotFound):
        later.case_on(uuid4(), date(2025, 5, 9))
    with pytest.raises(CaseNotFound):
        later.get_case(uuid4())


def test_history_shows_a_corrected_entry_as_first_recorded(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = tell_published_case_with_correction(story)
    history = {e.version: e for e in open_app(store).history(case_id)}

    vote = history[VOTE]
    assert vote.type == "RatificationVoted"
    assert vote["votes_for"] == 21, "the original count stays on the record"
    assert vote.corrected_by == (CORRECTION,)
    fix = history[CORRECTION]
    assert fix.type == "EntryCorrected"
    assert fix["corrects_version"] == VOTE
    assert fix["changes"] == {"votes_for": 25}
    assert fix["reason"] == "点票有误，重新核对选票"
    assert fix.occurred_on == date(2025, 5, 9)
    assert all(e.corrected_by == () for v, e in history.items() if v != VOTE)


def count_rows(settings: Settings, table: str, case_id: UUID) -> int:
    (count,), = raw_execute(settings, f"SELECT COUNT(*) FROM {table} WHERE originator_id = %s",
                            [stored_id(settings, case_id)])
    return int(count)


def test_a_long_case_is_snapshotted_and_loads_identically(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = story.open_case()
    story.through_publication(case_id)
    visits = SNAPSHOT_INTERVAL + 2 - PUBLISHED  # follow-up visits after publication
    for n in range(1, visits + 1):
        story.note(case_id, f"第{n}次回访：合同履行正常", date(2025, 6, 1) + timedelta(days=n))
    assert story.versions[case_id] == SNAPSHOT_INTERVAL + 2

    assert count_rows(store, "negotiations_snapshots", case_id) == 1
    assert count_rows(store, "negotiations_events", case_id) == SNAPSHOT_INTERVAL + 2
    (snapshot_version,), = raw_execute(
        store, "SELECT originator_version FROM negotiations_snapshots WHERE originator_id = %s",
        [stored_id(store, case_id)])
    assert snapshot_version == SNAPSHOT_INTERVAL

    restarted = open_app(store)
    from_snapshot = restarted.get_case(case_id)
    at_snapshot = restarted.get_case(case_id, version=SNAPSHOT_INTERVAL)
    replaying = open_app(store, IS_SNAPSHOTTING_ENABLED="no")  # replays every event
    assert replaying.repository.snapshot_store is None
    from_events = replaying.get_case(case_id)
    assert_same_case(from_snapshot, from_events)
    assert_same_case(at_snapshot, replaying.get_case(case_id, version=SNAPSHOT_INTERVAL))
    assert from_snapshot.version == SNAPSHOT_INTERVAL + 2
    assert from_snapshot.stage is Stage.PUBLISHED
    notes = [e for e in from_snapshot.entries if e.type == "NoteAdded"]
    assert len(notes) == visits
    assert notes[-1]["text"] == f"第{visits}次回访：合同履行正常"

    story.on(restarted).note(case_id, "快照之后的记录", date(2025, 9, 1))
    assert open_app(store).get_case(case_id).version == SNAPSHOT_INTERVAL + 3
    assert verify(restarted).intact
