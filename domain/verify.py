"""``xieshang verify``: check the stored history against everything that vouches for it.

One pass over the notification log checks, for every event: its case's hash chain
(versions consecutive, each entry following the one before, content matching its
digest); the ledger's entry for it, when there is a ledger (see :mod:`domain.ledger`);
and, given a checkpoint, the running hash up to it (see :mod:`domain.checkpoint`). Then
every stored snapshot is checked against its seal and a replay of its events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from uuid import UUID

from eventsourcing.persistence import Notification

from domain.application import CaseApplication
from domain.chain import GENESIS, ChainBreak, digest_of
from domain.checkpoint import Checkpoint
from domain.ledger import LedgerEntry, Recorded
from domain.verify_log import CheckpointCheck, LedgerCheck, LogBreak
from domain.verify_snapshots import check_snapshots

PAGE = 1000


@dataclass
class VerifyReport:
    """What ``verify`` found: what was checked, and every break."""

    cases: int = 0
    events: int = 0
    breaks: list[ChainBreak] = field(default_factory=list)
    log_breaks: list[LogBreak] = field(default_factory=list)
    sealed: int = 0
    """Events the ledger vouches for (the rest are newer than its last entry)."""
    unsealed: int = 0
    snapshots: int = 0
    unsealed_snapshots: int = 0
    """Snapshots written before snapshots were sealed: checked by replay, never served."""
    checkpoint: Checkpoint | None = None

    @property
    def intact(self) -> bool:
        """True when nothing stored was altered, removed or inserted outside the application."""
        return not self.breaks and not self.log_breaks


def notifications(app: CaseApplication) -> Iterator[Notification]:
    """Every notification of the log, in order, read a page at a time."""
    start = 1
    while True:
        page = app.recorder.select_notifications(start=start, limit=PAGE)
        if not page:
            return
        yield from page
        start = page[-1].id + 1


def verify(app: CaseApplication, ledger: Iterable[LedgerEntry] | None = None,
           checkpoint: Checkpoint | None = None) -> VerifyReport:
    """Read the whole log once and check every case's chain, the ``ledger`` (its entries,
    if the store keeps one; checked only with the chain key) and the ``checkpoint``."""
    report = VerifyReport(checkpoint=checkpoint)
    key = app.chain_key
    ledger_check = (LedgerCheck(key, ledger, report.log_breaks)
                    if key is not None and ledger is not None else None)
    checkpoint_check = (CheckpointCheck(checkpoint, app.name, key, report.log_breaks)
                        if checkpoint is not None else None)
    heads: dict[UUID, tuple[int, str]] = {}
    for notification in notifications(app):
        report.events += 1
        recorded = Recorded.of(notification)
        if ledger_check:
            ledger_check.see(recorded)
        if checkpoint_check:
            checkpoint_check.see(recorded)
        _check_chain(app, notification, heads, report)
    report.cases = len(heads)
    if ledger_check:
        ledger_check.finish()
        report.sealed, report.unsealed = ledger_check.sealed, ledger_check.unsealed
    if checkpoint_check:
        checkpoint_check.finish(ledger_check.links if ledger_check else None)
    report.snapshots, report.unsealed_snapshots = check_snapshots(app, list(heads),
                                                                  report.breaks)
    return report


def _check_chain(app: CaseApplication, notification: Notification,
                 heads: dict[UUID, tuple[int, str]], report: VerifyReport) -> None:
    """Check one event against the event before it in its case."""
    case_id = UUID(str(notification.originator_id))
    version = notification.originator_version
    last_version, last_digest = heads.get(case_id, (0, GENESIS))
    if version != last_version + 1:
        report.breaks.append(ChainBreak(case_id, version, "versions are not consecutive"))
    try:
        event = app.mapper.to_domain_event(notification)
        fields = dict(vars(event))
    except Exception as error:  # noqa: BLE001 - any decoding failure is tampering
        report.breaks.append(ChainBreak(case_id, version, f"unreadable: {error}"))
        heads[case_id] = (version, "")
        return
    if fields.get("prev_hash") != last_digest:
        report.breaks.append(ChainBreak(case_id, version, "does not follow the previous entry"))
    if digest_of(notification.topic, fields) != fields.get("digest"):
        report.breaks.append(ChainBreak(case_id, version, "content differs from its digest"))
    heads[case_id] = (version, str(fields.get("digest")))
