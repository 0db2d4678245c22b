"""Rules for negotiation sessions (Arts. 34-35)."""

from __future__ import annotations

from datetime import date

from domain.errors import Breach
from domain.values import Representative, Side


def chairs_alternate(chair: Side, previous_chair: Side | None) -> list[Breach]:
    """Art. 34: the two chief negotiators chair the sessions in turn."""
    if previous_chair is not None and chair == previous_chair:
        return [Breach("chairs_alternate", {"side": previous_chair}, field="chaired_by")]
    return []


def recorder_neutral(recorder: str, representatives: list[Representative]) -> list[Breach]:
    """Art. 34: the recorder is named and is not one of the representatives."""
    if not recorder.strip():
        return [Breach("required", {"field": "recorder"}, field="recorder")]
    if recorder.strip() in {r.name.strip() for r in representatives}:
        return [Breach("recorder_is_representative", {"name": recorder}, field="recorder")]
    return []


def resume_after_suspension(suspended_on: date, resume_on: date) -> list[Breach]:
    """Art. 35: a suspension names a resume date after the day it began."""
    if resume_on <= suspended_on:
        return [Breach("resume_after_suspension", field="resume_on")]
    return []
