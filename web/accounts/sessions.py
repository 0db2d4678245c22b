"""Login sessions kept on the server, so a session cookie stops working when it is ended.

Each login starts a session with a random id; the cookie carries that id, the table only its
SHA-256 (a copy of the table logs no one in). Logging out ends the session; a new password,
role or scope, or disabling the account, ends all of the account's sessions. A session
lasts a working day at most (:data:`MAX_AGE`); ended and expired ones are deleted.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    ColumnElement,
    DateTime,
    MetaData,
    String,
    Table,
    and_,
    delete,
    insert,
)
from sqlalchemy.engine import Connection, Engine

from web.accounts.digests import digest

MAX_AGE = timedelta(hours=12)
metadata = MetaData()
login_sessions = Table(
    "login_sessions", metadata,
    Column("id_sha256", String(64), primary_key=True),
    Column("account_id", String(40), nullable=False, index=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
)



def live(session_id: str) -> ColumnElement[bool]:
    """The row of the session with this id, if it has been neither ended (deleted) nor
    started more than :data:`MAX_AGE` ago (to join with the accounts, see
    ``AccountStore.signed_in``)."""
    return and_(login_sessions.c.id_sha256 == digest(session_id),
                login_sessions.c.started_at >= datetime.now(tz=UTC) - MAX_AGE)


class LoginSessions:
    """Start and end the login sessions of accounts (:func:`live` finds one)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        metadata.create_all(engine)

    def start(self, account_id: str) -> str:
        """A new session of ``account_id``; its id goes into the cookie, and only there."""
        session_id = secrets.token_urlsafe(32)
        with self.engine.begin() as connection:
            connection.execute(delete(login_sessions).where(
                login_sessions.c.started_at < datetime.now(tz=UTC) - MAX_AGE))
            connection.execute(insert(login_sessions).values(
                id_sha256=digest(session_id), account_id=account_id,
                started_at=datetime.now(tz=UTC)))
        return session_id

    def end(self, session_id: str) -> None:
        """End one session (logging out)."""
        with self.engine.begin() as connection:
            connection.execute(delete(login_sessions).where(
                login_sessions.c.id_sha256 == digest(session_id)))

    def end_all(self, account_id: str, connection: Connection) -> None:
        """End every session of the account, within the caller's transaction."""
        connection.execute(delete(login_sessions).where(
            login_sessions.c.account_id == account_id))
