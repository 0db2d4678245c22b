"""The people the screens' filters offer: the social workers of the cases, and who
recorded entries in the audit log, each as (account id, name), by name.

Encrypted names (see :mod:`projections.encryption`) differ from row to row, so with a cipher
key set each account's name is taken from one of its rows and decrypted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

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
    """The social workers the cases of ``scopes`` (None: all) are assigned to."""
    s = case_summaries.c
    return _people(engine, s.assigned_id, s.assigned_name, s.scope, scopes)


def audit_actors(engine: Engine, scopes: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """Everyone who recorded an entry on the cases of ``scopes`` (None: all)."""
    a = audit_log.c
    return _people(engine, a.actor_id, a.actor_name, a.scope, scopes)
