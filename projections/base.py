"""A read model: tables plus a tracking position, updated together in one transaction."""

from __future__ import annotations

import warnings
from abc import abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from eventsourcing.persistence import Tracking
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.recorders import SQLAlchemyTrackingRecorder
from sqlalchemy import Table, delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.events import CaseEvent

SOURCE = Negotiations.name
"""The application whose notification log every read model follows."""


@dataclass(frozen=True)
class CaseChange:
    """One event from the log, with the case as it stood after it (within a batch, the
    same case object is shared: read it from the last change of each case)."""

    notification_id: int
    event: CaseEvent
    case: NegotiationCase
    case_id: str
    """The case's id as stored in the read models."""


def datastore_of(negotiations: Negotiations) -> SQLAlchemyDatastore:
    """The SQLAlchemy datastore the application's events live in (read models join it)."""
    datastore = getattr(negotiations.factory, "datastore", None)
    if not isinstance(datastore, SQLAlchemyDatastore):
        raise TypeError("read models need the eventsourcing_sqlalchemy persistence module")
    return datastore


def engine_of(negotiations: Negotiations) -> Engine:
    """The database engine shared by events, read models and accounts."""
    engine = datastore_of(negotiations).engine
    assert isinstance(engine, Engine)
    return engine


def latest_per_case(changes: list[CaseChange]) -> dict[str, NegotiationCase]:
    """Each case touched by ``changes``, as it stands after them."""
    return {change.case_id: change.case for change in changes}


class ReadModel(SQLAlchemyTrackingRecorder):
    """Base of the read models: each keeps its own tracking row (exactly once)."""

    name: ClassVar[str]
    owned: ClassVar[tuple[Table, ...]]

    def __init__(self, datastore: SQLAlchemyDatastore):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "This declarative base already contains a class")
            super().__init__(datastore=datastore, tracking_table_name=f"{self.name}_tracking")
        self.tables.extend(self.owned)

    @property
    def position(self) -> int:
        """The last notification id this read model has processed (0: none)."""
        return self.max_tracking_id(SOURCE) or 0

    def process(self, changes: list[CaseChange]) -> None:
        """Apply ``changes`` and advance the tracking position in one transaction."""
        if not changes:
            return
        with self.transaction(commit=True) as session:
            self.apply(session, changes)
            self._insert_tracking(session, Tracking(SOURCE, changes[-1].notification_id))

    @abstractmethod
    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Update this read model's tables for ``changes`` (inside the transaction)."""

    def reset(self) -> None:
        """Drop and recreate the tables, and forget the position (for a rebuild), in one
        transaction: a crash part-way never leaves rows behind a forgotten position."""
        with self.transaction(commit=True) as session:
            session.execute(delete(self.tracking_table)
                            .where(self.tracking_table.c.application_name == SOURCE))
            connection = session.connection()
            for table in reversed(self.owned):
                table.drop(connection, checkfirst=True)
            for table in self.owned:
                table.create(connection, checkfirst=True)

    @staticmethod
    def replace_rows(session: Session, table: Table, case_ids: list[str],
                     rows: list[dict[str, Any]]) -> None:
        """Delete the rows of ``case_ids`` and insert ``rows`` in their place."""
        for start in range(0, len(case_ids), 500):
            session.execute(delete(table).where(table.c.case_id.in_(case_ids[start:start + 500])))
        if rows:
            session.execute(table.insert(), rows)
