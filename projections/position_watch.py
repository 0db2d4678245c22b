"""Knowing in a web process, without asking every 50 ms, when the read models move on.

The projection runner sends a NOTIFY on :data:`CHANNEL` with every page it commits on
PostgreSQL. A web process that waits for its own write to reach the lists (read-your-writes)
keeps one listening thread, started on its first wait, that re-reads the positions once per
notification and wakes the waiting requests.
"""

from __future__ import annotations

import logging
import select
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

CHANNEL = "xieshang_projections"
log = logging.getLogger("projections.runner")


def announce(session: Session) -> None:
    """Tell listening web processes, when the session's transaction commits, that the read
    models moved on (PostgreSQL; elsewhere nothing)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"NOTIFY {CHANNEL}")


class PositionWatch:
    """A daemon thread calling ``moved()`` on every notification (and on each reconnection,
    in case one was missed meanwhile). After three failures in a row it stops (the
    database is gone); the next wait starts a new one."""

    def __init__(self, datastore: Any, moved: Callable[[], None]):
        self.datastore = datastore
        self.moved = moved
        self.thread = threading.Thread(target=self._run, name="position-watch", daemon=True)
        self.listening = threading.Event()

    def start(self) -> PositionWatch:
        """Start listening; return once the LISTEN is in place (or after a second)."""
        self.thread.start()
        self.listening.wait(1.0)
        return self

    @property
    def alive(self) -> bool:
        """Whether the thread still listens (or tries to)."""
        return self.thread.is_alive()

    def _run(self) -> None:
        for _ in range(3):
            try:
                self._listen()
            except Exception as error:  # noqa: BLE001 - reconnect after a pause
                log.warning("position watch: %s; listening again in 1 s", error)
                self.listening.clear()
                threading.Event().wait(1.0)

    def _listen(self) -> None:
        with self.datastore.get_connection() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            raw = connection.connection
            raw.cursor().execute(f"LISTEN {CHANNEL};")
            self.listening.set()
            self.moved()
            while True:
                if select.select([raw], [], [], 5.0)[0]:
                    for _ in raw.notifies(timeout=0):
                        pass
                    self.moved()
