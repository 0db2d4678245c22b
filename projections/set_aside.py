"""Events a read model could not take, set aside so that it goes on with the rest.

One stored event must never stop a read model for good. When a page of the log cannot be
read or written, the runner finds the events (of which cases, for which read models) at
fault, writes the rest of the page, and keeps a row here for each of those events: the
read model, the case, its version, the notification id and the error. The row commits
with the model's new position, so nothing is skipped unrecorded. ``xieshang projections
retry`` takes them up again; health checks and ``projections status`` count them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from projections.batch import Batch
from projections.encryption import ENCRYPTED, encryption_of
from projections.safe_text import storable

metadata = MetaData()
set_aside_table = Table(
    "projection_set_aside", metadata,
    Column("model", String(40), primary_key=True),
    Column("notification_id", BigInteger().with_variant(Integer(), "sqlite"),
           primary_key=True, autoincrement=False),
    Column("case_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("error", Text, nullable=False, info=ENCRYPTED),
    Column("set_aside_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class SetAside:
    """One event a read model could not take."""

    model: str
    notification_id: int
    case_id: str
    version: int
    error: str


def unreadable_in(model: str, batch: Batch) -> list[SetAside]:
    """The events of ``batch`` that could not be read at all, set aside for ``model``."""
    return [SetAside(model, u.notification_id, u.case_id, u.version, u.error)
            for u in batch.unreadable]


def changes_of(model: str, batch: Batch, case_id: str, error: str) -> list[SetAside]:
    """Every change of ``case_id`` in ``batch``, set aside for ``model`` with ``error``."""
    return [SetAside(model, c.notification_id, case_id, c.event.originator_version, error)
            for c in batch.changes if c.case_id == case_id]


def create(engine: Engine) -> None:
    """Create the set-aside table where missing."""
    metadata.create_all(engine, checkfirst=True)


def record(session: Session, rows: Sequence[SetAside]) -> None:
    """Keep ``rows`` (in the caller's transaction, with the model's new position)."""
    if rows:
        now = datetime.now(UTC)
        bind = session.get_bind()
        encryption = encryption_of(bind if isinstance(bind, Engine) else bind.engine)
        session.execute(insert(set_aside_table), encryption.encrypt_dicts(set_aside_table, [
            {"model": r.model, "notification_id": r.notification_id, "case_id": r.case_id,
             "version": r.version, "error": storable(r.error), "set_aside_at": now}
            for r in rows]))


def forget(session: Session, row: SetAside) -> None:
    """Drop ``row`` once its event has been taken."""
    table = set_aside_table.c
    session.execute(delete(set_aside_table).where(
        table.model == row.model, table.notification_id == row.notification_id))


def listed(engine: Engine, model: str | None = None) -> list[SetAside]:
    """The events set aside (for ``model``, or all), oldest first."""
    table = set_aside_table.c
    query = select(table.model, table.notification_id, table.case_id, table.version,
                   table.error).order_by(table.notification_id, table.model)
    if model is not None:
        query = query.where(table.model == model)
    with engine.connect() as connection:
        rows = list(connection.execute(query).mappings())
    return [SetAside(**row) for row in
            encryption_of(engine).decrypt_rows(set_aside_table, rows)]


def counts(engine: Engine) -> dict[str, int]:
    """How many events each read model has set aside."""
    table = set_aside_table.c
    with engine.connect() as connection:
        return {str(model): int(n) for model, n in connection.execute(
            select(table.model, func.count()).group_by(table.model))}


def drop_model(session: Session, model: str) -> None:
    """Forget every event set aside for ``model`` (its rebuild reads them afresh)."""
    session.execute(delete(set_aside_table).where(set_aside_table.c.model == model))
