"""The ledger table, and the sealer that appends to it as the log grows.

The runner seals every new event of the log (see :mod:`domain.ledger`) after each pass;
``xieshang checkpoint`` seals up to the end before it writes its file. A rebuild of the
read models never touches the ledger: it is evidence, not a view, and sealing what is
stored now would launder whatever was changed before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, insert, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.commands import Negotiations
from domain.ledger import GENESIS_LINK, LedgerEntry, Recorded, seal_all
from projections.base import engine_of
from projections.tables import ID

metadata = MetaData()
ledger_table = Table(
    "event_ledger", metadata,
    Column("notification_id", ID, primary_key=True, autoincrement=False),
    Column("originator_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("topic", Text, nullable=False),
    Column("state_hash", String(64), nullable=False),
    Column("link", String(64), nullable=False),
)
PAGE = 1000


class Ledger:
    """Appends a sealed entry for every event of ``negotiations``' log, in log order."""

    def __init__(self, negotiations: Negotiations, key: bytes, page: int = PAGE):
        self.negotiations = negotiations
        self.key = key
        self.page = page
        self.engine: Engine = engine_of(negotiations)
        metadata.create_all(self.engine, checkfirst=True)
        self._head: tuple[int, str] | None = None
        self._pending: tuple[str, list[LedgerEntry]] | None = None

    def head(self) -> tuple[int, str]:
        """The last sealed notification id and its link ((0, genesis): none yet)."""
        if self._head is None:
            self._head = self._stored_head()
        return self._head

    def _stored_head(self) -> tuple[int, str]:
        table = ledger_table.c
        with self.engine.connect() as connection:
            row = connection.execute(select(table.notification_id, table.link)
                                     .order_by(table.notification_id.desc()).limit(1)).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_LINK)

    def link_at(self, notification_id: int) -> str | None:
        """The link of the entry for ``notification_id`` (None: not sealed)."""
        table = ledger_table.c
        with self.engine.connect() as connection:
            return connection.execute(select(table.link).where(
                table.notification_id == notification_id)).scalar_one_or_none()

    def seal(self) -> int:
        """Seal every event not sealed yet; return how many this call sealed (another
        sealer's entries are left as they are: it goes on after them)."""
        total, self._pending = 0, None
        while True:
            last, previous = self.head()
            notifications = self.negotiations.recorder.select_notifications(
                start=last + 1, limit=self.page)
            if not notifications:
                return total
            total += self._append(previous, list(notifications))

    def seal_read(self, start: int, notifications: Sequence[Any]) -> None:
        """Seal ``notifications``, the log as just read from ``start``, if they follow the
        ledger's last entry (no second read of the log); otherwise leave it to
        :meth:`seal`. The entries are only worked out here: they go in with the read
        models' page, in its transaction (:meth:`sealing`), or with the next :meth:`seal`."""
        last, previous = self.head()
        self._pending = None
        if start <= last + 1 and (fresh := [n for n in notifications if n.id > last]):
            self._pending = (previous, seal_all(self.key, previous, fresh))

    def sealing(self) -> Sealing | None:
        """The entries of the page just read (:meth:`seal_read`), to append in the read
        models' transaction; None if there are none, or if they no longer follow the
        ledger's last entry (an entry appended meanwhile: :meth:`seal` reads again)."""
        pending, self._pending = self._pending, None
        if pending is None or pending[0] != self.head()[1]:
            return None
        return Sealing(self, pending[1])

    def forget(self) -> None:
        """Read the ledger's last entry again next time (after a failed transaction)."""
        self._head, self._pending = None, None

    def _append(self, previous: str, notifications: list[Any]) -> int:
        """Append entries for ``notifications`` after the link ``previous``; return how many
        (none if another sealer went first: the head is read again next time)."""
        entries = seal_all(self.key, previous, notifications)
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(ledger_table), [_row(e) for e in entries])
        except IntegrityError:
            self._head = None
            return 0
        self._head = (entries[-1].notification_id, entries[-1].link)
        return len(entries)


class Sealing:
    """Ledger entries that go in with a page of the read models, in its transaction: one
    commit a page instead of two (the follower's cost is mostly per transaction)."""

    def __init__(self, ledger: Ledger, entries: list[LedgerEntry]):
        self.ledger = ledger
        self.entries = entries

    def __call__(self, session: Session) -> None:
        """Append the entries in the session's transaction (a :data:`projections.base.Write`);
        if another sealer appended them first, the transaction fails as a whole."""
        session.connection().execute(insert(ledger_table), [_row(e) for e in self.entries])

    def overtaken(self) -> bool:
        """Whether another sealer appended entries for these events meanwhile (what made
        the transaction fail, rather than a row the read models could not take)."""
        return self.ledger._stored_head()[0] >= self.entries[0].notification_id

    def committed(self) -> None:
        """The transaction committed: the entries are the ledger's newest."""
        last = self.entries[-1]
        self.ledger._head = (last.notification_id, last.link)

    def failed(self) -> None:
        """The transaction did not commit: read the ledger's head again next time."""
        self.ledger.forget()


def _row(entry: LedgerEntry) -> dict[str, object]:
    recorded = entry.recorded
    return {"notification_id": recorded.notification_id,
            "originator_id": recorded.originator_id, "version": recorded.version,
            "topic": recorded.topic, "state_hash": recorded.state_hash,
            "link": entry.link}


def ledger_entries(engine: Engine, page: int = PAGE) -> Iterator[LedgerEntry]:
    """Every entry of the ledger in log order (none if there is no ledger table yet)."""
    if not inspect(engine).has_table(ledger_table.name):
        return
    table = ledger_table.c
    after = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                select(table.notification_id, table.originator_id, table.version, table.topic,
                       table.state_hash, table.link)
                .where(table.notification_id > after)
                .order_by(table.notification_id).limit(page)).all()
        if not rows:
            return
        for row in rows:
            yield LedgerEntry(Recorded(int(row[0]), str(row[1]), int(row[2]), str(row[3]),
                                       str(row[4])), str(row[5]))
        after = int(rows[-1][0])
