"""A note on a case, by its social workers or supervisors, at any stage."""

from __future__ import annotations

from domain.events import CaseEvent
from domain.procedure.step import WORKERS_AND_SUPERVISORS, Part, Record, Step, Taking
from domain.rules.procedure import text_given


class NoteAdded(CaseEvent):
    """A free-text note."""

    text: str


def add_note(step: Taking, *, text: str) -> list[Record]:
    """A note says something."""
    step.require(text_given(text, "text"))
    return [Record(NoteAdded, dict(text=text))]


STEP = Step(
    name="note", command="add_note", label=("备注", "Note"), record=add_note,
    events={NoteAdded: ("备注", "Note")}, roles=WORKERS_AND_SUPERVISORS, part=Part.ENTRY,
    while_closed=True, fields={"text": ("备注", "Note")},
)
