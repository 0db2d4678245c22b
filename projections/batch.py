"""One page of the log as the read models see it.

Several read models derive the same facts from a case (its deadlines, its public notice):
a :class:`Batch` works each of them out once per page and shares it with every model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from domain.case import NegotiationCase
from domain.events import CaseEvent
from domain.stages import Stage

T = TypeVar("T")


class CaseChange(NamedTuple):
    """One event from the log, with the case as it stood after it (within a batch, the
    same case object is shared: read it from the last change of each case)."""

    notification_id: int
    event: CaseEvent
    case: NegotiationCase
    case_id: str
    """The case's id as stored in the read models."""


class Unreadable(NamedTuple):
    """An event of the log that could not be read or applied to its case: every read
    model sets it aside (see :mod:`projections.set_aside`) and goes on."""

    notification_id: int
    case_id: str
    version: int
    error: str


class Batch:
    """The changes of one page past some position, with facts derived from each case
    computed once for all the read models that process the page."""

    def __init__(self, changes: list[CaseChange],
                 stages: Callable[[str], list[Stage] | None] | None = None,
                 memo: dict[tuple[str, str], Any] | None = None,
                 unreadable: list[Unreadable] | None = None, last_id: int | None = None,
                 retaken: bool = False):
        self.changes = changes
        self.retaken = retaken
        """True when the events were set aside before: their cases may have rows already."""
        self.stages = stages or (lambda _: None)
        """The stage after each entry of a case, where known (see :class:`Timeline`)."""
        self._memo: dict[tuple[str, str], Any] = {} if memo is None else memo
        self.unreadable = unreadable or []
        """The events of the page that could not be read (set aside by every model)."""
        ids = [c.notification_id for c in changes[-1:]] + [u.notification_id
                                                           for u in self.unreadable]
        self.last_id = max(ids, default=0) if last_id is None else last_id
        """The last notification id of the page (the read model's next position)."""

    @property
    def count(self) -> int:
        """How many events the batch holds, readable or not (0: the log's end)."""
        return len(self.changes) + len(self.unreadable)

    def since(self, position: int) -> Batch:
        """The changes past ``position``, sharing this batch's derived facts (the latest
        state of each case is the same in every suffix of a page)."""
        first = min([c.notification_id for c in self.changes[:1]]
                    + [u.notification_id for u in self.unreadable], default=position + 1)
        if first > position:
            return self
        return Batch([c for c in self.changes if c.notification_id > position], self.stages,
                     self._memo, [u for u in self.unreadable if u.notification_id > position])

    def without(self, case_ids: set[str]) -> Batch:
        """The same page without the changes of ``case_ids`` (its position unchanged)."""
        return Batch([c for c in self.changes if c.case_id not in case_ids], self.stages,
                     self._memo, self.unreadable, self.last_id)

    def only(self, case_id: str) -> Batch:
        """The changes of one case alone (to find which case a read model cannot take)."""
        return Batch([c for c in self.changes if c.case_id == case_id], self.stages,
                     self._memo, [], self.last_id)

    @cached_property
    def cases(self) -> dict[str, NegotiationCase]:
        """Each case touched by the changes, as it stands after them."""
        return {change.case_id: change.case for change in self.changes}

    @cached_property
    def known(self) -> list[str]:
        """The cases touched that a read model may already hold rows of: all but those
        opened within these changes (no read model has rows of a case before its opening
        event, so their old rows need no deleting)."""
        opened = {c.case_id for c in self.changes
                  if c.event.originator_version == 1 and not self.retaken}
        return [case_id for case_id in self.cases if case_id not in opened]

    def derived(self, kind: str, case_id: str,
                derive: Callable[[str, NegotiationCase], T]) -> T:
        """``derive(case_id, case)`` for the case as it stands, worked out once per page."""
        key = (kind, case_id)
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = derive(case_id, self.cases[case_id])
        return value
