"""The order of the procedure: which step may follow which (docs/procedure.md).

Each function takes the case's derived state and returns breaches; the aggregate
calls them before recording anything.
"""

from __future__ import annotations

from datetime import date

from domain.errors import Breach
from domain.state import CaseState
from domain.values import Actor, Role


def _b(key: str, **params: object) -> list[Breach]:
    return [Breach(key, dict(params))]


def case_open(state: CaseState) -> list[Breach]:
    """A closed case takes no new steps until it is reopened (step 14)."""
    return _b("case_closed") if state.closed else []


def may_record_steps(actor: Actor) -> list[Breach]:
    """Social workers (and admins) record steps; supervisors sign off (docs/architecture.md,
    users and roles)."""
    return _b("role_records_steps") if actor.role is Role.SUPERVISOR else []


def not_before_opening(state: CaseState, occurred_on: date) -> list[Breach]:
    """An entry cannot have happened before the case was opened."""
    if occurred_on < state.opened.occurred_on:
        return [Breach("before_opening", {"opened": state.opened.occurred_on},
                       field="occurred_on")]
    return []


def not_before(day: date, earliest: date, what: str, field: str = "occurred_on") -> list[Breach]:
    """A date does not precede the entry it follows."""
    if day < earliest:
        return [Breach("date_order", {"what": what, "earliest": earliest}, field=field)]
    return []


def representatives_may_be_appointed(state: CaseState) -> list[Breach]:
    """Art. 19: the sides are appointed once; later changes are replacements (Art. 31)."""
    return _b("representatives_already") if state.appointment else []


def offer_may_be_sent(state: CaseState) -> list[Breach]:
    """Art. 32: an offer needs both sides appointed, equal and complete; no offer is
    pending and none was accepted yet."""
    if not state.appointment:
        return _b("offer_needs_representatives")
    if state.open_vacancies:
        return _b("vacancy_open")
    if state.pending_offer:
        return _b("offer_pending")
    if state.accepted_offer:
        return _b("offer_already_accepted")
    return []


def offer_may_be_answered(state: CaseState) -> list[Breach]:
    """Art. 32: only an offer awaiting its reply can be answered."""
    return [] if state.pending_offer else _b("no_offer_pending")


def refusal_reasoned(accepted: bool, reason: str) -> list[Breach]:
    """Art. 32: a refusal must give its reason in writing."""
    if not accepted and not reason.strip():
        return [Breach("refusal_needs_reason", field="reason")]
    return []


def session_may_be_held(state: CaseState) -> list[Breach]:
    """Art. 33-34: sessions follow an accepted offer, with every seat filled, and stop
    once the contract is signed (unless a review objection reopened negotiation)."""
    if not state.accepted_offer:
        return _b("session_needs_accepted_offer")
    if state.open_vacancies:
        return _b("vacancy_open")
    if state.track.signed:
        return _b("already_signed")
    return []


def may_suspend(state: CaseState) -> list[Breach]:
    """Art. 35: a negotiation under way, not already suspended, can be suspended."""
    if not state.sessions or state.track.signed:
        return _b("nothing_to_suspend")
    if state.open_suspension:
        return _b("already_suspended")
    return []


def dispute_may_be_filed(state: CaseState) -> list[Breach]:
    """Art. 49: a dispute arises during negotiation, before signing; one at a time."""
    if not state.offers or state.track.signed:
        return _b("dispute_out_of_place")
    if state.open_dispute:
        return _b("dispute_open")
    return []


def dispute_may_be_extended(state: CaseState) -> list[Breach]:
    """Art. 53: an open dispute's handling may be extended once."""
    dispute = state.open_dispute
    if dispute is None:
        return _b("no_dispute_open")
    return _b("dispute_already_extended") if dispute.extension else []


def draft_may_be_agreed(state: CaseState, signed_by_chiefs: bool) -> list[Breach]:
    """Art. 36-37: a draft follows a session of the current attempt, with no open dispute
    or suspension, and is signed by both chiefs."""
    breaches = []
    if not state.track.sessions or state.track.signed:
        breaches += _b("draft_needs_session")
    if state.open_dispute:
        breaches += _b("dispute_open")
    if state.open_suspension:
        breaches += _b("still_suspended")
    if not signed_by_chiefs:
        breaches.append(Breach("draft_unsigned", field="signed_by_chiefs"))
    return breaches


def ratification_may_be_held(state: CaseState) -> list[Breach]:
    """Art. 36: a draft is put to the vote until one vote passes."""
    if not state.track.draft:
        return _b("ratification_needs_draft")
    return _b("already_ratified") if state.passed_ratification else []


def contract_may_be_signed(state: CaseState) -> list[Breach]:
    """Art. 37: the chiefs sign only after the draft was ratified."""
    if state.track.signed:
        return _b("already_signed")
    return [] if state.passed_ratification else _b("signing_needs_ratification")


def contract_may_be_filed(state: CaseState) -> list[Breach]:
    """Art. 42: a signed contract is filed once per attempt."""
    if not state.track.signed:
        return _b("filing_needs_signature")
    return _b("already_filed") if state.track.filed else []


def review_outcome_open(state: CaseState) -> list[Breach]:
    """Arts. 45-47: a filed contract gets one review outcome."""
    if not state.track.filed:
        return _b("review_needs_filing")
    return _b("review_decided") if state.track.effect else []


def contract_may_be_published(state: CaseState) -> list[Breach]:
    """Art. 48: publication follows the contract taking effect, once."""
    if not state.track.effect:
        return _b("publication_needs_effect")
    return _b("already_published") if state.track.published else []


def contract_in_force(state: CaseState) -> list[Breach]:
    """Steps 12-13 need a contract that has taken effect."""
    return [] if state.track.effect else _b("needs_contract_in_force")


def text_given(value: str, field: str) -> list[Breach]:
    """A required text is not blank."""
    return [] if value.strip() else [Breach("required", {"field": field}, field=field)]


def at_least(value: int, low: int, field: str) -> list[Breach]:
    """A count is not below ``low``."""
    return [] if value >= low else [Breach("at_least", {"low": low, "field": field},
                                           field=field)]
