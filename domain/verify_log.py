"""The log-wide checks of ``verify``: the ledger, and a checkpoint kept outside.

Both read the log once, in notification order, alongside the case chains (see
:mod:`domain.verify`), and report what they find as :class:`LogBreak`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from domain.checkpoint import Checkpoint
from domain.ledger import GENESIS_LINK, LedgerEntry, Recorded, log_hash, sealed_link


@dataclass(frozen=True)
class LogBreak:
    """History removed, inserted or rewritten, found by the ledger or a checkpoint."""

    notification_id: int
    reason: str
    case_id: UUID | None = None
    version: int | None = None


def _case(recorded: Recorded) -> tuple[UUID, int]:
    return UUID(recorded.originator_id), recorded.version


class LedgerCheck:
    """Walks the ledger beside the log: every entry's link must follow from the one
    before under the key, and name exactly the event the log holds at its id."""

    def __init__(self, key: bytes, entries: Iterable[LedgerEntry], breaks: list[LogBreak]):
        self.key = key
        self.entries = iter(entries)
        self.pending = next(self.entries, None)
        self.previous = GENESIS_LINK
        self.breaks = breaks
        self.sealed = self.unsealed = 0
        self.links: dict[int, str] = {}

    def _take(self) -> LedgerEntry:
        entry = self.pending
        assert entry is not None
        if entry.link != sealed_link(self.key, self.previous, entry.recorded):
            self.breaks.append(LogBreak(entry.notification_id,
                                        "ledger entry altered, or the one before it removed"))
        self.previous = self.links[entry.notification_id] = entry.link
        self.pending = next(self.entries, None)
        return entry

    def see(self, recorded: Recorded) -> None:
        """Check the event at ``recorded.notification_id`` against the ledger."""
        number = recorded.notification_id
        while self.pending is not None and self.pending.notification_id < number:
            self._removed(self._take())
        if self.pending is None:
            self.unsealed += 1
        elif self.pending.notification_id == number:
            entry = self._take()
            self.sealed += 1
            if entry.recorded != recorded:
                self.breaks.append(LogBreak(number, "rewritten since it was sealed",
                                            *_case(entry.recorded)))
        else:
            self.breaks.append(LogBreak(number, "not in the ledger: inserted by hand",
                                        *_case(recorded)))

    def finish(self) -> None:
        """Entries past the log's end name events removed from it."""
        while self.pending is not None:
            self._removed(self._take())

    def _removed(self, entry: LedgerEntry) -> None:
        self.breaks.append(LogBreak(entry.notification_id, "removed from the log",
                                    *_case(entry.recorded)))


class CheckpointCheck:
    """Recomputes the log up to a checkpoint and compares it with the file."""

    def __init__(self, checkpoint: Checkpoint, log: str, key: bytes | None,
                 breaks: list[LogBreak]):
        self.checkpoint = checkpoint
        self.breaks = breaks
        self.hash = GENESIS_LINK
        self.count = 0
        if checkpoint.log != log:
            breaks.append(LogBreak(0, f"the checkpoint is of another log ({checkpoint.log})"))
        if key is not None and checkpoint.seal is not None and not checkpoint.seal_holds(key):
            breaks.append(LogBreak(0, "the checkpoint file does not match its seal"))

    def see(self, recorded: Recorded) -> None:
        """Take in one event of the log."""
        if recorded.notification_id <= self.checkpoint.last_notification_id:
            self.hash = log_hash(self.hash, recorded)
            self.count += 1

    def finish(self, ledger_links: dict[int, str] | None) -> None:
        """Compare what the log holds now up to the checkpoint with what it held then."""
        then, at = self.checkpoint, self.checkpoint.last_notification_id
        if self.count < then.events:
            reason = f"{then.events - self.count} event(s) removed since the checkpoint"
        elif self.count > then.events:
            reason = f"{self.count - then.events} event(s) inserted before the checkpoint"
        elif self.hash != then.log_hash:
            reason = "history before the checkpoint rewritten"
        else:
            reason = ""
        if reason:
            self.breaks.append(LogBreak(at, reason))
        if then.ledger_link and ledger_links is not None and ledger_links.get(at) != (
                then.ledger_link):
            self.breaks.append(LogBreak(at, "the ledger differs from the checkpoint"))
