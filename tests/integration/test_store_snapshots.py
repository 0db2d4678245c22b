"""A snapshot is served only while the chain key vouches for it.

A case with more than 50 entries loads from its newest snapshot; a snapshot edited in
the database would be what every page shows. Each snapshot is sealed under the chain key:
an edited one is refused (the case is replayed from its events) and ``verify`` names it;
one written before snapshots were sealed is never served, and ``verify`` compares it
with its events.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import pytest
from storyteller import Apps, Story, raw_execute, stored_id

from config.settings import Settings
from domain.application import SNAPSHOT_INTERVAL
from domain.chain import ChainBreak
from domain.snapshots import MARK, SEAL_LENGTH
from domain.verify import verify

NAME = "兴宁市某某电子有限公司"
FORGED = "兴宁市伪造电子有限公司"


@pytest.fixture
def long_case(story: Story) -> UUID:
    """A published case with follow-up visits past the first snapshot (version 50)."""
    case_id = story.open_case(name=NAME)
    story.through_publication(case_id)
    while story.versions[case_id] < SNAPSHOT_INTERVAL + 2:
        story.note(case_id, "回访：合同履行正常",
                   date(2025, 6, 1) + timedelta(days=story.versions[case_id]))
    return case_id


def snapshot_state(store: Settings, case_id: UUID) -> bytes:
    (state,), = raw_execute(store, "SELECT state FROM negotiations_snapshots "
                                   "WHERE originator_id = %s", [stored_id(store, case_id)])
    return bytes(state)


def put_snapshot_state(store: Settings, case_id: UUID, state: bytes) -> None:
    raw_execute(store, "UPDATE negotiations_snapshots SET state = %s WHERE originator_id = %s",
                [state, stored_id(store, case_id)])


def test_a_hand_edited_snapshot_is_never_served_and_verify_names_it(
        store: Settings, open_app: Apps, long_case: UUID) -> None:
    state = snapshot_state(store, long_case)
    assert state.startswith(MARK) and NAME.encode() in state
    put_snapshot_state(store, long_case, state.replace(NAME.encode(), FORGED.encode()))

    app = open_app(store)
    assert app.get_case(long_case).state.enterprise.name == NAME
    assert app.get_case(long_case, version=SNAPSHOT_INTERVAL).state.enterprise.name == NAME
    assert verify(app).breaks == [ChainBreak(
        long_case, SNAPSHOT_INTERVAL, "snapshot: the snapshot does not match its seal")]


def test_a_snapshot_from_before_sealing_is_replayed_and_checked_against_its_events(
        store: Settings, open_app: Apps, long_case: UUID) -> None:
    unsealed = snapshot_state(store, long_case)[len(MARK) + SEAL_LENGTH:]
    put_snapshot_state(store, long_case, unsealed)      # as an earlier release stored it

    report = verify(open_app(store))
    assert report.intact, report.breaks
    assert (report.snapshots, report.unsealed_snapshots) == (1, 1)

    put_snapshot_state(store, long_case, unsealed.replace(NAME.encode(), FORGED.encode()))
    app = open_app(store)
    assert app.get_case(long_case).state.enterprise.name == NAME
    assert verify(app).breaks == [ChainBreak(long_case, SNAPSHOT_INTERVAL,
                                             "snapshot differs from its events")]


def test_a_snapshot_moved_to_another_case_is_refused(
        store: Settings, open_app: Apps, story: Story, long_case: UUID) -> None:
    other = story.open_case(name="兴宁市另一电子有限公司")
    story.through_publication(other)
    while story.versions[other] < SNAPSHOT_INTERVAL + 1:
        story.note(other, "回访", date(2025, 6, 1))
    mine = snapshot_state(store, long_case)
    put_snapshot_state(store, other, mine)

    app = open_app(store)
    assert app.get_case(other).state.enterprise.name == "兴宁市另一电子有限公司"
    assert ChainBreak(other, SNAPSHOT_INTERVAL, "snapshot: the snapshot does not match its seal"
                      ) in verify(app).breaks
