"""Step 9: the signed contract filed with the labour bureau for review (Provisions Art. 42)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState
from domain.values import Actor


class ContractFiled(StepEvent):
    """Step 9: filed with the labour bureau (Art. 42)."""

    bureau: str
    received_on: date
    # Added later (optional; filings recorded before it read as "not recorded"):
    receipt_number: str = ""


def contract_may_be_filed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 42: a signed contract is filed once per attempt."""
    if not state.track.signed:
        return [Breach("filing_needs_signature")]
    return [Breach("already_filed")] if state.track.filed else []


def file_contract(step: Taking, *, bureau: str, received_on: date | None = None,
                  receipt_number: str = "") -> list[Record]:
    """Filed on or after signing, received by the bureau on or after (under the number
    on its receipt, if given); late filings are kept as late."""
    signed = step.state.track.signed
    received = received_on or step.on
    step.require(not_before(step.on, signed.occurred_on, "signed") if signed else [],
                 not_before(received, step.on, "filed", "received_on"),
                 text_given(bureau, "bureau"))
    return [Record(ContractFiled, dict(bureau=bureau, received_on=received,
                                       receipt_number=(receipt_number or "").strip()))]


def _filed(state: CaseState, entry: Entry) -> None:
    state.track.filed = entry


STEP = Step(
    name="filing", command="file_contract", label=("合同报送", "Contract filed"),
    record=file_contract, guard=contract_may_be_filed,
    events={ContractFiled: ("合同报送", "Contract filed")},
    reducers={ContractFiled: _filed},
    fields={"occurred_on": ("报送日期", "Date of filing"),
            "bureau": ("劳动保障行政部门", "Labour bureau"),
            "received_on": ("收到日期", "Received on"),
            "receipt_number": ("受理回执编号", "Receipt number")},
)
