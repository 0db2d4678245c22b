"""``xieshang verify``: check every case's stored history against its hash chain."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from uuid import UUID

from eventsourcing.persistence import Notification

from domain.application import CaseApplication
from domain.chain import GENESIS, ChainBreak, digest_of

PAGE = 1000


@dataclass
class VerifyReport:
    """What ``verify`` found: cases and events checked, and every break."""

    cases: int = 0
    events: int = 0
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        """True when no stored event was altered outside the application."""
        return not self.breaks


def _notifications(app: CaseApplication) -> Iterator[Notification]:
    start = 1
    while True:
        page = app.recorder.select_notifications(start=start, limit=PAGE)
        if not page:
            return
        yield from page
        start = page[-1].id + 1


def verify(app: CaseApplication) -> VerifyReport:
    """Read the whole notification log once and check each case's chain as it streams."""
    report = VerifyReport()
    heads: dict[UUID, tuple[int, str]] = {}
    for notification in _notifications(app):
        report.events += 1
        case_id = UUID(str(notification.originator_id))
        version = notification.originator_version
        last_version, last_digest = heads.get(case_id, (0, GENESIS))
        if case_id not in heads:
            report.cases += 1
        if version != last_version + 1:
            report.breaks.append(ChainBreak(case_id, version, "versions are not consecutive"))
        try:
            event = app.mapper.to_domain_event(notification)
            fields = dict(vars(event))
        except Exception as error:  # noqa: BLE001 - any decoding failure is tampering
            report.breaks.append(ChainBreak(case_id, version, f"unreadable: {error}"))
            heads[case_id] = (version, "")
            continue
        if fields.get("prev_hash") != last_digest:
            report.breaks.append(ChainBreak(case_id, version,
                                            "does not follow the previous entry"))
        if digest_of(notification.topic, fields) != fields.get("digest"):
            report.breaks.append(ChainBreak(case_id, version, "content differs from its digest"))
        heads[case_id] = (version, str(fields.get("digest")))
    return report
