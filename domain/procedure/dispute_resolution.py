"""Step 5b: the bureau's handling of a dispute concludes (协调处理协议书, Provisions Art. 53)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import has_come, not_before, text_given
from domain.state import CaseState, close_first
from domain.values import Actor


class DisputeResolved(StepEvent):
    """Step 5b: the bureau's handling concluded."""

    outcome: str


def dispute_may_be_resolved(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 53: only an open dispute is concluded."""
    dispute = state.open_dispute
    if dispute is None:
        return [Breach("no_dispute_open")]
    return has_come(dispute.start["accepted_on"], today, "accepted_on")


def resolve_dispute(step: Taking, *, outcome: str) -> list[Record]:
    """Concluded on or after the day the bureau accepted the dispute, with its outcome."""
    dispute = step.state.open_dispute
    step.require(not_before(step.on, dispute.start["accepted_on"], "accepted_on")
                 if dispute else [], text_given(outcome, "outcome"))
    return [Record(DisputeResolved, dict(outcome=outcome))]


def _resolved(state: CaseState, entry: Entry) -> None:
    close_first(state.disputes, entry)


STEP = Step(
    name="dispute-resolution", command="resolve_dispute",
    label=("争议处理完毕", "Dispute resolved"),
    record=resolve_dispute, guard=dispute_may_be_resolved,
    events={DisputeResolved: ("争议处理完毕", "Dispute resolved")},
    reducers={DisputeResolved: _resolved},
    fields={"occurred_on": ("协调结束日期", "Date the dispute ended"),
            "outcome": ("处理结果", "Outcome")},
)
