"""Step 3a: a representative's seat falls vacant (Provisions Art. 30)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import text_given
from domain.state import CaseState, Pair
from domain.values import Actor, Representative, Side


class RepresentativeLeft(StepEvent):
    """Step 3a: a seat falls vacant (Art. 30)."""

    side: str
    name: str
    reason: str


def seat_may_fall_vacant(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 30: a representative leaves during the negotiation, which ends at signing
    (a review objection opens it again, Art. 46)."""
    if not state.appointment:
        return [Breach("no_representatives")]
    return [Breach("already_signed")] if state.track.signed else []


def seats_of(state: CaseState, side: Side | str) -> list[Representative]:
    """The representatives now on ``side``."""
    return state.worker_side if Side(side) is Side.WORKERS else state.employer_side


def record_vacancy(step: Taking, *, side: Side, name: str, reason: str) -> list[Record]:
    """The representative named is one of the side's; the seat must be filled in time."""
    seats = seats_of(step.state, side)
    step.require([] if any(r.name == name for r in seats) else
                 [Breach("not_a_representative", {"name": name}, field="name")],
                 text_given(reason, "reason"))
    return [Record(RepresentativeLeft, dict(side=side, name=name, reason=reason))]


def _left(state: CaseState, entry: Entry) -> None:
    side = "worker_side" if entry["side"] == "workers" else "employer_side"
    setattr(state, side, [r for r in getattr(state, side) if r.name != entry["name"]])
    state.vacancies.append(Pair(entry))


STEP = Step(
    name="vacancy", command="record_vacancy", label=("代表出缺", "Representative left"),
    record=record_vacancy, guard=seat_may_fall_vacant,
    events={RepresentativeLeft: ("代表出缺", "Representative left")},
    reducers={RepresentativeLeft: _left},
    fields={"occurred_on": ("出缺日期", "Date the seat fell vacant"),
            "side": ("一方", "Side"), "name": ("出缺的代表", "Representative who left"),
            "reason": ("理由", "Reason")},
)
