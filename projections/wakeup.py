"""Waking the runner when new events are stored: LISTEN/NOTIFY on PostgreSQL, a poll elsewhere."""

from __future__ import annotations

import select
import threading
from types import TracebackType
from typing import Any

from domain.commands import Negotiations
from projections.base import datastore_of


class Wakeup:
    """Waits until the store says new events were recorded (or ``poll`` seconds pass)."""

    def __init__(self, stop: threading.Event, event: threading.Event | None = None):
        self.stop = stop
        self.event = event or threading.Event()

    @classmethod
    def for_store(cls, negotiations: Negotiations, stop: threading.Event,
                  event: threading.Event | None = None) -> Wakeup:
        """A PostgreSQL listener when the store is PostgreSQL, else a plain poll. ``event``
        lets the same process wake the runner at once (see :meth:`Projector.wait`)."""
        datastore: Any = datastore_of(negotiations)
        if datastore.engine.dialect.name == "postgresql":
            return Listener(stop, datastore, negotiations.recorder.channel_name, event)  # type: ignore[attr-defined]
        return cls(stop, event)

    def wait(self, poll: float) -> None:
        """Block until woken, stopped, or ``poll`` seconds pass."""
        self.event.wait(poll)
        self.event.clear()

    def wait_for_more(self, poll: float) -> None:
        """After a pass that found events: polling, look again at once (more may have come
        meanwhile); a listener waits as :meth:`wait` does (it has been told if they did)."""
        self.event.clear()

    def __enter__(self) -> Wakeup:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.event.set()


class Listener(Wakeup):
    """Sets the wake-up event on each NOTIFY the event store sends after a commit."""

    def __init__(self, stop: threading.Event, datastore: Any, channel: str,
                 event: threading.Event | None = None):
        super().__init__(stop, event)
        self.datastore = datastore
        self.channel = channel
        self.closed = threading.Event()
        self.failure: Exception | None = None
        self.thread = threading.Thread(target=self._listen, name="listen", daemon=True)

    def wait(self, poll: float) -> None:
        """Block until woken, stopped, or ``poll`` seconds pass; raise what stopped the
        listener (a lost connection), so that the runner starts a new one."""
        super().wait(poll)
        if self.failure is not None:
            raise self.failure

    def wait_for_more(self, poll: float) -> None:
        """Wait as :meth:`wait` does: every event stored since the last wake-up sent one."""
        self.wait(poll)

    def _listen(self) -> None:
        try:
            self._receive()
        except Exception as error:  # noqa: BLE001 - handed to the runner's thread
            self.failure = error
            self.event.set()

    def _receive(self) -> None:
        with self.datastore.get_connection() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            raw = connection.connection
            raw.cursor().execute(f"LISTEN {self.channel};")
            while not (self.stop.is_set() or self.closed.is_set()):
                if select.select([raw], [], [], 0.2)[0]:
                    for _ in raw.notifies(timeout=0):
                        pass
                    self.event.set()

    def __enter__(self) -> Wakeup:
        self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.closed.set()
        self.thread.join(timeout=2)
        super().__exit__(kind, error, trace)
