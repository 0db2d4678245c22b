"""A social worker (or a supervisor, of another) asks a supervisor to sign off: a closure,
or a review of the case. Nobody decides her own request."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import CaseEvent
from domain.procedure.step import (
    WORKERS_AND_SUPERVISORS,
    Part,
    Record,
    Step,
    Taking,
    case_open,
)
from domain.rules.procedure import text_given
from domain.state import CaseState, Pair
from domain.values import Actor, SignOffSubject


class SignOffRequested(CaseEvent):
    """A social worker asks a supervisor to sign off (e.g. a closure)."""

    subject: str
    note: str


def requestable(state: CaseState) -> list[SignOffSubject]:
    """What may be put to a supervisor now: a subject with no request waiting, and a
    closure only while the case is open."""
    return [s for s in SignOffSubject if not state.pending_sign_off(s)
            and not (s is SignOffSubject.CLOSURE and state.closed)]


def sign_off_may_be_requested(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Something is left to ask a supervisor about (one request per subject at a time)."""
    return [] if requestable(state) else [Breach("sign_off_pending")]


def request_sign_off(step: Taking, *, subject: SignOffSubject, note: str) -> list[Record]:
    """One pending request per subject; a closure needs an open case and a reason."""
    state, subject = step.state, SignOffSubject(subject)
    checks = [[Breach("sign_off_pending")] if state.pending_sign_off(subject) else []]
    if subject is SignOffSubject.CLOSURE:
        checks += [case_open(state), text_given(note, "note")]
    step.require(*checks)
    return [Record(SignOffRequested, dict(subject=subject, note=note))]


def _requested(state: CaseState, entry: Entry) -> None:
    state.sign_offs.append(Pair(entry))


STEP = Step(
    name="sign-off", command="request_sign_off", label=("申请督导审核", "Request sign-off"),
    record=request_sign_off, guard=sign_off_may_be_requested,
    events={SignOffRequested: ("申请审核", "Sign-off requested")},
    reducers={SignOffRequested: _requested}, roles=WORKERS_AND_SUPERVISORS, part=Part.ENTRY,
    while_closed=True,
    fields={"subject": ("审核事项", "Sign-off on"), "note": ("备注", "Note")},
)
