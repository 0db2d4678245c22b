"""Keeps the read models up to date with the event log, exactly once.

The log is read in pages; each read model gets the events past its own tracking position
and commits its update with its new position in one transaction. On SQLite the log is
polled; on PostgreSQL the runner sleeps until the event store's NOTIFY wakes it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from eventsourcing.persistence import IntegrityError

from domain.commands import Negotiations
from projections.audit import AuditLog
from projections.base import CaseChange, ReadModel, datastore_of
from projections.case_summaries import CaseSummaries, Deadlines
from projections.notices import PublicNotices
from projections.search import Search
from projections.statistics import StagePeriods
from projections.timeline import Timeline
from projections.wakeup import Wakeup

log = logging.getLogger(__name__)
READ_MODELS: tuple[type[ReadModel], ...] = (
    CaseSummaries, Deadlines, AuditLog, StagePeriods, PublicNotices, Search)


@dataclass(frozen=True)
class Status:
    """A read model's position in the log and how far behind it is."""

    name: str
    position: int
    lag: int


class Projector:
    """Feeds the event log to the read models."""

    def __init__(self, negotiations: Negotiations, names: list[str] | None = None,
                 page: int = 5000):
        self.negotiations = negotiations
        datastore = datastore_of(negotiations)
        chosen = [m for m in READ_MODELS if names is None or m.name in names]
        self.models = [model(datastore) for model in chosen]
        for model in self.models:
            model.create_table()
        self.page = page
        self.timeline = Timeline(negotiations)
        self.processed = threading.Condition()
        self.nudge = threading.Event()  # wakes this process's follow() (set by wait())
        self._positions = {m.name: m.position for m in self.models}

    @staticmethod
    def names() -> list[str]:
        """Names of every read model."""
        return [m.name for m in READ_MODELS]

    def status(self) -> list[Status]:
        """Each read model's position and lag behind the newest event."""
        newest = self.negotiations.recorder.max_notification_id() or 0
        return [Status(m.name, m.position, newest - m.position) for m in self.models]

    def step(self) -> int:
        """Process one page of the log; return how many events it held."""
        positions = {m.name: m.position for m in self.models}
        start = min(positions.values(), default=0) + 1
        notifications = self.negotiations.recorder.select_notifications(start=start,
                                                                        limit=self.page)
        if not notifications:
            return 0
        mapper = self.negotiations.mapper
        changes = []
        for notification in notifications:
            event = mapper.to_domain_event(notification)
            case = self.timeline.advance(event)
            changes.append(CaseChange(notification.id, event, case,  # type: ignore[arg-type]
                                      str(notification.originator_id)))
        for model in self.models:
            todo = [c for c in changes if c.notification_id > positions[model.name]]
            try:
                model.process(todo)
            except IntegrityError:
                log.warning("%s: another runner processed these events first; re-reading",
                            model.name)
                self.timeline.forget()
        with self.processed:
            self._positions = {m.name: m.position for m in self.models}
            self.processed.notify_all()
        return len(notifications)

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Process the log to its end; return the number of events read."""
        total = 0
        while count := self.step():
            total += count
            if progress:
                progress(count)
        return total

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Drop the read models and replay the whole log into them."""
        for model in self.models:
            model.reset()
        self.timeline.forget()
        return self.catch_up(progress)

    def caught_up_to(self, notification_id: int) -> bool:
        """True when every read model has processed ``notification_id``."""
        return all(p >= notification_id for p in self._positions.values())

    def wait(self, notification_id: int, timeout: float = 2.0) -> bool:
        """Block (at most ``timeout`` s) until every read model has ``notification_id``.

        Works across processes: it re-reads the tracking positions from the database.
        A runner following in this process is woken at once instead of at its next poll.
        """
        deadline = time.monotonic() + timeout
        self.nudge.set()
        while True:
            self._positions = {m.name: m.position for m in self.models}
            if self.caught_up_to(notification_id):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            with self.processed:
                self.processed.wait(min(remaining, 0.05))

    def follow(self, stop: threading.Event, poll: float = 0.5) -> None:
        """Process new events as they arrive until ``stop`` is set."""
        with Wakeup.for_store(self.negotiations, stop, self.nudge) as wakeup:
            while not stop.is_set():
                if self.catch_up() == 0:
                    wakeup.wait(poll)


class Background:
    """A projector following the log in a daemon thread (the single-process app)."""

    def __init__(self, projector: Projector):
        self.projector = projector
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="projections", daemon=True)

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                self.projector.follow(self.stop)
            except Exception:
                log.exception("projection runner failed; retrying in a second")
                self.stop.wait(1.0)

    def start(self) -> Background:
        """Start following."""
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop following and wait for the thread."""
        self.stop.set()
        self.thread.join(timeout=5)
