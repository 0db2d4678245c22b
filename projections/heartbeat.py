"""The projection runner's heartbeat: when it last went round its loop, and how.

Health checks in any process read it to tell a runner that is following the log from
one that has stopped (its beat grows old while events wait) or keeps failing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, MetaData, String, Table, Text, delete, insert, select
from sqlalchemy.engine import Engine

from projections.encryption import ENCRYPTED, encryption_of
from projections.safe_text import storable

metadata = MetaData()
runner_table = Table(
    "projection_runner", metadata,
    Column("name", String(40), primary_key=True),
    Column("beat_at", Float, nullable=False),
    Column("state", String(16), nullable=False),
    Column("error", Text, nullable=False, info=ENCRYPTED),
)
RUNNING, RETRYING = "running", "retrying"


@dataclass(frozen=True)
class Beat:
    """The runner's last report: when (seconds since the epoch), its state and last error."""

    beat_at: float
    state: str
    error: str

    def age(self, now: float | None = None) -> float:
        """Seconds since the beat."""
        return (time.time() if now is None else now) - self.beat_at


class Heartbeat:
    """Writes the runner's beat (at most every ``every`` seconds unless its state changes)."""

    def __init__(self, engine: Engine, every: float = 5.0, name: str = "runner"):
        self.engine = engine
        self.every = every
        self.name = name
        self._last: tuple[float, str] | None = None

    def beat(self, state: str = RUNNING, error: str = "") -> None:
        """Record that the runner is alive and in ``state``."""
        now = time.time()
        if self._last and self._last[1] == state and now - self._last[0] < self.every:
            return
        with self.engine.begin() as connection:
            connection.execute(delete(runner_table).where(runner_table.c.name == self.name))
            connection.execute(insert(runner_table).values(
                name=self.name, beat_at=now, state=state,
                error=encryption_of(self.engine).encrypt(storable(error)[:500])))
        self._last = (now, state)


def create(engine: Engine) -> None:
    """Create the heartbeat table where missing."""
    metadata.create_all(engine, checkfirst=True)


def last_beat(engine: Engine, name: str = "runner") -> Beat | None:
    """The runner's last beat (None: no runner has ever run)."""
    with engine.connect() as connection:
        row = connection.execute(select(runner_table.c.beat_at, runner_table.c.state,
                                        runner_table.c.error)
                                 .where(runner_table.c.name == name)).first()
    if row is None:
        return None
    return Beat(float(row[0]), str(row[1]), encryption_of(engine).decrypt(str(row[2])))
