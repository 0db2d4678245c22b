"""Step 11, 公示: the contract in force made known to all workers (Provisions Art. 48)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState
from domain.values import Actor


class ContractPublished(StepEvent):
    """Step 11, 公示 (Art. 48)."""

    channels: str
    monitoring_contact: str


def contract_may_be_published(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 48: publication follows the contract taking effect, once."""
    if not state.track.effect:
        return [Breach("publication_needs_effect")]
    return [Breach("already_published")] if state.track.published else []


def publish_contract(step: Taking, *, channels: str, monitoring_contact: str) -> list[Record]:
    """Published on or after the day it took effect; the public notice comes from here."""
    effect = step.state.track.effect
    step.require(not_before(step.on, effect["effective_on"], "effective") if effect else [],
                 text_given(channels, "channels"),
                 text_given(monitoring_contact, "monitoring_contact"))
    return [Record(ContractPublished, dict(channels=channels,
                                           monitoring_contact=monitoring_contact))]


def _published(state: CaseState, entry: Entry) -> None:
    state.track.published = entry


STEP = Step(
    name="publication", command="publish_contract", label=("合同公布", "Contract published"),
    record=publish_contract, guard=contract_may_be_published,
    events={ContractPublished: ("合同公布", "Contract published")},
    reducers={ContractPublished: _published},
    fields={"occurred_on": ("公示日期", "Date of publication"),
            "channels": ("公布方式", "Channels"),
            "monitoring_contact": ("监督联系人", "Contact for monitoring")},
)
