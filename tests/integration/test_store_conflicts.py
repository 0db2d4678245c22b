"""Two social workers record on the same case at once, through separate application
instances (as two web processes would): one entry is kept, the other is refused with a
conflict, and nothing else is lost or half-written."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError
from storyteller import APPOINTMENT, CLERK, OTHER_CLERK, Apps, Story, raw_execute, stored_id

from config.settings import Settings
from domain.application import Recorded
from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.errors import CaseConflict
from domain.stages import Stage
from domain.values import Side
from domain.verify import verify

OFFER_FACTS: dict[str, Any] = {"from_side": Side.WORKERS, "received_on": date(2025, 3, 21),
                               "agenda": ["工资"], "timetable": "四月"}


def stored_events(settings: Settings, case_id: UUID) -> list[tuple[int, str]]:
    """The case's rows as the database holds them: (version, topic), oldest first."""
    rows = raw_execute(settings, "SELECT originator_version, topic FROM negotiations_events "
                                 "WHERE originator_id = %s ORDER BY originator_version",
                       [stored_id(settings, case_id)])
    return [(int(version), str(topic)) for version, topic in rows]


def prepared_case(story: Story) -> UUID:
    """A case with its survey done and both sides' representatives appointed (version 3)."""
    case_id = story.open_case()
    story.prepare(case_id)
    return case_id


def assert_consistent(app: Negotiations, case_id: UUID, version: int) -> NegotiationCase:
    """The case loads, at ``version``, with an unbroken chain."""
    case = app.get_case(case_id)
    assert case.version == version
    assert [r["version"] for r in case.records] == list(range(1, version + 1))
    report = verify(app)
    assert report.intact, report.breaks
    return case


def test_the_second_of_two_web_processes_is_told_of_the_conflict(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = prepared_case(story)
    web_a, web_b = open_app(store), open_app(store)
    seen_by_li = web_a.get_case(case_id).version
    seen_by_chen = web_b.get_case(case_id).version
    assert seen_by_li == seen_by_chen == APPOINTMENT

    won = web_a.send_offer(case_id, seen_by_li, CLERK, date(2025, 3, 20), **OFFER_FACTS)
    with pytest.raises(CaseConflict) as refused:
        web_b.add_note(case_id, seen_by_chen, OTHER_CLERK, date(2025, 3, 20),
                       text="陈社工：企业方表示需要再考虑")

    conflict = refused.value
    assert issubclass(type(conflict), IntegrityError), "the library's error, for the web layer"
    assert (conflict.case_id, conflict.expected, conflict.actual) == (case_id, 3, 4)
    assert "第 3 版" in conflict.message() and "第 4 版" in conflict.message()

    assert won.version == APPOINTMENT + 1
    assert stored_events(store, case_id)[-1] == (won.version, "domain.procedure.offer:OfferSent")
    assert len(stored_events(store, case_id)) == won.version
    case = assert_consistent(web_b, case_id, won.version)
    assert case.stage is Stage.OFFER_SENT
    assert case.records[-1]["by"]["name"] == CLERK.name
    assert web_b.recorder.max_notification_id() == won.notification_id


def test_a_write_racing_past_the_version_check_is_stopped_by_the_store(
        store: Settings, open_app: Apps, story: Story) -> None:
    """Chen's command has loaded version 3 and passed the check when Li's offer is saved:
    the store's uniqueness of (case, version) refuses Chen's entry."""
    case_id = prepared_case(story)
    web_a, web_b = open_app(store), open_app(store)
    won: list[Recorded] = []

    def chen_writes_a_note_while_li_saves(case: NegotiationCase) -> None:
        assert case.version == APPOINTMENT
        won.append(web_a.send_offer(case_id, APPOINTMENT, CLERK, date(2025, 3, 20),
                                    **OFFER_FACTS))
        case.add_note(OTHER_CLERK, date(2025, 3, 20), text="陈社工：企业方表示需要再考虑")

    with pytest.raises(CaseConflict) as refused:
        web_b.record(case_id, APPOINTMENT, chen_writes_a_note_while_li_saves)

    conflict = refused.value
    assert issubclass(type(conflict), IntegrityError), "the library's error, for the web layer"
    assert (conflict.case_id, conflict.expected, conflict.actual) == (
        case_id, APPOINTMENT, APPOINTMENT + 1)
    assert "第 3 版" in conflict.message() and "第 4 版" in conflict.message()
    assert "None" not in conflict.message() and "None" not in str(conflict)

    (offer,) = won
    assert stored_events(store, case_id)[-1] == (offer.version, "domain.procedure.offer:OfferSent")
    assert len(stored_events(store, case_id)) == APPOINTMENT + 1
    assert_consistent(open_app(store), case_id, APPOINTMENT + 1)
    # Chen reloads, sees Li's offer, and records the note on top of it.
    again = web_b.add_note(case_id, offer.version, OTHER_CLERK, date(2025, 3, 20),
                           text="陈社工：企业方表示需要再考虑")
    assert again.version == offer.version + 1
    assert again.notification_id > offer.notification_id


@pytest.mark.parametrize("race", ["commands start together", "saves start together"])
def test_eight_web_processes_race_to_add_a_note(
        store: Settings, open_app: Apps, story: Story, race: str) -> None:
    case_id = prepared_case(story)
    before = stored_events(store, case_id)
    writers = 8
    apps = [open_app(store) for _ in range(writers)]
    barrier = threading.Barrier(writers, timeout=20)

    def note(n: int) -> Callable[[NegotiationCase], None]:
        def act(case: NegotiationCase) -> None:
            barrier.wait()
            case.add_note(CLERK, date(2025, 3, 16), text=f"第{n}号进程的备注")
        return act

    def write(n: int) -> Recorded | Exception:
        try:
            if race == "commands start together":
                barrier.wait()
                return apps[n].add_note(case_id, APPOINTMENT, CLERK, date(2025, 3, 16),
                                        text=f"第{n}号进程的备注")
            return apps[n].record(case_id, APPOINTMENT, note(n))
        except Exception as error:  # noqa: BLE001 - every outcome is inspected below
            return error

    with ThreadPoolExecutor(writers) as pool:
        outcomes = list(pool.map(write, range(writers)))

    winners = [o for o in outcomes if isinstance(o, Recorded)]
    conflicts = [o for o in outcomes if isinstance(o, CaseConflict)]
    assert len(winners) == 1, outcomes
    assert len(conflicts) == writers - 1, outcomes
    (winner,) = winners
    assert winner.version == APPOINTMENT + 1
    assert {(c.expected, c.actual) for c in conflicts} == {(APPOINTMENT, winner.version)}

    after = stored_events(store, case_id)
    assert len(after) == len(before) + 1
    assert after[:-1] == before
    assert after[-1] == (winner.version, "domain.procedure.note:NoteAdded")
    case = assert_consistent(open_app(store), case_id, winner.version)
    notes = [e for e in case.entries if e.type == "NoteAdded"]
    assert len(notes) == 1
    assert notes[0]["text"] == f"第{outcomes.index(winner)}号进程的备注"


def test_a_stale_form_is_refused_and_stores_nothing(
        store: Settings, open_app: Apps, story: Story) -> None:
    case_id = prepared_case(story)
    web = open_app(store)
    before = stored_events(store, case_id)
    last_notification = web.recorder.max_notification_id()

    for stale in (1, APPOINTMENT - 1, APPOINTMENT + 5):
        with pytest.raises(CaseConflict) as refused:
            web.send_offer(case_id, stale, CLERK, date(2025, 3, 20), **OFFER_FACTS)
        assert (refused.value.expected, refused.value.actual) == (stale, APPOINTMENT)

    assert stored_events(store, case_id) == before
    assert web.recorder.max_notification_id() == last_notification
    assert_consistent(web, case_id, APPOINTMENT)


def test_opening_the_same_case_twice_keeps_the_first(
        store: Settings, open_app: Apps, story: Story) -> None:
    """A double-submitted opening form (same case id) from two processes."""
    case_id = story.open_case(name="兴宁市甲电子有限公司")
    with pytest.raises(CaseConflict):
        story.on(open_app(store)).open_case(name="兴宁市乙电子有限公司", case_id=case_id)
    assert len(stored_events(store, case_id)) == 1
    case = assert_consistent(open_app(store), case_id, 1)
    assert case.state.enterprise.name == "兴宁市甲电子有限公司"


def test_a_case_loaded_to_check_access_is_used_once_and_never_lets_a_stale_write_through(
        store: Settings, open_app: Apps, story: Story) -> None:
    """The web layer loads a case to judge who may write on it, then hands that same case
    to the command (one load per write): if another process saved meanwhile, the store
    still refuses the stale entry, and a case already known to be old is refused at once."""
    case_id = prepared_case(story)
    web_a, web_b = open_app(store), open_app(store)
    loaded_by_chen = web_b.get_case(case_id)
    won = web_a.send_offer(case_id, APPOINTMENT, CLERK, date(2025, 3, 20), **OFFER_FACTS)

    with pytest.raises(CaseConflict) as refused:
        web_b.add_note(loaded_by_chen, APPOINTMENT, OTHER_CLERK, date(2025, 3, 20),
                       text="陈社工：企业方表示需要再考虑")
    assert refused.value.actual == won.version
    with pytest.raises(CaseConflict):
        web_b.add_note(web_b.get_case(case_id), APPOINTMENT, OTHER_CLERK, date(2025, 3, 20),
                       text="陈社工：按旧版本填写")
    assert_consistent(web_b, case_id, won.version)

    fresh = web_b.get_case(case_id)
    noted = web_b.add_note(fresh, won.version, OTHER_CLERK, date(2025, 3, 21), text="已看到要约")
    assert noted.version == won.version + 1
    assert_consistent(web_a, case_id, noted.version)
