"""Keeps the read models up to date with the event log, exactly once.

The log is read in pages; each read model gets the events past its own tracking position
and commits its update with its new position in one transaction. On SQLite the log is
polled; on PostgreSQL the runner sleeps until the event store's NOTIFY wakes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from eventsourcing.persistence import IntegrityError

from domain.commands import Negotiations
from projections import heartbeat, set_aside
from projections.audit import AuditLog
from projections.background import Background
from projections.backoff import Backoff
from projections.base import ReadModel, datastore_of, engine_of, positions_of
from projections.case_summaries import CaseSummaries, Deadlines
from projections.follower import LINGER, follow
from projections.gc_pause import collect_garbage, gc_paused, paused_if
from projections.ledger import Ledger
from projections.notices import PublicNotices
from projections.overlap import overlapped
from projections.pages import Prepared, prepare, write
from projections.position_watch import PositionWatch
from projections.reader import LogReader
from projections.retired import drop_retired
from projections.retry import retry_set_aside
from projections.statistics import StagePeriods
from projections.waiting import Waiting
from projections.written import fingerprints

__all__ = ["READ_MODELS", "Background", "Projector", "Status"]
log = logging.getLogger(__name__)
READ_MODELS: tuple[type[ReadModel], ...] = (
    CaseSummaries, Deadlines, AuditLog, StagePeriods, PublicNotices)


@dataclass(frozen=True)
class Status:
    """A read model's position in the log and how far behind it is."""

    name: str
    position: int
    lag: int


class Projector(Waiting):
    """Feeds the event log to the read models."""

    def __init__(self, negotiations: Negotiations, names: list[str] | None = None,
                 page: int = 5000, cache_mb: float = 96):
        self.negotiations = negotiations
        datastore = datastore_of(negotiations)
        chosen = [m for m in READ_MODELS if names is None or m.name in names]
        self.models = [model(datastore) for model in chosen]
        for model in self.models:
            model.create_table()
            model.index()
        self.engine = engine_of(negotiations)
        set_aside.create(self.engine)
        if dropped := drop_retired(self.engine):   # tables an earlier release left
            log.info("dropped the tables of retired read models: %s", ", ".join(dropped))
        heartbeat.create(self.engine)
        self.heartbeat = heartbeat.Heartbeat(self.engine)
        key = negotiations.chain_key
        self.ledger = Ledger(negotiations, key) if key is not None else None
        self.overlap = self.engine.dialect.name != "sqlite"  # see catch_up
        self.reader = LogReader(negotiations, page, cache_mb)   # cases held: see Timeline
        if self.ledger is not None:
            self.reader.on_read = self.ledger.seal_read
        self._sealed_once = False
        self.timeline = self.reader.timeline
        self.processed = threading.Condition()
        self.nudge = threading.Event()  # wakes this process's follow() (set by wait())
        self.following = False          # True while follow() runs in this process
        self.watch: PositionWatch | None = None
        self._positions = self.positions()

    @staticmethod
    def names() -> list[str]:
        """Names of every read model."""
        return [m.name for m in READ_MODELS]

    def status(self) -> list[Status]:
        """Each read model's position and lag behind the newest event."""
        newest = self.negotiations.recorder.max_notification_id() or 0
        return [Status(m.name, m.position, newest - m.position) for m in self.models]

    def positions(self) -> dict[str, int]:
        """Each read model's position, read in one query."""
        return positions_of(self.models)

    def step(self) -> int:
        """Process one page of the log; return how many events it held.

        Every read model's update and new position commit in one transaction (each model
        gets the events past its own position), with the ledger's entries for the page;
        if another runner got there first, nothing of the page is kept and the next step
        starts from the positions it left.
        """
        return self._step(self.positions())[0]

    def _step(self, positions: dict[str, int], rebuilding: bool = False) -> tuple[int, bool]:
        """(events read, whether they went in: False when another runner went first)."""
        with paused_if(rebuilding):     # see gc_pause: the page is gone before it ends
            page = prepare(self.models, self.reader, positions)
            sealing = self.ledger.sealing() if self.ledger is not None else None
            return page.count, self._settle(page, lambda: write(self.models, page, sealing))

    def catch_up(self, progress: Callable[[int], None] | None = None,
                 fresh: bool = True) -> int:
        """Process the log to its end, and seal it in the ledger; return the number of
        events read. Without ``fresh``, start from the positions this projector last
        wrote or read instead of reading them again (the follower: a runner elsewhere
        that moved them makes its first page conflict, and it re-reads them then)."""
        total = self._catch_up(progress, fresh)
        if self.ledger is not None and (not self._sealed_once
                                        or self.ledger.head()[0] < self.reader.newest):
            self.ledger.seal()      # the first time, the whole log: an older store's too
            self._sealed_once = True
        return total

    def _catch_up(self, progress: Callable[[int], None] | None, fresh: bool = True,
                  rebuilding: bool = False) -> int:
        """Process the log to its end (see :meth:`catch_up`), with Python's cyclic garbage
        collector paused page by page when ``rebuilding`` (see :mod:`projections.gc_pause`).

        A page that comes back short is the log's end: no second read to find it empty.
        Once a page comes back full (a backlog), on PostgreSQL the next page is read while
        the last one is written (see :mod:`projections.overlap`).
        """
        total = 0
        positions = self.positions() if fresh else self._positions
        while True:
            count, kept = self._step(positions, rebuilding)
            total += count
            if progress and count:
                progress(count)
            if count < self.reader.page and kept:
                return total
            if self.overlap:
                return total + overlapped(self, progress, rebuilding)
            positions = self._positions

    def _settle(self, page: Prepared, written: Callable[[], dict[str, int]]) -> bool:
        """Wait for ``page`` to be written and publish the positions; False if another
        runner got there first (the page is dropped and the positions re-read)."""
        try:
            positions, kept = written(), True
        except IntegrityError:
            log.warning("another runner processed these events first; re-reading")
            self.forget()
            positions, kept = self.positions(), False
        with self.processed:
            self._positions = positions
            self.processed.notify_all()
        return kept

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Drop the read models and replay the whole log into them (indexing them at the end),
        with the cyclic garbage collector paused until the end."""
        for model in self.models:
            model.reset()
            with model.transaction(commit=True) as session:
                set_aside.drop_model(session, model.name)
        self.timeline.forget()
        self._positions = self.positions()
        with gc_paused():       # the whole rebuild: see projections.gc_pause
            count = self._catch_up(progress, rebuilding=True)
        if self.ledger is not None:
            self.ledger.seal()
        for model in self.models:
            model.index(analyze=True)
        self.timeline.forget()  # it holds every case now: let them go with the rebuild
        collect_garbage()
        return count

    def follow(self, stop: threading.Event, poll: float = 0.5,
               backoff: Backoff | None = None, linger: float = LINGER) -> None:
        """Process new events as they arrive until ``stop`` is set, retrying after
        database errors, at most one pass every ``linger`` seconds while they keep coming
        (see :func:`projections.follower.follow`)."""
        self.following = True
        try:
            with fingerprints((model.written for model in self.models), on=True):
                follow(self, stop, poll, backoff, linger)
        finally:
            self.following = False

    def forget(self) -> None:
        """Drop the cases and rows held in memory (after an error or another runner's
        write: they may be ahead of the store, or behind it)."""
        self.timeline.forget()
        for model in self.models:
            model.written.clear()
        if self.ledger is not None:
            self.ledger.forget()

    def retry(self) -> tuple[int, int]:
        """Take up every event the read models set aside; return how many went in and
        how many are still set aside."""
        return retry_set_aside(self.negotiations, self.models)
