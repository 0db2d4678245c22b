"""Step 4, 要约: a written offer to negotiate, with agenda and timetable (Provisions Art. 32)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before, text_given
from domain.state import CaseState, Pair
from domain.values import Actor, Side


class OfferSent(StepEvent):
    """Step 4, 要约 (Art. 32)."""

    from_side: str
    received_on: date
    agenda: list[str]
    timetable: str


def offer_may_be_sent(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 32: an offer needs both sides appointed, equal and complete; no offer is
    pending and none was accepted yet."""
    if not state.appointment:
        return [Breach("offer_needs_representatives")]
    if state.open_vacancies:
        return [Breach("vacancy_open")]
    if state.pending_offer:
        return [Breach("offer_pending")]
    if state.accepted_offer:
        return [Breach("offer_already_accepted")]
    return []


def send_offer(step: Taking, *, from_side: Side, received_on: date, agenda: list[str],
               timetable: str) -> list[Record]:
    """The other side receives it on or after the day it is sent; an agenda and a
    timetable are required."""
    step.require(not_before(received_on, step.on, "offer_sent", "received_on"),
                 [] if any(a.strip() for a in agenda) else
                 [Breach("required", {"field": "agenda"}, field="agenda")],
                 text_given(timetable, "timetable"))
    return [Record(OfferSent, dict(from_side=Side(from_side), received_on=received_on,
                                   agenda=[a for a in agenda if a.strip()],
                                   timetable=timetable))]


def _sent(state: CaseState, entry: Entry) -> None:
    state.offers.append(Pair(entry))


STEP = Step(
    name="offer", command="send_offer", label=("发出要约", "Send the offer"),
    record=send_offer, guard=offer_may_be_sent,
    events={OfferSent: ("发出要约", "Offer sent")},
    reducers={OfferSent: _sent},
    fields={"occurred_on": ("要约发出日期", "Date the offer was sent"),
            "from_side": ("要约提出方", "Offer made by"),
            "received_on": ("对方收到日期", "Received by the other side on"),
            "agenda": ("议题", "Agenda"), "timetable": ("拟定协商时间安排", "Proposed timetable")},
)
