"""Step 13: either side asks to renew within the window before the term ends (Provisions
Art. 38)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.implementation import contract_in_force
from domain.procedure.step import Record, Step, Taking
from domain.rules.contract import renewal_in_window, renewal_window_opens
from domain.state import CaseState
from domain.values import Actor, Side


class RenewalRequested(StepEvent):
    """Step 13: a request to renew within the window before expiry (Art. 38)."""

    requested_by: str


def renewal_may_be_requested(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 38: a contract in force whose renewal window has opened by today."""
    contract = state.contract()
    if contract is None or contract.signed is None or contract_in_force(state, actor, today):
        return contract_in_force(state, actor, today)
    term_end = contract.signed["term_end"]
    opens = renewal_window_opens(term_end, state.profile)
    if today < opens:
        return [Breach("renewal_window", {"opens": opens, "ends": term_end},
                       field="occurred_on")]
    return []


def request_renewal(step: Taking, *, requested_by: Side) -> list[Record]:
    """Requested on a day within the window."""
    contract = step.state.contract()
    step.require(renewal_in_window(step.on, contract.signed["term_end"], step.state.profile)
                 if contract and contract.signed else [])
    return [Record(RenewalRequested, dict(requested_by=Side(requested_by)))]


def _requested(state: CaseState, entry: Entry) -> None:
    state.renewals.append(entry)


STEP = Step(
    name="renewal", command="request_renewal", label=("提出续订", "Renewal requested"),
    record=request_renewal, guard=renewal_may_be_requested,
    events={RenewalRequested: ("提出续订", "Renewal requested")},
    reducers={RenewalRequested: _requested},
    fields={"occurred_on": ("提出续订日期", "Date renewal was asked"),
            "requested_by": ("提出方", "Requested by")},
)
