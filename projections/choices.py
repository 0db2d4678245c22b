"""The people the screens' filters offer: the social workers of the cases, and who
recorded entries in the audit log, each as (account id, name), by name.

Encrypted names (see :mod:`projections.encryption`) differ from row to row, so with a cipher
key set each account's name is taken from one of its rows and decrypted here.

The case list asks for its workers on every page, so they are found by skipping through an
index, worker by worker (a "loose index scan": a few dozen index look-ups, however many
cases the scope holds), rather than by reading every case of the scope.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection, Engine

from projections.encryption import encryption_of
from projections.tables import audit_log, case_summaries


def _people(engine: Engine, id_column: Any, name_column: Any, scope_column: Any,
            scopes: Sequence[str] | None) -> list[tuple[str, str]]:
    encryption = encryption_of(engine)
    if encryption.on:
        query = select(id_column, func.max(name_column)).group_by(id_column)
    else:
        query = select(id_column, name_column).distinct().order_by(name_column)
    if scopes is not None:
        query = query.where(scope_column.in_(list(scopes)))
    with engine.connect() as connection:
        rows: list[tuple[str, str]] = [(row[0], row[1]) for row in connection.execute(query)]
    if encryption.on:
        rows = sorted(((i, encryption.decrypt(name)) for i, name in rows),
                      key=lambda row: (row[1], row[0]))
    return rows


def case_workers(engine: Engine, scopes: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """The social workers the cases of ``scopes`` (None: all) are assigned to, whether or
    not they still have an account there (one who left may still hold cases); each named
    as on one of her cases. Served by the indexes that begin with (scope, assigned_id) and
    with assigned_id."""
    found: dict[str, str] = {}
    with engine.connect() as connection:
        for scope in [None] if scopes is None else list(dict.fromkeys(scopes)):
            for worker, name in _workers_in(connection, scope):
                found.setdefault(worker, name)
    encryption = encryption_of(engine)
    if encryption.on:
        found = {worker: encryption.decrypt(name) for worker, name in found.items()}
    return sorted(found.items(), key=lambda row: (row[1], row[0]))


def _workers_in(connection: Connection, scope: str | None) -> list[tuple[str, str]]:
    """(worker, name) of the cases of ``scope`` (None: every scope), by a recursive query
    that steps from one worker id to the next greater one in the index."""
    s = case_summaries.c
    scoped: list[ColumnElement[bool]] = [] if scope is None else [s.scope == scope]
    workers = select(func.min(s.assigned_id).label("id")).where(*scoped).cte(
        "workers", recursive=True)
    following = select(func.min(s.assigned_id)).where(*scoped, s.assigned_id > workers.c.id)
    workers = workers.union_all(
        select(following.scalar_subquery()).where(workers.c.id.is_not(None)))
    name = (select(s.assigned_name).where(*scoped, s.assigned_id == workers.c.id)
            .limit(1).scalar_subquery())
    query = select(workers.c.id, name).where(workers.c.id.is_not(None))
    return [(row[0], row[1]) for row in connection.execute(query)]


def audit_actors(engine: Engine, scopes: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """Everyone who recorded an entry on the cases of ``scopes`` (None: all)."""
    a = audit_log.c
    return _people(engine, a.actor_id, a.actor_name, a.scope, scopes)
