"""Step 9a: the bureau asks for the filed packet to be completed (补正), and the union
supplies what was asked (Provisions Arts. 42 and 46).

The bureau's review period counts from the day it holds the complete packet: a request
stops its clock, and the receipt of what was supplied starts it again
(:func:`domain.deadlines.review_start`), whose clock is the bureau's.
"""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Outcome, Record, Step, Taking
from domain.rules.procedure import has_come, not_before, text_given
from domain.state import CaseState, Pair, close_first
from domain.values import Actor


class CompletionRequested(StepEvent):
    """Step 9a: the bureau asks for the packet to be completed (补正通知)."""

    items: str


class CompletionSupplied(StepEvent):
    """Step 9a: what the bureau asked for is supplied, received by it on a day."""

    supplied: str
    received_on: date


def completion_owed(state: CaseState) -> Pair | None:
    """The bureau's request for completion not answered yet, if any."""
    return next((p for p in state.track.completions if p.end is None), None)


def completion_may_be_asked(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Arts. 42, 46: during the review of a filed contract, one request at a time."""
    filed = state.track.filed
    if not filed:
        return [Breach("review_needs_filing")]
    if state.track.effect:
        return [Breach("review_decided")]
    if completion_owed(state):
        return [Breach("completion_owed")]
    return has_come(filed["received_on"], today, "received_on")


def completion_may_be_supplied(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """What the bureau asked for is supplied once it has asked."""
    return [] if completion_owed(state) else [Breach("completion_not_asked")]


def request_completion(step: Taking, *, items: str) -> list[Record]:
    """What the bureau asked for, not before it received the packet."""
    filed = step.state.track.filed
    step.require(text_given(items, "items"),
                 not_before(step.on, filed["received_on"], "received_on") if filed else [])
    return [Record(CompletionRequested, dict(items=items))]


def supply_completion(step: Taking, *, supplied: str,
                      received_on: date | None = None) -> list[Record]:
    """What was supplied, sent not before the request and received on or after sending."""
    asked = completion_owed(step.state)
    received = received_on or step.on
    step.require(text_given(supplied, "supplied"),
                 not_before(step.on, asked.start.occurred_on, "completion_asked") if asked
                 else [],
                 not_before(received, step.on, "filed", "received_on"))
    return [Record(CompletionSupplied, dict(supplied=supplied, received_on=received))]


def completion_outcome(state: CaseState, entry: Entry) -> Outcome | None:
    """A request for completion holds the case back until what it asks is supplied."""
    owed = any(p.start.version == entry.version and p.end is None
               for track in state.tracks for p in track.completions)
    return Outcome(False, "completion_asked", (("reason_given", {"reason": entry["items"]}),)
                   ) if owed else None


def _asked(state: CaseState, entry: Entry) -> None:
    state.track.completions.append(Pair(entry))


def _supplied(state: CaseState, entry: Entry) -> None:
    close_first(state.track.completions, entry)


MESSAGES = {
    "completion_asked": ("人社局要求补正材料", "The bureau asked for the packet to be completed"),
    "completion_owed": ("人社局要求补正的材料尚未报送。",
                        "The materials the bureau asked for are not supplied yet."),
    "completion_not_asked": ("人社局未要求补正。", "The bureau asked for no completion."),
    "review_paused": ("人社局要求补正，审查期限待补正材料送达后重新计算。",
                      "The bureau asked for completion: its review period starts again "
                      "once it receives the materials."),
}
REQUEST = Step(
    name="completion-request", command="request_completion",
    label=("人社局要求补正", "Completion requested"), record=request_completion,
    guard=completion_may_be_asked, events={CompletionRequested: ("要求补正", "Completion asked")},
    reducers={CompletionRequested: _asked}, outcome=completion_outcome,
    fields={"occurred_on": ("补正通知日期", "Date the bureau asked"),
            "items": ("需补正的材料", "Materials asked for")},
    messages=MESSAGES,
)
SUPPLY = Step(
    name="completion-supply", command="supply_completion",
    label=("报送补正材料", "Supply the completion"), record=supply_completion,
    guard=completion_may_be_supplied,
    events={CompletionSupplied: ("补正材料已报送", "Completion supplied")},
    reducers={CompletionSupplied: _supplied},
    fields={"occurred_on": ("补正材料报送日期", "Date the materials were sent"),
            "supplied": ("补正的材料", "Materials supplied"),
            "received_on": ("人社局收到补正材料日期", "Received by the bureau on")},
)
