"""A read model: tables plus a tracking position, updated together in one transaction."""

from __future__ import annotations

import warnings
from abc import abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.recorders import SQLAlchemyTrackingRecorder
from sqlalchemy import Table, delete, inspect, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from domain.commands import Negotiations
from projections.batch import Batch
from projections.bulk import delete_cases, insert_rows
from projections.encryption import remember

SOURCE = Negotiations.name
"""The application whose notification log every read model follows."""
Write = Callable[[Session], None]
"""A read model's prepared update of one page, to run in the runner's transaction."""


def datastore_of(negotiations: Negotiations) -> SQLAlchemyDatastore:
    """The SQLAlchemy datastore the application's events live in (read models join it;
    what goes through its engine is encrypted with the events' cipher, see
    projections.encryption)."""
    datastore = getattr(negotiations.factory, "datastore", None)
    if not isinstance(datastore, SQLAlchemyDatastore):
        raise TypeError("read models need the eventsourcing_sqlalchemy persistence module")
    if isinstance(datastore.engine, Engine):
        remember(datastore.engine, negotiations.mapper.cipher)
    return datastore


def engine_of(negotiations: Negotiations) -> Engine:
    """The database engine shared by events, read models and accounts."""
    engine = datastore_of(negotiations).engine
    assert isinstance(engine, Engine)
    return engine


class ReadModel(SQLAlchemyTrackingRecorder):
    """Base of the read models: each keeps its own tracking row (exactly once)."""

    name: ClassVar[str]
    owned: ClassVar[tuple[Table, ...]]

    def __init__(self, datastore: SQLAlchemyDatastore):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "This declarative base already contains a class")
            super().__init__(datastore=datastore, tracking_table_name=f"{self.name}_tracking")
        self.tables.extend(self.owned)

    def create_table(self) -> None:
        """Create the tables and the tracking table where missing. A table an earlier
        version made with other columns is reset, so the runner fills it from the log."""
        super().create_table()
        assert self.datastore.engine is not None
        inspector = inspect(self.datastore.engine)
        if any({c["name"] for c in inspector.get_columns(table.name)} != set(table.c.keys())
               for table in self.owned):
            self.reset()

    @property
    def position(self) -> int:
        """The last notification id this read model has processed (0: none)."""
        return self.max_tracking_id(SOURCE) or 0

    @abstractmethod
    def prepare(self, batch: Batch) -> Write:
        """Work out this read model's updates for ``batch`` without touching the database;
        the function returned writes them (inside the runner's transaction)."""

    def record(self, session: Session, write: Write, position: int, last_id: int) -> None:
        """Write a prepared update and move the position from ``position`` (where the
        caller read it to be) to ``last_id``, in the caller's transaction: the runner
        commits every read model's page together. If anyone moved the position meanwhile,
        :class:`IntegrityError` (and the caller rolls back)."""
        write(session)
        if not position:
            self._insert_tracking(session, Tracking(SOURCE, last_id))
            return
        tracking = self.tracking_table.c
        moved = session.execute(
            update(self.tracking_table)
            .where(tracking.application_name == SOURCE, tracking.notification_id == position)
            .values(notification_id=last_id))
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            raise IntegrityError(f"{self.name}: no longer at position {position}")

    def reset(self) -> None:
        """Drop and recreate the tables, and forget the position (for a rebuild), in one
        transaction: a crash part-way never leaves rows behind a forgotten position.

        The tables come back without their secondary indexes: filling a table and then
        indexing it is several times faster than keeping every index up to date row by
        row. :meth:`index` puts them back (the runner does at the end of a rebuild, and
        whenever it starts, in case a rebuild died part-way).
        """
        with self.transaction(commit=True) as session:
            session.execute(delete(self.tracking_table)
                            .where(self.tracking_table.c.application_name == SOURCE))
            connection = session.connection()
            for table in reversed(self.owned):
                table.drop(connection, checkfirst=True)
            for table in self.owned:
                table.create(connection, checkfirst=True)
                for index in table.indexes:
                    index.drop(connection)

    def index(self, analyze: bool = False) -> None:
        """Create any secondary index of the tables that is missing; with ``analyze``, let
        PostgreSQL's planner know the tables afresh (after a rebuild: it would otherwise
        plan with no statistics until autovacuum comes by)."""
        with self.transaction(commit=True) as session:
            connection = session.connection()
            for table in self.owned:
                for index in table.indexes:
                    index.create(connection, checkfirst=True)
                if analyze and connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(
                        f"ANALYZE {connection.dialect.identifier_preparer.format_table(table)}")

    @staticmethod
    def replacing(table: Table, case_ids: Sequence[str],
                  rows: Sequence[dict[str, Any]]) -> Write:
        """A write deleting the rows of ``case_ids`` and inserting ``rows`` in their place."""
        def write(session: Session) -> None:
            delete_cases(session, table, case_ids)
            insert_rows(session, table, rows)
        return write
