"""The case as it stood after each event of the log, without reloading it every time."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from uuid import UUID

from domain.case import NegotiationCase
from domain.commands import Negotiations


class Timeline:
    """Applies each event from the log to a cached copy of its case (LRU-bounded).

    A case not in the cache is loaded from the event store at the version just before
    the event, so the cache is an optimisation only: any process can start anywhere.
    """

    def __init__(self, negotiations: Negotiations, size: int = 20_000):
        self.negotiations = negotiations
        self.size = size
        self._cases: OrderedDict[UUID, NegotiationCase] = OrderedDict()

    def advance(self, event: Any) -> NegotiationCase:
        """The case right after ``event`` (which must be the next event of its case)."""
        case_id = event.originator_id
        case = self._cases.pop(case_id, None)
        version = event.originator_version
        if case is not None and case.version != version - 1:
            case = None
        if version == 1:
            case = event.mutate(None)
        else:
            if case is None:
                case = self.negotiations.get_case(case_id, version=version - 1)
            event.mutate(case)
        assert isinstance(case, NegotiationCase)
        self._cases[case_id] = case
        if len(self._cases) > self.size:
            self._cases.popitem(last=False)
        return case

    def forget(self) -> None:
        """Drop every cached case."""
        self._cases.clear()
