"""The case as it stood after each event of the log, without reloading it every time."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.procedure.correction import EntryCorrected
from domain.replay import states
from domain.stages import Stage, stage_of

ENTRY_BYTES = 2_700
"""Memory a cached case holds per entry (aggregate, derived state, stage list), as measured
on the demo cases (``bench/bench_memory.py``): the cache is bounded by entries held."""
MB = 1024 * 1024


class Timeline:
    """Applies each event from the log to a cached copy of its case (LRU, bounded by
    memory: at most ``budget_mb`` of cases, counted as :data:`ENTRY_BYTES` per entry).

    A case not in the cache is loaded from the event store at the version just before
    the event, so the cache is an optimisation only: any process can start anywhere.
    Along with each case it keeps the stage the case was in after each of its entries
    (what :func:`domain.stages.stage_periods` needs), so the stage history need not be
    derived again from the start of the case every time.
    """

    def __init__(self, negotiations: Negotiations, budget_mb: float = 96):
        self.negotiations = negotiations
        self.entries = int(budget_mb * MB / ENTRY_BYTES)
        """The most entries the cached cases hold together."""
        self._cases: OrderedDict[str, tuple[NegotiationCase, list[Stage]]] = OrderedDict()
        self._held = 0

    def advance(self, event: Any, case_id: str | None = None) -> NegotiationCase:
        """The case right after ``event`` (which must be the next event of its case);
        ``case_id``: its id as text, if known (a faster key than the UUID)."""
        case_id = str(event.originator_id) if case_id is None else case_id
        cached = self._cases.get(case_id)
        version = event.originator_version
        case, stages = cached if cached else (None, None)
        if case is not None:
            self._cases.move_to_end(case_id)
            if case.version != version - 1:
                case = stages = None
        if version == 1:
            case = event.mutate(None)
        else:
            if case is None:
                case = self.negotiations.get_case(event.originator_id, version=version - 1)
            event.mutate(case)
        assert isinstance(case, NegotiationCase)
        if stages is None or isinstance(event, EntryCorrected):
            # a correction may change any earlier entry: derive the stages afresh
            stages = [stage_of(state) for state in states(case.entries)]
        else:
            stages.append(stage_of(case.state))
        if cached is None or cached[0] is not case or cached[1] is not stages:
            self._held -= len(cached[1]) if cached else 0
            self._cases[case_id] = (case, stages)
            self._held += len(stages)
        else:
            self._held += 1
        while self._held > self.entries and len(self._cases) > 1:
            self._held -= len(self._cases.popitem(last=False)[1][1])
        return case

    def stages(self, case_id: str) -> list[Stage] | None:
        """The stage after each entry of a cached case (None: not in the cache)."""
        cached = self._cases.get(case_id)
        return cached[1] if cached else None

    def drop(self, case_id: str) -> None:
        """Forget one case (its cached copy may have taken part of a failed event)."""
        if (cached := self._cases.pop(case_id, None)) is not None:
            self._held -= len(cached[1])

    def forget(self) -> None:
        """Drop every cached case."""
        self._cases.clear()
        self._held = 0
