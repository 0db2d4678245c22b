"""The letters of a case: the offer (要约书, recorded or as a draft to send), the
representatives' list and election record (推选结果/名单公示) and the chief's letter of
appointment (首席协商代表委托书). Each builder returns what its template shows."""

from __future__ import annotations

from typing import Any

from domain.case import NegotiationCase
from domain.deadlines import reply_due
from domain.entries import Entry
from domain.values import ChiefBasis, Side
from web.paper.meetings import minutes
from web.paper.sheet import entry_of, paper, sides
from web.words.i18n import label

__all__ = ["appointment_letter", "entry_of", "minutes", "offer_draft", "offer_letter",
           "representatives_list"]

def offer_letter(case: NegotiationCase, then: NegotiationCase, offer: Entry) -> dict[str, Any]:
    """The offer as sent: dated the day it was sent, from the sender in its own name, the
    reply due within the profile's days of receipt, with a reply slip (回执).

    ``then`` is the case as it stood when the offer was recorded (who the chiefs were).
    """
    sender = Side(offer["from_side"])
    receiver = Side.EMPLOYER if sender is Side.WORKERS else Side.WORKERS
    return {**paper(case, "offer", offer.version, offer.occurred_on), "offer": offer,
            "sender": sender, "receiver": receiver, "agenda": offer["agenda"],
            "timetable": offer["timetable"], "draft": False,
            "received_on": offer["received_on"],
            "reply_due": reply_due(offer["received_on"], case.state),
            "reply_days": case.state.profile.offer_reply_days, **sides(then.state)}


def offer_draft_offered(case: NegotiationCase) -> bool:
    """The draft of an offer is printed once the sides are appointed, while no offer is
    awaiting its reply or accepted (a refused offer may be followed by another)."""
    state = case.state
    return bool(state.appointment and not state.pending_offer and not state.accepted_offer)


def offer_draft(case: NegotiationCase) -> dict[str, Any]:
    """The worker side's offer before it is sent: the agenda from the survey's demands
    (most urgent first), the date and timetable left to fill in by hand."""
    demands = [d for survey in case.state.surveys for d in survey["demands"]]
    agenda = [d["text"] for d in sorted(demands, key=lambda d: d.get("priority") or 1)]
    return {**paper(case, "offer-draft"), "offer": None, "sender": Side.WORKERS,
            "receiver": Side.EMPLOYER, "agenda": list(dict.fromkeys(agenda)),
            "timetable": "", "draft": True, "received_on": None, "reply_due": None,
            "reply_days": case.state.profile.offer_reply_days, **sides(case.state)}


def representatives_list(case: NegotiationCase) -> dict[str, Any]:
    """Both sides as seated now (after any replacement), how the worker side was chosen
    and its election's figures and publicity, as recorded (blank where not recorded)."""
    appointment = case.state.appointment
    assert appointment is not None
    facts = appointment.facts
    return {**paper(case, "representatives", dated=appointment.occurred_on),
            "appointment": appointment, "selection": facts["worker_selection"],
            "approving": facts.get("workers_approving"),
            "held_on": facts.get("election_held_on"), "voters": facts.get("election_voters"),
            "posted_from": facts.get("list_posted_from"),
            "posted_until": facts.get("list_posted_until"),
            "employer_appointed_by": facts["employer_appointed_by"],
            "chief_basis": label("chief_basis", facts["chief_basis"]), **sides(case.state)}


def appointment_offered(case: NegotiationCase) -> bool:
    """A letter of appointment is needed when the worker chief holds the chair by the
    union chair's written appointment (Art. 20)."""
    appointment = case.state.appointment
    return bool(appointment and appointment["chief_basis"]
                == ChiefBasis.CHAIR_WRITTEN_DELEGATION)


def appointment_letter(case: NegotiationCase) -> dict[str, Any]:
    """The union chair appoints the worker side's chief in writing."""
    appointment = case.state.appointment
    assert appointment is not None
    return {**paper(case, "appointment", dated=appointment.facts.get("delegated_on")),
            "delegated_by": appointment.facts.get("delegated_by", ""), **sides(case.state)}
