"""The negotiation case: one enterprise's collective bargaining, step by step."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from config.profiles import JurisdictionProfile
from domain.case_bargaining import BargainingSteps
from domain.case_contract import ContractSteps
from domain.case_core import not_in_future
from domain.case_entries import CaseEntries
from domain.case_preparation import PreparationSteps
from domain.errors import Breach, require
from domain.events import CaseOpened
from domain.rules import procedure
from domain.rules.enterprise import enterprise_valid, normalised
from domain.values import Actor, ContractKind, Enterprise, Role


class NegotiationCase(PreparationSteps, BargainingSteps, ContractSteps, CaseEntries):
    """The aggregate: every step of the procedure and the cross-cutting entries
    (docs/procedure.md).

    Commands check the rules and refuse (recording nothing) with a
    :class:`~domain.errors.RuleBroken` naming each rule broken. State, stage and
    deadlines are derived from the recorded entries.
    """

    @classmethod
    def open(cls, by: Actor, occurred_on: date, *, enterprise: Enterprise,
             contract_kind: ContractKind, profile: JurisdictionProfile, assigned_to: Actor,
             scope: str, renews_case: UUID | None = None,
             case_id: UUID | None = None) -> NegotiationCase:
        """Step 0 (接案): open a case; it keeps ``profile``'s numbers for good."""
        enterprise = normalised(enterprise)
        require(procedure.may_record_steps(by), enterprise_valid(enterprise),
                not_in_future(occurred_on),
                [] if assigned_to.role is Role.SOCIAL_WORKER else
                [Breach("assignee_role", field="assigned_to")],
                procedure.text_given(scope, "scope"))
        return cls._create(
            CaseOpened, id=case_id or uuid4(), by=by.to_dict(), occurred_on=occurred_on,
            enterprise=enterprise.to_dict(), contract_kind=ContractKind(contract_kind),
            profile=profile.to_dict(), assigned_to=assigned_to.to_dict(), scope=scope,
            renews_case=str(renews_case) if renews_case else None)
