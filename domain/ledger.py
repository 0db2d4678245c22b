"""The ledger: a keyed commitment to every event of the log, in log order.

Each case's hash chain (:mod:`domain.chain`) shows an edit inside that case, but not the
removal of a case's newest entries or of a whole case, nor a case rewritten with fresh
digests. The ledger closes these gaps as Certificate Transparency logs and ledger
databases do: entry *n* records what event *n* of the log is (its case, version, topic and
the SHA-256 of its stored bytes) and a link, the HMAC under the chain key of the previous
link and those facts. Without the key, no entry can be changed, removed or added without
breaking every link after it. What the ledger cannot show alone is the newest entries
cut off together with their events: a checkpoint kept outside the database shows that
(see :mod:`domain.checkpoint`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from domain.seals import GENESIS_LINK, link, seal


@dataclass(frozen=True)
class Recorded:
    """What the log holds at one notification id, as the ledger commits to it."""

    notification_id: int
    originator_id: str
    version: int
    topic: str
    state_hash: str

    @classmethod
    def of(cls, notification: Any) -> Recorded:
        """The facts of a stored notification (any object with the library's fields)."""
        return cls(int(notification.id), str(notification.originator_id),
                   int(notification.originator_version), str(notification.topic),
                   hashlib.sha256(bytes(notification.state)).hexdigest())

    def parts(self) -> tuple[object, ...]:
        """The facts in the order links are computed from."""
        return (self.notification_id, self.originator_id, self.version, self.topic,
                self.state_hash)


@dataclass(frozen=True)
class LedgerEntry:
    """One sealed entry of the ledger."""

    recorded: Recorded
    link: str

    @property
    def notification_id(self) -> int:
        """The notification id the entry is for."""
        return self.recorded.notification_id


def sealed_link(key: bytes, previous: str, recorded: Recorded) -> str:
    """The link of ``recorded`` after the link ``previous`` (HMAC under ``key``)."""
    return seal(key, "ledger", previous, *recorded.parts())


def seal_all(key: bytes, previous: str, notifications: list[Any]) -> list[LedgerEntry]:
    """Ledger entries for ``notifications`` (in log order) after the link ``previous``."""
    entries = []
    for notification in notifications:
        recorded = Recorded.of(notification)
        previous = sealed_link(key, previous, recorded)
        entries.append(LedgerEntry(recorded, previous))
    return entries


def log_hash(previous: str, recorded: Recorded) -> str:
    """The unkeyed running hash of the log after ``recorded`` (what checkpoints hold)."""
    return link(previous, *recorded.parts())


__all__ = ["GENESIS_LINK", "LedgerEntry", "Recorded", "log_hash", "seal_all", "sealed_link"]
