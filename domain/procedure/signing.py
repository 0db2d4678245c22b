"""Step 8: both chiefs sign the ratified contract (Provisions Arts. 37-38)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.contract import term_within_bounds
from domain.rules.procedure import not_before
from domain.state import CaseState
from domain.values import Actor


class ContractSigned(StepEvent):
    """Step 8: both chiefs sign (Arts. 37-38)."""

    term_start: date
    term_end: date


def contract_may_be_signed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 37: the chiefs sign only after the draft was ratified, once per attempt."""
    if state.track.signed:
        return [Breach("already_signed")]
    return [] if state.passed_ratification else [Breach("signing_needs_ratification")]


def sign_contract(step: Taking, *, term_start: date, term_end: date) -> list[Record]:
    """Signed on or after the vote that passed, for a term of one to three years (Art. 38)."""
    passed = step.state.passed_ratification
    step.require(not_before(step.on, passed.occurred_on, "ratified") if passed else [],
                 term_within_bounds(term_start, term_end, step.state.profile))
    return [Record(ContractSigned, dict(term_start=term_start, term_end=term_end))]


def _signed(state: CaseState, entry: Entry) -> None:
    state.track.signed = entry


STEP = Step(
    name="signing", command="sign_contract", label=("合同签订", "Contract signed"),
    record=sign_contract, guard=contract_may_be_signed,
    events={ContractSigned: ("合同签订", "Contract signed")},
    reducers={ContractSigned: _signed},
    fields={"occurred_on": ("签订日期", "Date of signing"),
            "term_start": ("期限起始日", "Term starts"), "term_end": ("期限终止日", "Term ends")},
)
