"""Step 5, 协商会议: a negotiation session (Provisions Arts. 33-34)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before
from domain.rules.sessions import chairs_alternate, recorder_neutral
from domain.state import CaseState, close_first
from domain.values import Actor, ItemStatus, Side


class SessionHeld(StepEvent):
    """Step 5, 协商会议 (Art. 34)."""

    chaired_by: str
    recorder: str
    items: list[Facts]
    minutes: str
    minutes_signed: bool
    # Added later (optional; sessions recorded before them read as "not recorded"):
    session_number: int | None = None
    starts_at: str = ""
    ends_at: str = ""
    place: str = ""
    attended: list[str] | None = None


def session_may_be_held(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Arts. 33-34: sessions follow an accepted offer, with every seat filled, and stop
    once the contract is signed (unless a review objection reopened negotiation)."""
    if not state.accepted_offer:
        return [Breach("session_needs_accepted_offer")]
    if state.open_vacancies:
        return [Breach("vacancy_open")]
    return [Breach("already_signed")] if state.track.signed else []


def attendees_known(attended: list[str] | None, state: CaseState) -> list[Breach]:
    """Who attended is named among the representatives seated now."""
    seated = {r.name for r in state.worker_side + state.employer_side}
    strangers = [name for name in attended or [] if name not in seated]
    if strangers:
        return [Breach("attendee_unknown", {"names": "、".join(strangers)}, field="attended")]
    return []


def session_facts(session_number: int | None, starts_at: str, ends_at: str, place: str,
                  attended: list[str] | None) -> dict[str, object]:
    """The session's number, time, place and attendance as stored (none given: not
    recorded; attendance in the order named, each once)."""
    return dict(session_number=session_number, starts_at=starts_at.strip(),
                ends_at=ends_at.strip(),
                place=place.strip(),
                attended=list(dict.fromkeys(attended)) if attended else None)


def hold_session(step: Taking, *, chaired_by: Side, recorder: str,
                 items: list[dict[str, str]], minutes: str, minutes_signed: bool,
                 session_number: int | None = None, starts_at: str = "", ends_at: str = "",
                 place: str = "", attended: list[str] | None = None) -> list[Record]:
    """Art. 34: the chiefs chair in turn; the recorder is neither side's representative;
    every agenda item has a topic; those who attended are representatives."""
    state = step.state
    accepted = state.accepted_offer
    previous = state.sessions[-1]["chaired_by"] if state.sessions else None
    step.require(
        not_before(step.on, accepted.end.occurred_on, "offer_answered")
        if accepted and accepted.end else [],
        chairs_alternate(Side(chaired_by), Side(previous) if previous else None),
        recorder_neutral(recorder, state.worker_side + state.employer_side),
        [] if items else [Breach("required", {"field": "items"}, field="items")],
        [Breach("required", {"field": "items"}, field="items")
         for i in items if not str(i.get("topic", "")).strip()],
        attendees_known(attended, state),
        [] if session_number is None or session_number >= 1 else
        [Breach("at_least", {"low": 1, "field": "session_number"}, field="session_number")])
    return [Record(SessionHeld, dict(
        chaired_by=Side(chaired_by), recorder=recorder, minutes=minutes,
        minutes_signed=bool(minutes_signed),
        items=[{"topic": i["topic"], "status": ItemStatus(i["status"])} for i in items],
        **session_facts(session_number, starts_at, ends_at, place, attended)))]


def _held(state: CaseState, entry: Entry) -> None:
    state.sessions.append(entry)
    state.track.sessions.append(entry)
    close_first(state.suspensions, entry)


STEP = Step(
    name="session", command="hold_session", label=("协商会议", "Negotiation session"),
    record=hold_session, guard=session_may_be_held,
    events={SessionHeld: ("协商会议", "Session held")},
    reducers={SessionHeld: _held},
    fields={"occurred_on": ("会议日期", "Date of the session"),
            "chaired_by": ("主持方", "Chaired by"), "recorder": ("记录人", "Recorder"),
            "items": ("议题事项", "Agenda items"), "minutes": ("会议纪要", "Minutes"),
            "minutes_signed": ("纪要经双方首席代表签字", "Minutes signed by both chiefs"),
            "session_number": ("会议次数", "Session number"),
            "starts_at": ("开始时间", "Starts at"),
            "ends_at": ("结束时间", "Ends at"), "place": ("地点", "Place"),
            "attended": ("出席的协商代表", "Representatives attending")},
    messages={"attendee_unknown": ("出席人员“{names}”不是本案现任协商代表。",
                                   "“{names}” is not a representative of this case now.")},
)
