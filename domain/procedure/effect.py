"""Step 10: the contract takes effect, confirmed by the bureau or deemed after the review
period (Provisions Art. 47; Labour Contract Law Art. 54)."""

from __future__ import annotations

from datetime import date

from domain.deadlines import deemed_effective_on, review_start
from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.objection import review_outcome_open
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before
from domain.state import CaseState
from domain.values import Actor, EffectBasis


class ContractTookEffect(StepEvent):
    """Step 10: confirmed by the bureau, or deemed after the review period (Art. 47)."""

    basis: str
    effective_on: date


def effect_may_be_recorded(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Arts. 45-47: once the bureau has the filed contract, and not while it waits for a
    completion it asked for (补正)."""
    refused = review_outcome_open(state, actor, today)
    if not refused and review_start(state.track) is None:
        refused = [Breach("review_paused")]
    return refused


def record_effect(step: Taking, *, basis: EffectBasis) -> list[Record]:
    """Confirmed: effective that day. Deemed: effective the day after a review period
    that passed with no objection, recorded no earlier than that day; not while the
    bureau waits for a completion it asked for (补正)."""
    filed, start = step.state.track.filed, review_start(step.state.track)
    checks = []
    effective_on = step.on
    if filed and start is None:
        checks.append([Breach("review_paused")])
    elif start is not None and EffectBasis(basis) is EffectBasis.DEEMED:
        effective_on = deemed_effective_on(start, step.state)
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
    record=record_effect, guard=effect_may_be_recorded,
    events={ContractTookEffect: ("合同生效", "Contract took effect")},
    reducers={ContractTookEffect: _took_effect},
    fields={"occurred_on": ("生效日期", "Date it took effect"),
            "basis": ("生效方式", "How it took effect"),
            "effective_on": ("生效日期", "Effective on")},
)
