"""The one replay: a case's state derived from its stored records, entry by entry.

The aggregate, the projections' timeline, stage periods and the history screens all
derive state here; corrections are overlaid in one place (:func:`materialise`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from config.profiles import JurisdictionProfile
from domain.entries import Entry, fresh_entry, materialise
from domain.procedure.registry import REDUCERS
from domain.state import CaseState
from domain.values import Actor, Enterprise

CORRECTION = "EntryCorrected"


def advance(state: CaseState, entry: Entry) -> None:
    """Bring ``state`` past one new entry, in place."""
    state.entries.append(entry)
    _apply(state, entry)


def _apply(state: CaseState, entry: Entry) -> None:
    state.recorded.setdefault(entry.type, []).append(entry)
    reducer = REDUCERS.get(entry.type)
    if reducer is not None:
        reducer(state, entry)


def _start(opened: Entry, entries: list[Entry]) -> CaseState:
    state = CaseState(opened=opened, profile=JurisdictionProfile.cached(opened["profile"]),
                      enterprise=Enterprise(**opened["enterprise"]),
                      assigned_to=Actor.from_dict(opened["assigned_to"]), entries=entries)
    state.recorded[opened.type] = [opened]
    return state


def states(entries: list[Entry]) -> Iterator[CaseState]:
    """The state after each of ``entries`` (corrections already overlaid) in turn: one
    object, updated in place."""
    state = _start(entries[0], list(entries))
    yield state
    for entry in entries[1:]:
        _apply(state, entry)
        yield state


def fold(entries: list[Entry]) -> CaseState:
    """The state after all of ``entries`` (corrections already overlaid), oldest first."""
    *_, state = states(entries)
    return state


def derive(records: list[dict[str, Any]]) -> CaseState:
    """The state of a case from its stored records, corrections overlaid."""
    return fold(materialise(records))


class Replay:
    """A case's state kept current as records arrive: each new entry advances it; a
    correction rewrites the past, so the state is derived afresh from every record."""

    def __init__(self, records: Iterable[dict[str, Any]] = ()) -> None:
        self.records: list[dict[str, Any]] = []
        self._state: CaseState | None = None
        for record in records:
            self.add(record)

    def add(self, record: dict[str, Any]) -> CaseState:
        """Take one more stored record; the state after it."""
        self.records.append(record)
        if self._state is None or record["type"] == CORRECTION:
            self._state = derive(self.records)
        else:
            advance(self._state, fresh_entry(record))
        return self._state

    @property
    def state(self) -> CaseState:
        """The state after every record taken so far."""
        if self._state is None:
            raise LookupError("no record yet")
        return self._state


def recorded_states(records: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], CaseState]]:
    """Each stored record with the state as recorded right after it (corrections count
    from when they were made): one state object, updated in place unless corrected."""
    replay = Replay()
    for record in records:
        yield record, replay.add(record)
