"""Steps 8-13: signing, filing, review, effect, publication, implementation, renewal."""

from __future__ import annotations

from datetime import date

from domain.case_core import CaseCore
from domain.deadlines import deemed_effective_on, review_due
from domain.errors import Breach
from domain.events import (
    ContractFiled,
    ContractPublished,
    ContractSigned,
    ContractTookEffect,
    ImplementationReviewed,
    RenewalRequested,
    ReviewObjected,
)
from domain.rules import procedure
from domain.rules.contract import renewal_in_window, term_within_bounds
from domain.values import Actor, EffectBasis, Side


class ContractSteps(CaseCore):
    """Commands from signing to renewal."""

    def sign_contract(self, by: Actor, occurred_on: date, *, term_start: date,
                      term_end: date) -> None:
        """Step 8 (Arts. 37-38): both chiefs sign after ratification; term 1-3 years."""
        state = self.state
        passed = state.passed_ratification
        self._check_step(by, occurred_on, procedure.contract_may_be_signed(state),
                         procedure.not_before(occurred_on, passed.occurred_on, "ratified")
                         if passed else [],
                         term_within_bounds(term_start, term_end, state.profile))
        self._record(ContractSigned, by, occurred_on, term_start=term_start, term_end=term_end)

    def file_contract(self, by: Actor, occurred_on: date, *, bureau: str,
                      received_on: date | None = None) -> None:
        """Step 9 (Art. 42): filed with the labour bureau; late filings are kept as late."""
        state = self.state
        signed = state.track.signed
        received = received_on or occurred_on
        self._check_step(by, occurred_on, procedure.contract_may_be_filed(state),
                         procedure.not_before(occurred_on, signed.occurred_on, "signed")
                         if signed else [],
                         procedure.not_before(received, occurred_on, "filed", "received_on"),
                         procedure.text_given(bureau, "bureau"))
        self._record(ContractFiled, by, occurred_on, bureau=bureau, received_on=received)

    def record_objection(self, by: Actor, occurred_on: date, *, issues: str) -> None:
        """Step 10 (Arts. 45-46): an objection within the review period sends the case back
        to negotiation; the contract is renegotiated, ratified, signed and filed again."""
        state = self.state
        filed = state.track.filed
        checks = [procedure.review_outcome_open(state), procedure.text_given(issues, "issues")]
        if filed:
            due = review_due(filed["received_on"], state)
            checks.append(procedure.not_before(occurred_on, filed["received_on"], "received_on"))
            if occurred_on > due:
                checks.append([Breach("objection_too_late", {"due": due})])
        self._check_step(by, occurred_on, *checks)
        self._record(ReviewObjected, by, occurred_on, issues=issues)

    def record_effect(self, by: Actor, occurred_on: date, *, basis: EffectBasis) -> None:
        """Step 10 (Art. 47; LCL Art. 54): confirmed by the bureau (effective that day), or
        deemed effective the day after a review period that passed with no objection."""
        state = self.state
        filed = state.track.filed
        checks = [procedure.review_outcome_open(state)]
        effective_on = occurred_on
        if filed and EffectBasis(basis) is EffectBasis.DEEMED:
            effective_on = deemed_effective_on(filed["received_on"], state)
            checks.append(procedure.not_before(occurred_on, effective_on, "review_period_end"))
        elif filed:
            checks.append(procedure.not_before(occurred_on, filed["received_on"], "received_on"))
        self._check_step(by, occurred_on, *checks)
        self._record(ContractTookEffect, by, occurred_on, basis=EffectBasis(basis),
                     effective_on=effective_on)

    def publish_contract(self, by: Actor, occurred_on: date, *, channels: str,
                         monitoring_contact: str) -> None:
        """Step 11 (Art. 48): made known to all workers; the public notice comes from here."""
        state = self.state
        effect = state.track.effect
        self._check_step(by, occurred_on, procedure.contract_may_be_published(state),
                         procedure.not_before(occurred_on, effect["effective_on"], "effective")
                         if effect else [],
                         procedure.text_given(channels, "channels"),
                         procedure.text_given(monitoring_contact, "monitoring_contact"))
        self._record(ContractPublished, by, occurred_on, channels=channels,
                     monitoring_contact=monitoring_contact)

    def review_implementation(self, by: Actor, occurred_on: date, *, findings: str,
                              problems: str = "", follow_up: str = "") -> None:
        """Step 12 (履约监督, repeatable): how the contract is being kept."""
        self._check_step(by, occurred_on, procedure.contract_in_force(self.state),
                         procedure.text_given(findings, "findings"))
        self._record(ImplementationReviewed, by, occurred_on, findings=findings,
                     problems=problems, follow_up=follow_up)

    def request_renewal(self, by: Actor, occurred_on: date, *, requested_by: Side) -> None:
        """Step 13 (Art. 38): either side asks to renew within the window before expiry."""
        state = self.state
        contract = state.contract()
        checks = [procedure.contract_in_force(state)]
        if contract and contract.signed:
            checks.append(renewal_in_window(occurred_on, contract.signed["term_end"],
                                            state.profile))
        self._check_step(by, occurred_on, *checks)
        self._record(RenewalRequested, by, occurred_on, requested_by=Side(requested_by))
