"""Read-your-writes: waiting, bounded, until the read models include a notification.

With a runner following in this process, its positions in memory say it (and it is woken
at once instead of at its next poll). Otherwise the runner is elsewhere: on PostgreSQL it
announces each page it commits (see :mod:`projections.position_watch`); on SQLite the
positions are re-read every 50 ms.
"""

from __future__ import annotations

import threading
import time
from abc import abstractmethod

from sqlalchemy.engine import Engine

from domain.commands import Negotiations
from projections.base import datastore_of
from projections.position_watch import PositionWatch


class Waiting:
    """The waiting half of the :class:`~projections.runner.Projector`."""

    negotiations: Negotiations
    engine: Engine
    processed: threading.Condition
    nudge: threading.Event
    following: bool
    watch: PositionWatch | None
    _positions: dict[str, int]

    @abstractmethod
    def positions(self) -> dict[str, int]:
        """Each read model's position, read from the database."""

    def caught_up_to(self, notification_id: int) -> bool:
        """True when every read model has processed ``notification_id``."""
        return all(p >= notification_id for p in self._positions.values())

    def wait(self, notification_id: int, timeout: float = 2.0) -> bool:
        """Block (at most ``timeout`` s) until every read model has ``notification_id``
        (see the module's docstring for how)."""
        if self.caught_up_to(notification_id):
            return True
        deadline = time.monotonic() + timeout
        self.nudge.set()
        if self.following:
            return self._await(notification_id, deadline)
        if self.engine.dialect.name == "postgresql":
            if self.watch is None or not self.watch.alive:
                self.watch = PositionWatch(datastore_of(self.negotiations), self._reread).start()
            self._reread()
            return self._await(notification_id, deadline)
        self._reread()
        while not self.caught_up_to(notification_id):
            if time.monotonic() >= deadline:
                return False
            self._await(notification_id, min(deadline, time.monotonic() + 0.05))
            self._reread()
        return True

    def _await(self, notification_id: int, deadline: float) -> bool:
        with self.processed:
            while not self.caught_up_to(notification_id):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.processed.wait(remaining)
        return True

    def _reread(self) -> None:
        """Read the positions from the database and wake whoever waits for them."""
        positions = self.positions()
        with self.processed:
            self._positions = positions
            self.processed.notify_all()
