"""Step 10: the contract takes effect, confirmed by the bureau or deemed after the review
period (Provisions Art. 47; Labour Contract Law Art. 54)."""

from __future__ import annotations

from datetime import date

from domain.deadlines import deemed_effective_on
from domain.entries import Entry
from domain.events import StepEvent
from domain.procedure.objection import review_outcome_open
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before
from domain.state import CaseState
from domain.values import EffectBasis


class ContractTookEffect(StepEvent):
    """Step 10: confirmed by the bureau, or deemed after the review period (Art. 47)."""

    basis: str
    effective_on: date


def record_effect(step: Taking, *, basis: EffectBasis) -> list[Record]:
    """Confirmed: effective that day. Deemed: effective the day after a review period
    that passed with no objection, recorded no earlier than that day."""
    filed = step.state.track.filed
    checks = []
    effective_on = step.on
    if filed and EffectBasis(basis) is EffectBasis.DEEMED:
        effective_on = deemed_effective_on(filed["received_on"], step.state)
        checks.append(not_before(step.on, effective_on, "review_period_end"))
    elif filed:
        checks.append(not_before(step.on, filed["received_on"], "received_on"))
    step.require(*checks)
    return [Record(ContractTookEffect, dict(basis=EffectBasis(basis),
                                            effective_on=effective_on))]


def _took_effect(state: CaseState, entry: Entry) -> None:
    state.track.effect = entry


STEP = Step(
    name="effect", command="record_effect", label=("合同生效", "Contract took effect"),
    record=record_effect, guard=review_outcome_open,
    events={ContractTookEffect: ("合同生效", "Contract took effect")},
    reducers={ContractTookEffect: _took_effect},
    fields={"occurred_on": ("生效日期", "Date it took effect"),
            "basis": ("生效方式", "How it took effect"),
            "effective_on": ("生效日期", "Effective on")},
)
