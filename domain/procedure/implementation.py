"""Step 12, 履约监督: how the contract in force is being kept (repeatable)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import text_given
from domain.state import CaseState
from domain.values import Actor


class ImplementationReviewed(StepEvent):
    """Step 12, 履约监督."""

    findings: str
    problems: str
    follow_up: str


def contract_in_force(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Steps 12-13 need a contract that has taken effect."""
    return [] if state.track.effect else [Breach("needs_contract_in_force")]


def review_implementation(step: Taking, *, findings: str, problems: str = "",
                          follow_up: str = "") -> list[Record]:
    """What was found, what went wrong and what follows."""
    step.require(text_given(findings, "findings"))
    return [Record(ImplementationReviewed, dict(findings=findings, problems=problems,
                                                follow_up=follow_up))]


def _reviewed(state: CaseState, entry: Entry) -> None:
    state.implementation_reviews.append(entry)


STEP = Step(
    name="implementation", command="review_implementation",
    label=("履约监督", "Implementation review"),
    record=review_implementation, guard=contract_in_force,
    events={ImplementationReviewed: ("履约监督", "Implementation reviewed")},
    reducers={ImplementationReviewed: _reviewed},
    fields={"occurred_on": ("检查日期", "Date of the review"),
            "findings": ("调查结果", "Findings"), "problems": ("存在问题", "Problems"),
            "follow_up": ("跟进措施", "Follow-up")},
)
