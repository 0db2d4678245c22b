"""Step 5b: a dispute in negotiation, accepted by the labour bureau (Provisions Arts. 49-52)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Outcome, Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState, Pair
from domain.values import Actor


class DisputeFiled(StepEvent):
    """Step 5b: application to the labour bureau (Arts. 49-54)."""

    bureau: str
    accepted_on: date
    issues: str


def dispute_may_be_filed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 49: a dispute arises during negotiation, before signing; one at a time."""
    if not state.offers or state.track.signed:
        return [Breach("dispute_out_of_place")]
    return [Breach("dispute_open")] if state.open_dispute else []


def file_dispute(step: Taking, *, bureau: str, accepted_on: date, issues: str) -> list[Record]:
    """The bureau accepts the application on or after the day it was made."""
    step.require(text_given(bureau, "bureau"), text_given(issues, "issues"),
                 not_before(accepted_on, step.on, "dispute_filed", "accepted_on"))
    return [Record(DisputeFiled, dict(bureau=bureau, accepted_on=accepted_on, issues=issues))]


def _filed(state: CaseState, entry: Entry) -> None:
    state.disputes.append(Pair(entry))



def dispute_outcome(state: CaseState, entry: Entry) -> Outcome:
    """Art. 49: a dispute taken to the bureau halts the negotiation until it is settled."""
    return Outcome(False, "dispute_filed", (("dispute_with", {"bureau": entry["bureau"]}),))


STEP = Step(
    name="dispute", command="file_dispute", label=("协商争议申请", "Dispute filed"),
    record=file_dispute, guard=dispute_may_be_filed,
    events={DisputeFiled: ("协商争议申请", "Dispute filed")},
    reducers={DisputeFiled: _filed}, outcome=dispute_outcome,
    messages={"dispute_filed": ("争议已提交协调处理", "Dispute filed for coordination"),
              "dispute_with": ("受理机关：{bureau}", "with {bureau}")},
    fields={"occurred_on": ("申请协调日期", "Date the dispute was filed"),
            "bureau": ("劳动保障行政部门", "Labour bureau"),
            "accepted_on": ("受理日期", "Accepted on"),
            "issues": ("争议事项", "Issues in dispute")},
)
