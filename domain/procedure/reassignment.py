"""The case passes to another social worker: the supervisor shares out the caseload, or the
worker hands the case over."""

from __future__ import annotations

from domain.entries import Entry
from domain.errors import Breach
from domain.events import CaseEvent
from domain.procedure.step import WORKERS_AND_SUPERVISORS, Part, Record, Step, Taking
from domain.rules.procedure import text_given
from domain.state import CaseState
from domain.values import Actor, Role


class CaseReassigned(CaseEvent):
    """The case passes to another social worker."""

    assigned_to: dict[str, str]
    reason: str


def reassign(step: Taking, *, to: Actor, reason: str) -> list[Record]:
    """To another social worker than the one assigned now, with a reason."""
    step.require([] if to.role is Role.SOCIAL_WORKER else [Breach("assignee_role", field="to")],
                 [Breach("already_assigned", field="to")]
                 if to.id == step.state.assigned_to.id else [],
                 text_given(reason, "reason"))
    return [Record(CaseReassigned, dict(assigned_to=to.to_dict(), reason=reason))]


def _reassigned(state: CaseState, entry: Entry) -> None:
    state.assigned_to = Actor.from_dict(entry["assigned_to"])


STEP = Step(
    name="reassignment", command="reassign", label=("改派", "Reassign"), record=reassign,
    events={CaseReassigned: ("改派", "Reassigned")}, reducers={CaseReassigned: _reassigned},
    roles=WORKERS_AND_SUPERVISORS, part=Part.ENTRY,
    fields={"to": ("接手社工", "New social worker"),
            "assigned_to": ("社工", "Social worker"), "reason": ("理由", "Reason")},
)
