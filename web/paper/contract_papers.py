"""The papers of the contract: its text with the signature block, the filing form with its
materials list (集体合同审查备案登记表/报送材料清单), and the notice to all workers (公示)."""

from __future__ import annotations

from typing import Any

from domain.case import NegotiationCase
from domain.entries import Entry
from domain.state import CaseState, Track
from domain.values import ChiefBasis
from web.paper.sheet import paper, sides
from web.words.i18n import label


def _track(state: CaseState) -> Track | None:
    """The attempt whose contract is printed: the signed one, else the current draft."""
    return state.contract() or (state.track if state.track.draft else None)


def _passed(state: CaseState, track: Track) -> Entry | None:
    return next((r for r in track.ratifications if state.vote_passed(r)), None)


def key_terms(draft: Entry | None) -> list[tuple[str, Any]]:
    """The draft's key terms, each with its name in the request's language (the summary
    is shown apart)."""
    terms = draft["key_terms"] if draft else {}
    return [(label("term", k), v) for k, v in terms.items() if k != "summary"]


def contract_offered(case: NegotiationCase) -> bool:
    """The contract's text prints once a draft is agreed."""
    return _track(case.state) is not None


def contract_text(case: NegotiationCase) -> dict[str, Any]:
    """The agreed text, its key terms and term, and the block both sides sign (dated the
    day it was signed, or blank before)."""
    state = case.state
    track = _track(state)
    assert track is not None and track.draft is not None
    signed = track.signed
    return {**paper(case, "contract", dated=signed.occurred_on if signed else None),
            "draft": track.draft, "signed": signed, "terms": key_terms(track.draft),
            "summary": track.draft["key_terms"].get("summary", ""),
            "ratified": _passed(state, track), **sides(state)}


def filing_offered(case: NegotiationCase) -> bool:
    """The filing form follows the signing."""
    return case.state.contract() is not None


def materials(state: CaseState, track: Track) -> list[dict[str, Any]]:
    """What the bureau is sent, each with what the case records of it (``on``: the date
    recorded, None: not recorded)."""
    appointment = state.appointment
    delegation = appointment is not None and appointment["chief_basis"] == \
        ChiefBasis.CHAIR_WRITTEN_DELEGATION
    accepted = state.accepted_offer
    vote = _passed(state, track)
    rows = [("contract", track.signed.occurred_on if track.signed else None, None),
            ("representatives", appointment.occurred_on if appointment else None, None),
            ("appointment", appointment.facts.get("delegated_on") if delegation and
             appointment else None, None),
            ("offer", accepted.start.occurred_on if accepted else None, None),
            ("minutes", track.sessions[-1].occurred_on if track.sessions else None,
             len(track.sessions)),
            ("vote", vote.occurred_on if vote else None, None)]
    return [{"name": name, "on": on, "count": count} for name, on, count in rows
            if name != "appointment" or delegation]


def filing_form(case: NegotiationCase) -> dict[str, Any]:
    """The registration form the bureau keeps: the enterprise, the contract, how it was
    negotiated and ratified, and the filing's receipt, with the list of materials."""
    state = case.state
    track = state.contract()
    assert track is not None and track.signed is not None
    filed = track.filed
    return {**paper(case, "filing", dated=filed.occurred_on if filed else None),
            "track": track, "signed": track.signed, "filed": filed,
            "receipt_number": filed.facts.get("receipt_number", "") if filed else "",
            "vote": _passed(state, track), "sessions": len(track.sessions),
            "materials": materials(state, track), "terms": key_terms(track.draft),
            **sides(state)}


def _in_force(state: CaseState) -> Track | None:
    return next((t for t in reversed(state.tracks) if t.effect), None)


def notice_offered(case: NegotiationCase) -> bool:
    """The notice to all workers follows the contract taking effect (Art. 48)."""
    return _in_force(case.state) is not None


def workers_notice(case: NegotiationCase) -> dict[str, Any]:
    """The notice posted for all workers: how the contract was made and took effect, its
    term and key terms, and whom to ask."""
    state = case.state
    track = _in_force(state)
    assert track is not None and track.effect is not None and track.signed is not None
    published = track.published
    return {**paper(case, "notice", dated=published.occurred_on if published
                    else track.effect["effective_on"]),
            "track": track, "effect": track.effect, "signed": track.signed,
            "filed": track.filed, "vote": _passed(state, track),
            "published": published, "terms": key_terms(track.draft),
            "summary": track.draft["key_terms"].get("summary", "") if track.draft else "",
            **sides(state)}
