"""Sealed snapshots: a snapshot is served only if the chain key vouches for it.

A case with many entries is loaded from its newest snapshot plus the events after it, so
an edited snapshot would be what every page shows. Each snapshot is stored with an HMAC
of its case, version, topic and stored bytes under the chain key; one whose seal does not
match (edited, moved, or written before snapshots were sealed) is refused, and the case
is replayed from its events instead. ``xieshang verify`` reports it.
"""

from __future__ import annotations

import logging
from typing import Any

from eventsourcing.persistence import EventStore, Mapper, StoredEvent

from domain.seals import seal, sealed

MARK = b"xs-seal1:"
SEAL_LENGTH = 64
log = logging.getLogger(__name__)


class SnapshotRefused(ValueError):
    """A stored snapshot whose seal is missing or does not match its content."""


def _sealed_parts(stored: StoredEvent, state: bytes) -> tuple[object, ...]:
    return ("snapshot", stored.originator_id, stored.originator_version, stored.topic, state)


def unseal(key: bytes, stored: StoredEvent) -> bytes:
    """The stored bytes of a sealed snapshot; :class:`SnapshotRefused` if the seal is
    missing or wrong."""
    state = stored.state
    if not state.startswith(MARK):
        raise SnapshotRefused("the snapshot has no seal")
    value = state[len(MARK):len(MARK) + SEAL_LENGTH].decode("ascii", "replace")
    body = state[len(MARK) + SEAL_LENGTH:]
    if not sealed(key, value, *_sealed_parts(stored, body)):
        raise SnapshotRefused("the snapshot does not match its seal")
    return body


class SealingMapper(Mapper[Any]):
    """The application's mapper, sealing snapshots on the way in and checking the seal on
    the way out."""

    def __init__(self, mapper: Mapper[Any], key: bytes):
        super().__init__(mapper.transcoder, mapper.compressor, mapper.cipher)
        self.key = key

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """The snapshot as stored, with its seal in front of its bytes."""
        stored = super().to_stored_event(domain_event)
        value = seal(self.key, *_sealed_parts(stored, stored.state)).encode("ascii")
        return StoredEvent(stored.originator_id, stored.originator_version, stored.topic,
                           MARK + value + stored.state)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """The snapshot, if its seal holds (else :class:`SnapshotRefused`)."""
        body = unseal(self.key, stored_event)
        return super().to_domain_event(StoredEvent(
            stored_event.originator_id, stored_event.originator_version, stored_event.topic,
            body))


class SealedSnapshotStore(EventStore[Any]):
    """A snapshot store that serves no snapshot it cannot vouch for: the repository then
    replays the case from its events."""

    def get(self, *args: Any, **kwargs: Any) -> Any:
        """The snapshots asked for, or none if the newest of them is refused."""
        try:
            return list(super().get(*args, **kwargs))
        except SnapshotRefused as refused:
            log.warning("snapshot not served (%s): %s", kwargs.get("originator_id"), refused)
            return []
