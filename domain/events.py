"""The base of every event on a negotiation case; each step's own events live with the
step, in :mod:`domain.procedure`.

Every event carries who recorded it (``by``), when it happened (``occurred_on``, the
business date) and when it was recorded (``timestamp``), plus the hash-chain fields
``prev_hash`` and ``digest`` (see :mod:`domain.chain`). Values are JSON-friendly so a
stored event reads the same after any number of years.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate

from domain import clock

Facts = dict[str, Any]


class CaseEvent(Aggregate.Event):
    """Base of every entry on a case."""

    by: dict[str, str]
    occurred_on: date
    prev_hash: str
    digest: str

    @staticmethod
    def create_timestamp() -> datetime:
        """Recording time comes from the domain clock."""
        return clock.now()

    def apply(self, aggregate: Any) -> None:
        """Append this entry to the case; state is derived from the entries."""
        aggregate.append_entry(self)


class StepEvent(CaseEvent):
    """Base of the events that record a step of the procedure (a correction may change
    their facts). Each registers itself by class name in :attr:`named`."""

    named: ClassVar[dict[str, type[StepEvent]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        StepEvent.named[cls.__name__] = cls
