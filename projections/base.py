"""A read model: tables plus a tracking position, updated together in one transaction."""

from __future__ import annotations

import warnings
from abc import abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.recorders import SQLAlchemyTrackingRecorder
from sqlalchemy import Table, delete, func, inspect, literal, select, union_all
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.orm import Session

from domain.commands import Negotiations
from projections.batch import Batch
from projections.bulk import delete_cases, insert_rows
from projections.encryption import remember
from projections.written import Written, pending

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


def positions_of(models: Sequence[ReadModel]) -> dict[str, int]:
    """Each read model's position, read in one query."""
    if not models:
        return {}
    query = union_all(*(
        select(literal(m.name).label("name"),
               func.coalesce(func.max(m.tracking_table.c.notification_id), 0))
        .where(m.tracking_table.c.application_name == SOURCE) for m in models))
    with models[0].transaction(commit=False) as session:
        return {name: int(position) for name, position in session.execute(query)}


class ReadModel(SQLAlchemyTrackingRecorder):
    """Base of the read models: each keeps its own tracking row (exactly once)."""

    name: ClassVar[str]
    owned: ClassVar[tuple[Table, ...]]

    def __init__(self, datastore: SQLAlchemyDatastore):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "This declarative base already contains a class")
            super().__init__(datastore=datastore, tracking_table_name=f"{self.name}_tracking")
        self.tables.extend(self.owned)
        self.written = Written()
        """Fingerprints of the rows this process committed (see :mod:`projections.written`)."""
        self._moves: dict[str, str] = {}

    def create_table(self) -> None:
        """Create the tables and the tracking table where missing. A table an earlier
        version made with other columns, or one it did not make while its read model has
        rows (a table this version adds), makes the read model reset, so that the runner
        fills it from the log."""
        assert self.datastore.engine is not None
        existed = set(inspect(self.datastore.engine).get_table_names())
        super().create_table()
        inspector = inspect(self.datastore.engine)
        added = any(table.name not in existed for table in self.owned)
        if (added and self.position) or any(
                {c["name"] for c in inspector.get_columns(table.name)} != set(table.c.keys())
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
        connection = session.connection()
        moved = connection.exec_driver_sql(self._move(connection.dialect),
                                           (last_id, SOURCE, position))
        if moved.rowcount != 1:
            raise IntegrityError(f"{self.name}: no longer at position {position}")

    def _move(self, dialect: Dialect) -> str:
        """The statement moving the position, as the driver takes it (no SQLAlchemy
        statement to build and compile: most of the cost of a follower's small pages)."""
        if dialect.name not in self._moves:
            mark = "?" if dialect.paramstyle == "qmark" else "%s"
            table = dialect.identifier_preparer.format_table(self.tracking_table)
            self._moves[dialect.name] = (
                f"UPDATE {table} SET notification_id = {mark} "
                f"WHERE application_name = {mark} AND notification_id = {mark}")
        return self._moves[dialect.name]

    def reset(self) -> None:
        """Drop and recreate the tables, and forget the position (for a rebuild), in one
        transaction: a crash part-way never leaves rows behind a forgotten position.

        The tables come back without their secondary indexes: filling a table and then
        indexing it is several times faster than keeping every index up to date row by
        row. :meth:`index` puts them back (the runner does at the end of a rebuild, and
        whenever it starts, in case a rebuild died part-way). Unique indexes stay: they
        are rules the rows must keep while they go in (e.g. one case per case number),
        and what a rebuild looks up while it writes (the highest number given).
        """
        self.written.clear()
        with self.transaction(commit=True) as session:
            session.execute(delete(self.tracking_table)
                            .where(self.tracking_table.c.application_name == SOURCE))
            connection = session.connection()
            for table in reversed(self.owned):
                table.drop(connection, checkfirst=True)
            for table in self.owned:
                table.create(connection, checkfirst=True)
                for index in table.indexes:
                    if not index.unique:
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
    def together(*writes: Write) -> Write:
        """One write doing each of ``writes`` in turn (in the same transaction)."""
        def write(session: Session) -> None:
            for each in writes:
                each(session)
        return write

    def replacing(self, table: Table, case_ids: Sequence[str],
                  rows: Sequence[dict[str, Any]]) -> Write:
        """A write deleting the rows of ``case_ids`` and inserting ``rows`` in their place,
        leaving out the cases whose rows are those this process last committed (see
        :mod:`projections.written`)."""
        def replace(ids: Sequence[str], new: Sequence[dict[str, Any]]) -> Write:
            def write(session: Session) -> None:
                delete_cases(session, table, ids)
                insert_rows(session, table, new)
            return write
        return self.if_changed(table.name, case_ids, rows, replace)

    def if_changed(self, key: str, case_ids: Sequence[str], rows: Sequence[dict[str, Any]],
                   write: Callable[[Sequence[str], Sequence[dict[str, Any]]], Write],
                   fields: Sequence[str] | None = None) -> Write:
        """``write(case_ids, rows)`` for the cases whose rows (or the rows' ``fields``)
        changed since this process last committed them under ``key`` (see
        :mod:`projections.written`), e.g. a case's grams only when its search text did."""
        changed_ids, changed_rows, keep = self.written.changed(key, case_ids, rows, fields)
        update = write(changed_ids, changed_rows)

        def remembering(session: Session) -> None:
            update(session)
            pending(session, keep)
        return remembering
