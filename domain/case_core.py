"""The core of the negotiation-case aggregate: entries, hash chain and derived state."""

from __future__ import annotations

from datetime import date
from typing import Any, Self
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.domain import Snapshot as LibrarySnapshot
from eventsourcing.utils import get_topic

from domain.chain import GENESIS, digest_of
from domain.entries import Entry, entry_record
from domain.events import CaseEvent
from domain.replay import Replay
from domain.stages import Stage, stage_of
from domain.state import CaseState
from domain.values import Actor


def plain(value: Any) -> Any:
    """Enums become their values, tuples lists: the form events store."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


class CaseCore(Aggregate):
    """Keeps the entries of a case and derives everything else from them."""

    class Snapshot(LibrarySnapshot):
        """Snapshots keep the stored entries and chain head, not derived caches."""

        @classmethod
        def take(cls, aggregate: Any) -> Any:
            """Snapshot without the derived-state cache."""
            snapshot = super().take(aggregate)
            snapshot.state.pop("_replay", None)
            return snapshot

    def __init__(self) -> None:
        self._records: list[dict[str, Any]] = []
        self._head = GENESIS

    @classmethod
    def _create(cls, event_class: Any, *, id: UUID | None = None,
                **kwargs: Any) -> Self:
        kwargs = plain(kwargs)
        kwargs["timestamp"] = event_class.create_timestamp()
        kwargs["prev_hash"] = GENESIS
        fields = dict(kwargs, originator_topic=get_topic(cls), originator_id=id,
                      originator_version=cls.INITIAL_VERSION)
        kwargs["digest"] = digest_of(get_topic(event_class), fields)
        return super()._create(event_class, id=id, **kwargs)

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        """Trigger an event that commits to the previous one (see :mod:`domain.chain`)."""
        kwargs = plain(kwargs)
        kwargs["timestamp"] = event_class.create_timestamp()
        kwargs["prev_hash"] = self._head
        fields = dict(kwargs, originator_id=self.id, originator_version=self.version + 1)
        kwargs["digest"] = digest_of(get_topic(event_class), fields)
        super().trigger_event(event_class, **kwargs)

    def append_entry(self, event: CaseEvent) -> None:
        """Called by every event's ``apply``: keep its record, advance the chain, and bring
        the derived state along (see :class:`domain.replay.Replay`)."""
        record = entry_record(event)
        self._records.append(record)
        self._head = event.digest
        replay = self.__dict__.get("_replay")
        if replay is not None:
            replay.add(record)

    @property
    def records(self) -> list[dict[str, Any]]:
        """The stored entries as plain records (before corrections)."""
        return list(self._records)

    @property
    def chain_head(self) -> str:
        """Digest of the newest event."""
        return self._head

    @property
    def entries(self) -> list[Entry]:
        """The timeline, oldest first, with corrections overlaid."""
        return self.state.entries

    @property
    def state(self) -> CaseState:
        """The derived state, kept current entry by entry."""
        replay = self.__dict__.get("_replay")
        if replay is None:
            replay = Replay(self._records)
            self.__dict__["_replay"] = replay
        return replay.state

    @property
    def stage(self) -> Stage:
        """Where the case stands in the procedure."""
        return stage_of(self.state)

    def _record(self, event_class: type[CaseEvent], by: Actor, occurred_on: date,
                **facts: Any) -> None:
        self.trigger_event(event_class, by=by.to_dict(), occurred_on=occurred_on, **facts)
