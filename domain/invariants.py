"""What must hold of every case at every version, whatever was recorded or corrected."""

from __future__ import annotations

from domain.errors import Breach
from domain.rules.contract import term_within_bounds
from domain.rules.enterprise import enterprise_valid
from domain.rules.ratification import vote_consistent
from domain.rules.representatives import sides_valid
from domain.state import CaseState


def _tracks_hold(state: CaseState) -> list[Breach]:
    breaches: list[Breach] = []
    for track in state.tracks:
        for vote in track.ratifications:
            breaches += vote_consistent(vote["members"], vote["present"], vote["votes_for"])
        if track.signed:
            passed = [r for r in track.ratifications if state.vote_passed(r)
                      and r.occurred_on <= track.signed.occurred_on]
            if not passed:
                breaches.append(Breach("signing_needs_ratification"))
            breaches += term_within_bounds(track.signed["term_start"], track.signed["term_end"],
                                           state.profile)
        if track.filed and (not track.signed
                            or track.filed.occurred_on < track.signed.occurred_on):
            breaches.append(Breach("filing_needs_signature"))
        if track.effect and not track.filed:
            breaches.append(Breach("review_needs_filing"))
        if track.published and not track.effect:
            breaches.append(Breach("publication_needs_effect"))
    return breaches


def invariant_breaches(state: CaseState) -> list[Breach]:
    """Every invariant a case's derived state must satisfy (empty when all hold)."""
    breaches = enterprise_valid(state.enterprise)
    if state.appointment and not state.open_vacancies:
        breaches += sides_valid(state.worker_side, state.employer_side, state.profile)
    opened_on = state.opened.occurred_on
    if any(e.occurred_on < opened_on for e in state.entries):
        breaches.append(Breach("before_opening", {"opened": opened_on}))
    if sum(1 for o in state.offers if o.end is None) > 1:
        breaches.append(Breach("offer_pending"))
    if state.sessions and not state.accepted_offer:
        breaches.append(Breach("session_needs_accepted_offer"))
    return breaches + _tracks_hold(state)
