"""Step 5b: the bureau extends its handling of a dispute once (Provisions Art. 53)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import text_given
from domain.state import CaseState
from domain.values import Actor


class DisputeExtended(StepEvent):
    """Step 5b: the bureau extends its handling by the profile's extension (Art. 53)."""

    reason: str


def dispute_may_be_extended(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 53: an open dispute's handling may be extended once."""
    dispute = state.open_dispute
    if dispute is None:
        return [Breach("no_dispute_open")]
    return [Breach("dispute_already_extended")] if dispute.extension else []


def extend_dispute(step: Taking, *, reason: str) -> list[Record]:
    """The extension gives its reason."""
    step.require(text_given(reason, "reason"))
    return [Record(DisputeExtended, dict(reason=reason))]


def _extended(state: CaseState, entry: Entry) -> None:
    if state.open_dispute:
        state.open_dispute.extension = entry


STEP = Step(
    name="dispute-extension", command="extend_dispute",
    label=("争议处理延期", "Dispute handling extended"),
    record=extend_dispute, guard=dispute_may_be_extended,
    events={DisputeExtended: ("争议处理延期", "Dispute extended")},
    reducers={DisputeExtended: _extended},
    fields={"occurred_on": ("延期日期", "Date of the extension"),
            "reason": ("理由", "Reason")},
)
