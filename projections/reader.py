"""Reading the event log a page at a time, each event with its case as it stood after it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import Notification
from sqlalchemy import Select, bindparam, select

from domain.commands import Negotiations
from projections.batch import Batch, CaseChange, Unreadable
from projections.timeline import Timeline
from projections.transient import describe, is_transient

READ = 1000
"""Notifications per read of the log: the library reads a large slice more slowly per
event than a small one, so a page is read in slices of this size."""


class LogReader:
    """Reads pages of the notification log and follows each case through them."""

    def __init__(self, negotiations: Negotiations, page: int, cache_mb: float = 96):
        self.negotiations = negotiations
        self.page = page
        self.timeline = Timeline(negotiations, cache_mb)
        self.newest = 0
        """The newest notification id read so far."""
        self.on_read: Callable[[int, Sequence[Notification]], None] | None = None
        """Called with each page as it is read (the ledger seals it: see the runner)."""
        self._query: Select[Any] | None = None

    def read(self, start: int) -> Batch:
        """Up to a page of events from notification id ``start`` (none: the log's end)."""
        notifications = self._notifications(start)
        if notifications:
            self.newest = max(self.newest, notifications[-1].id)
            if self.on_read is not None:
                self.on_read(start, notifications)
        changes, unreadable = self._changes(notifications)
        return Batch(changes, self.timeline.stages, unreadable=unreadable,
                     last_id=notifications[-1].id if notifications else 0)

    def _notifications(self, start: int) -> list[Notification]:
        select_notifications = self._select
        notifications: list[Notification] = []
        while len(notifications) < self.page:
            limit = min(READ, self.page - len(notifications))
            notifications += (read := select_notifications(start=start, limit=limit))
            if len(read) < limit:
                break
            start = read[-1].id + 1
        return notifications

    def _select(self, start: int, limit: int) -> list[Notification]:
        """Up to ``limit`` notifications from id ``start``, as the library's
        ``select_notifications`` reads them, in its transaction, but by a plain select of
        the columns (the ORM made an object of each row first, and took longer to read a
        page of the log than to decode it)."""
        recorder: Any = self.negotiations.recorder
        if self._query is None:
            table = recorder.events_record_cls.__table__.c
            self._query = (select(table.id, table.originator_id, table.originator_version,
                                  table.topic, table.state)
                           .where(table.id >= bindparam("start")).order_by(table.id)
                           .limit(bindparam("limit")))
        with recorder.transaction(commit=False) as session:
            rows = session.execute(self._query, {"start": start, "limit": limit}).all()
        return [Notification(id=n, originator_id=case, originator_version=version,
                             topic=topic, state=bytes(state))
                for n, case, version, topic, state in rows]

    def _changes(self, notifications: Sequence[Notification]
                 ) -> tuple[list[CaseChange], list[Unreadable]]:
        """Each notification decoded, with its case advanced past it; and those that could
        not be (their case is reloaded from the store at its next event, which then
        fails alike: a case with an unreadable event is set aside from there on)."""
        to_event, advance = self.negotiations.mapper.to_domain_event, self.timeline.advance
        ids: dict[object, str] = {}
        changes, unreadable = [], []
        for notification in notifications:
            originator = notification.originator_id
            case_id = ids.get(originator) or ids.setdefault(originator, str(originator))
            try:
                event = to_event(notification)
                case = advance(event, case_id)
            except Exception as error:
                if is_transient(error):
                    raise
                self.timeline.drop(case_id)
                unreadable.append(Unreadable(notification.id, case_id,
                                             notification.originator_version, describe(error)))
                continue
            changes.append(CaseChange(notification.id, event,  # type: ignore[arg-type]
                                      case, case_id))
        return changes, unreadable
