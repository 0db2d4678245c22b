"""Step 14: a closed case opened again, with a reason (e.g. the contract is renegotiated)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import CaseEvent
from domain.procedure.step import Part, Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState
from domain.values import Actor


class CaseReopened(CaseEvent):
    """Step 14: a closed case opened again, with a reason."""

    reason: str


def case_closed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Only a closed case is reopened."""
    return [] if state.closed else [Breach("case_not_closed")]


def reopen(step: Taking, *, reason: str) -> list[Record]:
    """Reopened on or after the day it was closed, saying why."""
    closed = step.state.closed
    step.require(not_before(step.on, closed.occurred_on, "closed") if closed else [],
                 text_given(reason, "reason"))
    return [Record(CaseReopened, dict(reason=reason))]


def _reopened(state: CaseState, entry: Entry) -> None:
    state.closed = None


STEP = Step(
    name="reopening", command="reopen", label=("重新开案", "Reopen the case"), record=reopen,
    guard=case_closed, events={CaseReopened: ("重新开案", "Case reopened")},
    reducers={CaseReopened: _reopened}, part=Part.ENTRY, while_closed=True,
    fields={"occurred_on": ("重新开案日期", "Date of reopening"),
            "reason": ("理由", "Reason")},
)
