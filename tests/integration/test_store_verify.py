"""Tamper evidence: ``verify`` re-reads the whole event log and names exactly the case and
entry that someone edited or removed behind the application's back (with raw SQL on the
database), and leaves the untouched cases out of its report."""

from __future__ import annotations

from uuid import UUID

import pytest
from storyteller import APPOINTMENT, PUBLISHED, REPLY, Apps, Story, raw_execute, stored_id

from config.settings import Settings
from domain.chain import ChainBreak, digest_of
from domain.commands import Negotiations
from domain.verify import VerifyReport, verify

NOT_CONSECUTIVE = "versions are not consecutive"
DOES_NOT_FOLLOW = "does not follow the previous entry"
CONTENT_DIFFERS = "content differs from its digest"

EVENTS_TABLE = "negotiations_events"


def three_published_cases(story: Story) -> tuple[UUID, UUID, UUID]:
    """Three enterprises' wage contracts, each carried through to publication."""
    cases = tuple(story.open_case(name=name) for name in
                  ("兴宁市甲电子有限公司", "兴宁市乙制衣有限公司", "兴宁市丙五金有限公司"))
    for case_id in cases:
        story.through_publication(case_id)
    first, second, third = cases
    return first, second, third


def stored_state(settings: Settings, case_id: UUID, version: int) -> bytes:
    ((state,),) = raw_execute(
        settings, f"SELECT state FROM {EVENTS_TABLE} "
                  "WHERE originator_id = %s AND originator_version = %s",
        [stored_id(settings, case_id), version])
    return bytes(state)


def overwrite_state(settings: Settings, case_id: UUID, version: int, state: bytes) -> None:
    raw_execute(settings, f"UPDATE {EVENTS_TABLE} SET state = %s "
                          "WHERE originator_id = %s AND originator_version = %s",
                [state, stored_id(settings, case_id), version])


def delete_row(settings: Settings, case_id: UUID, version: int) -> None:
    raw_execute(settings, f"DELETE FROM {EVENTS_TABLE} "
                          "WHERE originator_id = %s AND originator_version = %s",
                [stored_id(settings, case_id), version])


def reasons_by_place(report: VerifyReport) -> dict[tuple[UUID, int], set[str]]:
    found: dict[tuple[UUID, int], set[str]] = {}
    for b in report.breaks:
        found.setdefault((b.case_id, b.version), set()).add(b.reason)
    return found


@pytest.fixture
def cases(story: Story) -> tuple[UUID, UUID, UUID]:
    return three_published_cases(story)


def test_clean_data_is_intact(
        store: Settings, open_app: Apps, cases: tuple[UUID, UUID, UUID]) -> None:
    report = verify(open_app(store))
    assert report.intact, report.breaks
    assert (report.cases, report.events) == (3, 3 * PUBLISHED)


def test_a_name_edited_by_hand_is_found_at_its_case_and_version(
        store: Settings, open_app: Apps, cases: tuple[UUID, UUID, UUID]) -> None:
    _, edited, _ = cases
    original = stored_state(store, edited, APPOINTMENT)
    assert "张二".encode() in original
    overwrite_state(store, edited, APPOINTMENT, original.replace("张二".encode(), "李四".encode()))

    report = verify(open_app(store))  # a new process, nothing cached
    assert report.breaks == [ChainBreak(edited, APPOINTMENT, CONTENT_DIFFERS)]
    assert (report.cases, report.events) == (3, 3 * PUBLISHED)


def test_a_forged_entry_with_a_recomputed_digest_breaks_the_link_to_the_next(
        store: Settings, open_app: Apps, app: Negotiations,
        cases: tuple[UUID, UUID, UUID]) -> None:
    """A forger who knows the hash scheme rewrites the appointment and its digest: the
    entry itself checks out, but the next entry no longer follows it."""
    _, edited, _ = cases
    (stored,) = app.recorder.select_events(edited, gt=APPOINTMENT - 1, lte=APPOINTMENT)
    event = app.mapper.to_domain_event(stored)
    fields = dict(vars(event))
    fields["worker_side"] = [{**r, "name": "李四"} if r["name"] == "张二" else r
                             for r in fields["worker_side"]]
    fields["digest"] = digest_of(stored.topic, fields)
    forged = app.mapper.to_stored_event(type(event)(**fields))
    overwrite_state(store, edited, APPOINTMENT, forged.state)

    report = verify(open_app(store))
    assert report.breaks == [ChainBreak(edited, APPOINTMENT + 1, DOES_NOT_FOLLOW)]
    assert open_app(store).get_case(edited).state.worker_side[1].name == "李四"


def test_a_deleted_middle_entry_is_found_and_other_cases_are_not_reported(
        store: Settings, open_app: Apps, cases: tuple[UUID, UUID, UUID]) -> None:
    first, _, third = cases
    delete_row(store, third, REPLY)

    report = verify(open_app(store))
    assert not report.intact
    assert reasons_by_place(report) == {(third, REPLY + 1): {NOT_CONSECUTIVE, DOES_NOT_FOLLOW}}
    assert (report.cases, report.events) == (3, 3 * PUBLISHED - 1)
    assert verify(open_app(store)).breaks == report.breaks, "verify only reads"

    # Removing an entry of another case as well: both are named, each at its own place.
    delete_row(store, first, APPOINTMENT)
    places = reasons_by_place(verify(open_app(store)))
    assert set(places) == {(first, APPOINTMENT + 1), (third, REPLY + 1)}
