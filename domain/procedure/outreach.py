"""Step 2, 宣传/观摩/培训: publicity, an observation visit or training (optional, repeatable)."""

from __future__ import annotations

from domain.entries import Entry
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import at_least
from domain.state import CaseState
from domain.values import OutreachKind


class OutreachRecorded(StepEvent):
    """Step 2, 宣传/观摩/培训."""

    kind: str
    participants: int
    description: str


def record_outreach(step: Taking, *, kind: OutreachKind, participants: int,
                    description: str) -> list[Record]:
    """Outreach may happen at any stage of an open case: before the offer to prepare the
    workers, after signing to make the contract known."""
    step.require(at_least(participants, 1, "participants"))
    return [Record(OutreachRecorded, dict(kind=OutreachKind(kind), participants=participants,
                                          description=description))]


def _reached_out(state: CaseState, entry: Entry) -> None:
    state.outreach.append(entry)


STEP = Step(
    name="outreach", command="record_outreach", label=("宣传/观摩/培训", "Outreach"),
    record=record_outreach,
    events={OutreachRecorded: ("宣传/观摩/培训", "Outreach")},
    reducers={OutreachRecorded: _reached_out},
    fields={"occurred_on": ("活动日期", "Date of the activity"),
            "kind": ("类型", "Kind"), "participants": ("参加人数", "Participants"),
            "description": ("说明", "Description")},
)
