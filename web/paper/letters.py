"""The printed documents of a case: the offer letter (要约书) and session minutes."""

from __future__ import annotations

from typing import Any

from domain.case import NegotiationCase
from domain.deadlines import reply_due
from domain.entries import Entry
from domain.state import CaseState
from domain.values import ItemStatus, Representative, Side
from web.words.i18n import label


def entry_of(case: NegotiationCase, version: int, kind: str) -> Entry | None:
    """The entry at ``version`` if it is of ``kind`` (corrections included)."""
    return next((e for e in case.entries if e.version == version and e.type == kind), None)


def chief(reps: list[Representative]) -> Representative | None:
    """A side's chief negotiator, if it has one."""
    return next((r for r in reps if r.chief), None)


def _sides(state: CaseState) -> dict[str, Any]:
    return {"worker_side": state.worker_side, "employer_side": state.employer_side,
            "worker_chief": chief(state.worker_side),
            "employer_chief": chief(state.employer_side)}


def offer_letter(case: NegotiationCase, then: NegotiationCase, offer: Entry) -> dict[str, Any]:
    """What the offer letter shows: the parties, agenda, timetable, reply due, chiefs.

    ``then`` is the case as it stood when the offer was recorded (who the chiefs were).
    """
    sender = Side(offer["from_side"])
    receiver = Side.EMPLOYER if sender is Side.WORKERS else Side.WORKERS
    return {"case": case, "offer": offer, "enterprise": case.state.enterprise,
            "sender": sender, "receiver": receiver,
            "reply_due": reply_due(offer["received_on"], case.state),
            "reply_days": case.state.profile.offer_reply_days, **_sides(then.state)}


def minutes(case: NegotiationCase, then: NegotiationCase, session: Entry) -> dict[str, Any]:
    """What the minutes show: date, chair, recorder, attendees, items, text, signatures."""
    sides = _sides(then.state)
    chair_side = Side(session["chaired_by"])
    chair = sides["worker_chief"] if chair_side is Side.WORKERS else sides["employer_chief"]
    return {"case": case, "session": session, "enterprise": case.state.enterprise,
            "chair_side": chair_side, "chair": chair,
            "status_labels": {str(s): label("item_status", s) for s in ItemStatus}, **sides}
