"""Bulk writes of read-model rows inside the read model's transaction.

SQLAlchemy's ``execute(insert(), rows)`` processes every parameter of every row in Python,
and psycopg sends an executemany one row at a time: rebuilding the read models is mostly
inserting rows, so they go in as one ``COPY`` on PostgreSQL and as one plain
``executemany`` of ready tuples elsewhere, with SQLAlchemy's own type processing per column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from eventsourcing.persistence import IntegrityError
from sqlalchemy import Table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

from projections.bind_values import Converter, column_processor
from projections.safe_text import storable_rows, text_columns

Row = tuple[Any, ...]
CHUNK = 500
"""Case ids per ``DELETE … IN`` (below every database's limit on bound parameters)."""
FEW = 20
"""Rows that go in by ``INSERT`` rather than ``COPY`` (setting up a ``COPY`` costs more)."""

_plans: dict[tuple[str, str], tuple[Converter | None, str]] = {}


def _converter(table: Table, dialect: Dialect) -> Converter | None:
    """A function from rows (values in column order) to the tuples the driver takes, with
    SQLAlchemy's bind processing of each column's type (e.g. dates to text on SQLite),
    done column by column (None: no column needs any)."""
    processors = [(i, process) for i, column in enumerate(table.columns)
                  if (process := column_processor(column, dialect))]
    if not processors:
        return None

    def convert(rows: Sequence[Row]) -> list[Row]:
        columns: list[Iterable[Any]] = list(zip(*rows, strict=True))
        for i, process in processors:
            columns[i] = process(columns[i])  # type: ignore[arg-type]
        return list(zip(*columns, strict=True))
    return convert


def _copies(dialect: Dialect) -> bool:
    """Whether rows go in by ``COPY`` (PostgreSQL through psycopg 3)."""
    return dialect.name == "postgresql" and dialect.driver == "psycopg"


def _plan(table: Table, dialect: Dialect) -> tuple[Converter | None, str]:
    """The row converter and the statement, per table and dialect."""
    key = (table.name, dialect.name)
    if key not in _plans:
        quote = dialect.identifier_preparer.quote
        names = [column.name for column in table.columns]
        columns = ", ".join(quote(name) for name in names)
        target = dialect.identifier_preparer.format_table(table)
        if _copies(dialect):
            statement = f"COPY {target} ({columns}) FROM STDIN"
        else:
            marks = ", ".join("?" for _ in names)
            statement = f"INSERT INTO {target} ({columns}) VALUES ({marks})"
        _plans[key] = (_converter(table, dialect), statement)
    return _plans[key]


_text_columns: dict[str, list[int]] = {}


def _texts(table: Table) -> list[int]:
    """The positions of ``table``'s text columns (worked out once per table)."""
    if table.name not in _text_columns:
        _text_columns[table.name] = text_columns(table)
    return _text_columns[table.name]


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with every column of ``table``) in the session's transaction."""
    if rows:
        get = itemgetter(*(column.name for column in table.columns))
        insert_values(session, table, [get(row) for row in rows])


def insert_values(session: Session, table: Table, rows: Sequence[Row]) -> None:
    """Insert ``rows`` (tuples of every column of ``table``, in order) in the session's
    transaction."""
    if not rows:
        return
    rows = storable_rows(_texts(table), rows)
    connection = session.connection()
    dialect = connection.dialect
    if not ((_copies(dialect) and len(rows) > FEW) or dialect.paramstyle == "qmark"):
        names = [column.name for column in table.columns]
        session.execute(table.insert(), [dict(zip(names, row, strict=True)) for row in rows])
        return
    convert, statement = _plan(table, dialect)
    values = list(rows) if convert is None else convert(rows)
    if _copies(dialect):
        _copy(connection, statement, values)
    else:
        connection.exec_driver_sql(statement, values)


def _copy(connection: Connection, statement: str, values: list[Row]) -> None:
    """``COPY … FROM STDIN`` through the driver (psycopg 3), in the open transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.IntegrityError as error:
        raise IntegrityError(error) from error


def delete_cases(session: Session, table: Table, case_ids: Sequence[str]) -> None:
    """Delete the rows of ``case_ids`` from ``table``, in statements as the driver takes
    them (building and compiling a SQLAlchemy statement took longer than running it, for
    the few cases of a page while following)."""
    ids = list(case_ids)
    if not ids:
        return
    connection = session.connection()
    dialect = connection.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    target = dialect.identifier_preparer.format_table(table)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        connection.exec_driver_sql(
            f"DELETE FROM {target} WHERE case_id IN ({', '.join([mark] * len(chunk))})",
            tuple(chunk))
