"""A case as of a date, both ways: what had *happened* by that day (business dates, as the
case reads now, corrections overlaid) and what had been *recorded* by it (the store's
timestamps, as a supervisor auditing the file then would have seen it).

The two differ when a worker writes up a step days after it happened, or corrects one: a
case opened on 1 June and first written up on 3 August had happened on 1 July but was not
yet recorded. Neither view may say a case "was not yet opened" when it only was not yet
recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.entries import Entry, materialise
from domain.replay import fold
from domain.stages import Stage, stage_of
from domain.state import CaseState

CORRECTION = "EntryCorrected"


@dataclass(frozen=True)
class Then:
    """A case as of a date: its state, stage, entries, and how many entries it counts."""

    state: CaseState
    entries: list[Entry]
    version: int

    @property
    def stage(self) -> Stage:
        """Where the case stood in the procedure."""
        return stage_of(self.state)


def happened_by(records: list[dict[str, Any]], day: date) -> Then | None:
    """What had happened by the end of ``day`` by business date, as the case reads now
    (None: the case had not been opened yet)."""
    entries = [e for e in materialise(records)
               if e.type != CORRECTION and e.occurred_on <= day]
    if not entries or entries[0].version != 1:
        return None
    return Then(fold(entries), entries, entries[-1].version)
