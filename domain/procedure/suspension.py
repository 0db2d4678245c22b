"""Step 5a: the negotiation suspended by agreement (Provisions Art. 35)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.sessions import resume_after_suspension
from domain.state import CaseState, Pair
from domain.values import Actor


class SessionSuspended(StepEvent):
    """Step 5a: negotiation suspended by agreement (Art. 35)."""

    resume_on: date
    topics: list[str]


def may_suspend(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 35: a negotiation under way, not already suspended, can be suspended."""
    if not state.sessions or state.track.signed:
        return [Breach("nothing_to_suspend")]
    return [Breach("already_suspended")] if state.open_suspension else []


def suspend_negotiation(step: Taking, *, resume_on: date, topics: list[str]) -> list[Record]:
    """Suspended with the date talks resume, within the profile's limit (Art. 35)."""
    step.require(resume_after_suspension(step.on, resume_on))
    return [Record(SessionSuspended, dict(resume_on=resume_on,
                                          topics=[t for t in topics if t.strip()]))]


def _suspended(state: CaseState, entry: Entry) -> None:
    state.suspensions.append(Pair(entry))


STEP = Step(
    name="suspension", command="suspend_negotiation",
    label=("中止协商", "Suspend the negotiation"),
    record=suspend_negotiation, guard=may_suspend,
    events={SessionSuspended: ("协商中止", "Negotiation suspended")},
    reducers={SessionSuspended: _suspended},
    fields={"occurred_on": ("中止日期", "Date of the suspension"),
            "resume_on": ("恢复日期", "Resume on"), "topics": ("待议事项", "Topics left open")},
)
