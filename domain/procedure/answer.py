"""Step 4a: the written reply to an offer (Provisions Art. 32)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Outcome, Record, Step, Taking
from domain.rules.procedure import has_come, not_before
from domain.state import CaseState, close_first
from domain.values import Actor


class OfferAnswered(StepEvent):
    """Step 4a: the written reply to an offer (Art. 32)."""

    accepted: bool
    reason: str


def offer_may_be_answered(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 32: only an offer awaiting its reply can be answered."""
    pending = state.pending_offer
    if pending is None:
        return [Breach("no_offer_pending")]
    return has_come(pending.start["received_on"], today, "received_on")


def refusal_reasoned(accepted: bool, reason: str) -> list[Breach]:
    """Art. 32: a refusal must give its reason in writing."""
    if not accepted and not reason.strip():
        return [Breach("refusal_needs_reason", field="reason")]
    return []


def answer_offer(step: Taking, *, accepted: bool, reason: str = "") -> list[Record]:
    """Accepted, or refused with a reason; a late reply is kept (and shows as late)."""
    pending = step.state.pending_offer
    step.require(refusal_reasoned(accepted, reason),
                 not_before(step.on, pending.start["received_on"], "received_on")
                 if pending else [])
    return [Record(OfferAnswered, dict(accepted=bool(accepted), reason=reason))]


def _answered(state: CaseState, entry: Entry) -> None:
    close_first(state.offers, entry)



def answer_outcome(state: CaseState, entry: Entry) -> Outcome | None:
    """Art. 33: an offer refused in writing (with its reason) matters to the case."""
    return None if entry["accepted"] else Outcome(False, "offer_refused", (
        ("reason_given", {"reason": entry["reason"]}),) if entry["reason"] else ())


STEP = Step(
    name="answer", command="answer_offer", label=("要约回应", "Answer to the offer"),
    record=answer_offer, guard=offer_may_be_answered,
    events={OfferAnswered: ("要约回应", "Offer answered")},
    reducers={OfferAnswered: _answered}, outcome=answer_outcome,
    messages={"offer_refused": ("对方拒绝协商", "The other side refused to negotiate")},
    fields={"occurred_on": ("书面回应日期", "Date of the written reply"),
            "accepted": ("回应", "Answer"), "reason": ("理由", "Reason")},
)
