"""Telling a passing database failure from a fault in the data.

A lost connection or a restarting server is worth retrying as it is; an error caused by
what one event holds will happen again on every retry, so that event is set aside instead
(see :mod:`projections.set_aside`).
"""

from __future__ import annotations

import sqlite3

import psycopg
import sqlalchemy.exc
from eventsourcing import persistence

TRANSIENT: tuple[type[BaseException], ...] = (
    persistence.OperationalError, persistence.InterfaceError,
    sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError,
    sqlalchemy.exc.DisconnectionError, sqlalchemy.exc.TimeoutError,
    psycopg.OperationalError, psycopg.InterfaceError, sqlite3.OperationalError,
    ConnectionError, TimeoutError,
)


def is_transient(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the database could not be reached or
    was busy, rather than that it refused the data."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, TRANSIENT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def describe(error: BaseException) -> str:
    """A one-line account of ``error`` for the set-aside list and the logs."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text[:500]
