"""Checkpoints: the log's state written to a file kept outside the database.

Like a signed tree head, a checkpoint records how many events the log held up to which
notification id, the running hash of them all, and the ledger's link there; with a
chain key it is sealed. A supervisor keeps the file (and writes down its fingerprint);
``xieshang verify --checkpoint FILE`` later shows whether any of that history has been
removed or rewritten since, even by someone who also removed the newest ledger entries.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from domain.ledger import GENESIS_LINK, Recorded, log_hash
from domain.seals import fingerprint, seal, sealed

FORMAT = "xieshang-checkpoint/1"


class CheckpointUnreadable(ValueError):
    """The file is not a checkpoint this release can read."""


@dataclass(frozen=True)
class Checkpoint:
    """The log as it stood when the checkpoint was made."""

    log: str
    made_at: str
    events: int
    last_notification_id: int
    log_hash: str
    ledger_link: str | None
    seal: str | None = None

    def body(self) -> dict[str, Any]:
        """Every field but the seal (what the seal and the fingerprint cover)."""
        fields = asdict(self)
        fields.pop("seal")
        return {"format": FORMAT, **fields}

    def _canonical(self) -> str:
        return json.dumps(self.body(), sort_keys=True, separators=(",", ":"))

    @property
    def fingerprint(self) -> str:
        """A short fingerprint to write down beside the file."""
        return fingerprint(self._canonical())

    def sealed_with(self, key: bytes) -> Checkpoint:
        """This checkpoint with its seal under ``key``."""
        return Checkpoint(**{**asdict(self), "seal": seal(key, "checkpoint", self._canonical())})

    def seal_holds(self, key: bytes) -> bool:
        """True when the seal is this checkpoint's under ``key``."""
        return self.seal is not None and sealed(key, self.seal, "checkpoint", self._canonical())

    def dumps(self) -> str:
        """The file's text."""
        return json.dumps({**self.body(), "seal": self.seal}, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def loads(cls, text: str) -> Checkpoint:
        """Read a checkpoint file (:class:`CheckpointUnreadable` if it is not one)."""
        try:
            data = json.loads(text)
            if data.pop("format") != FORMAT:
                raise CheckpointUnreadable(f"not a {FORMAT} file")
            return cls(log=str(data["log"]), made_at=str(data["made_at"]),
                       events=int(data["events"]),
                       last_notification_id=int(data["last_notification_id"]),
                       log_hash=str(data["log_hash"]),
                       ledger_link=None if data["ledger_link"] is None
                       else str(data["ledger_link"]),
                       seal=None if data.get("seal") is None else str(data["seal"]))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise CheckpointUnreadable(f"not a checkpoint file: {error}") from None


def take(log: str, notifications: Iterable[Any], made_at: str,
         ledger_link_at: Callable[[int], str | None], key: bytes | None) -> Checkpoint:
    """A checkpoint of ``notifications`` (the whole log, in order), sealed with ``key`` if
    there is one; ``ledger_link_at(n)`` is the ledger's link at notification ``n``."""
    running, count, last = GENESIS_LINK, 0, 0
    for notification in notifications:
        recorded = Recorded.of(notification)
        running = log_hash(running, recorded)
        count, last = count + 1, recorded.notification_id
    checkpoint = Checkpoint(log, made_at, count, last, running,
                            ledger_link_at(last) if last else None)
    return checkpoint.sealed_with(key) if key is not None else checkpoint
