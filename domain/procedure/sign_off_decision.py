"""A supervisor gives or refuses a pending sign-off; signing off a closure closes the case
(step 14, 结案)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import CaseEvent
from domain.procedure.step import SUPERVISORS, Outcome, Part, Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState
from domain.values import Actor, SignOffSubject


class SignOffGiven(CaseEvent):
    """A supervisor signs off the request at ``request_version``."""

    request_version: int
    note: str


class SignOffRefused(CaseEvent):
    """A supervisor refuses the request at ``request_version``, with a reason."""

    request_version: int
    reason: str


class CaseClosed(CaseEvent):
    """Step 14, 结案: closed after a supervisor signed off."""

    reason: str


def request_pending(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """A request is waiting that someone other than ``actor`` made (four eyes)."""
    waiting = [p for p in state.sign_offs if p.end is None]
    if not waiting:
        return [Breach("no_such_request", {"version": "—"})]
    return [] if any(p.start.by.id != actor.id for p in waiting) else [Breach("own_request")]


def _decision_checks(step: Taking, request_version: int) -> list[list[Breach]]:
    """The request is pending, and the supervisor deciding it is not the one who asked."""
    pair = next((p for p in step.state.sign_offs
                 if p.start.version == request_version and p.end is None), None)
    if pair is None:
        return [[Breach("no_such_request", {"version": request_version})]]
    return [[Breach("own_request")] if pair.start.by.id == step.by.id else [],
            not_before(step.on, pair.start.occurred_on, "requested")]


def give_sign_off(step: Taking, *, request_version: int, note: str = "") -> list[Record]:
    """Signed off; a closure's sign-off also closes the case with the request's reason."""
    step.require(*_decision_checks(step, request_version))
    request = next(p.start for p in step.state.sign_offs
                   if p.start.version == request_version)
    given = Record(SignOffGiven, dict(request_version=request_version, note=note))
    if request["subject"] == SignOffSubject.CLOSURE:
        return [given, Record(CaseClosed, dict(reason=request["note"]))]
    return [given]


def refuse_sign_off(step: Taking, *, request_version: int, reason: str) -> list[Record]:
    """Refused, saying why."""
    step.require(*_decision_checks(step, request_version), text_given(reason, "reason"))
    return [Record(SignOffRefused, dict(request_version=request_version, reason=reason))]


def _decided(state: CaseState, entry: Entry) -> None:
    for pair in state.sign_offs:
        if pair.start.version == entry["request_version"]:
            pair.end = entry


def _closed(state: CaseState, entry: Entry) -> None:
    state.closed = entry


GIVE = Step(
    name="sign-off-given", command="give_sign_off", label=("督导同意", "Sign off"),
    record=give_sign_off, events={SignOffGiven: ("督导同意", "Signed off"),
                                  CaseClosed: ("结案", "Case closed")},
    reducers={SignOffGiven: _decided, CaseClosed: _closed},
    fields={"request_version": ("申请", "Request"), "note": ("备注", "Note")},
    guard=request_pending, roles=SUPERVISORS, part=Part.ENTRY, while_closed=True)

def refusal_outcome(state: CaseState, entry: Entry) -> Outcome | None:
    """A supervisor refused to sign off: the worker sees it, with the reason, until she
    asks again."""
    if any(pair.start.version > entry.version for pair in state.sign_offs):
        return None
    return Outcome(False, "sign_off_refused", (("reason_given", {"reason": entry["reason"]}),))


REFUSE = Step(
    name="sign-off-refused", command="refuse_sign_off", label=("督导退回", "Refuse sign-off"),
    record=refuse_sign_off, events={SignOffRefused: ("督导退回", "Sign-off refused")},
    reducers={SignOffRefused: _decided}, outcome=refusal_outcome,
    messages={"sign_off_refused": ("督导审核未通过", "Sign-off refused")},
    fields={"request_version": ("申请", "Request"), "reason": ("理由", "Reason")},
    guard=request_pending, roles=SUPERVISORS, part=Part.ENTRY, while_closed=True)
