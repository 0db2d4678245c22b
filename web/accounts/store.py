"""Accounts live in their own table beside the events (they are settings, not case history).

A person's name is encrypted when a cipher key is set (see :mod:`projections.encryption`);
the username is an identifier that logs in (e.g. ``sw-001``) and stays in the clear.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    DateTime,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine

from domain.values import Actor, Role
from projections.encryption import ENCRYPTED, Encryption, encryption_of
from web.accounts.sessions import LoginSessions, live, login_sessions

metadata = MetaData()
accounts = Table(
    "accounts", metadata,
    Column("id", String(40), primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("name", Text, nullable=False, info=ENCRYPTED),
    Column("role", String(20), nullable=False),
    Column("scope", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
hasher = PasswordHasher()
MIN_PASSWORD = 10


def normalise_username(username: str) -> str:
    """The one form of a username that logs in and is throttled: full-width characters
    made plain, surrounding spaces dropped, lower case (`` SW-003`` is ``sw-003``)."""
    return unicodedata.normalize("NFKC", username).strip().lower()


class AccountError(ValueError):
    """An account could not be created or changed; ``key`` names why (a message id)."""

    def __init__(self, key: str):
        self.key = key
        super().__init__(key)


@dataclass(frozen=True)
class Account:
    """A person who logs in: a social worker, supervisor or admin of one scope."""

    id: str
    username: str
    name: str
    role: Role
    scope: str
    active: bool

    @property
    def actor(self) -> Actor:
        """The account as the domain knows it (who recorded an entry)."""
        return Actor(self.id, self.name, self.role)


class AccountStore:
    """Create, find and change accounts; passwords are kept as Argon2id hashes."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.encryption = encryption_of(engine)
        metadata.create_all(engine)
        self.sessions = LoginSessions(engine)

    def add(self, username: str, name: str, role: Role, scope: str, password: str,
            account_id: str | None = None) -> Account:
        """Create an account; refuse a taken username or a short password."""
        if len(password) < MIN_PASSWORD:
            raise AccountError("password_too_short")
        username = normalise_username(username)
        if not username or not name.strip() or not scope.strip():
            raise AccountError("account_fields_required")
        if self.by_username(username):
            raise AccountError("username_taken")
        prefix = {Role.SOCIAL_WORKER: "sw", Role.SUPERVISOR: "sup", Role.ADMIN: "adm"}[role]
        account_id = account_id or f"{prefix}-{secrets.token_hex(4)}"
        with self.engine.begin() as connection:
            connection.execute(accounts.insert().values(
                id=account_id, username=username, name=self.encryption.encrypt(name.strip()),
                role=str(role), scope=scope.strip(), password_hash=hasher.hash(password),
                active=True, created_at=datetime.now(tz=UTC)))
        found = self.get(account_id)
        assert found is not None
        return found

    def get(self, account_id: str) -> Account | None:
        """The account with this id, if any."""
        return self._one(accounts.c.id == account_id)

    def by_username(self, username: str) -> Account | None:
        """The account with this username (in any case and spacing), if any."""
        return self._one(_named(username))

    def all(self) -> list[Account]:
        """Every account, by username."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(accounts).order_by(accounts.c.username))
            return [_account(row, self.encryption) for row in rows.mappings()]

    def authenticate(self, username: str, password: str) -> Account | None:
        """The active account whose password this is; None otherwise (same time either way)."""
        with self.engine.connect() as connection:
            row = connection.execute(select(accounts).where(_named(username))
                                     ).mappings().first()
        stored = row["password_hash"] if row else _dummy_hash()
        try:
            hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return _account(row, self.encryption) if row and row["active"] else None

    def signed_in(self, session_id: str) -> Account | None:
        """The active account of a login session that has not been ended or expired, in
        one query (every request asks it)."""
        a = accounts.c
        query = (select(a.id, a.username, a.name, a.role, a.scope, a.active)
                 .join(login_sessions, login_sessions.c.account_id == accounts.c.id)
                 .where(live(session_id), a.active))
        with self.engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return _account(row, self.encryption) if row else None

    def change(self, account_id: str, *, role: Role | None = None, scope: str | None = None,
               active: bool | None = None, password: str | None = None) -> None:
        """Change an account's role, scope, active flag or password; any real change ends
        the account's login sessions (they were granted to what it was)."""
        values: dict[str, object] = {}
        if role is not None:
            values["role"] = str(role)
        if scope is not None:
            values["scope"] = scope.strip()
        if active is not None:
            values["active"] = active
        if password is not None:
            if len(password) < MIN_PASSWORD:
                raise AccountError("password_too_short")
            values["password_hash"] = hasher.hash(password)
        if values:
            with self.engine.begin() as connection:
                before = connection.execute(select(accounts).where(
                    accounts.c.id == account_id)).mappings().first()
                connection.execute(update(accounts).where(accounts.c.id == account_id)
                                   .values(**values))
                if before is not None and any(before[k] != v for k, v in values.items()):
                    self.sessions.end_all(account_id, connection)

    def _one(self, condition: ColumnElement[bool]) -> Account | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(accounts).where(condition)).mappings().first()
        return _account(row, self.encryption) if row else None


def _named(username: str) -> ColumnElement[bool]:
    return func.lower(accounts.c.username) == normalise_username(username)


def _account(row: object, encryption: Encryption) -> Account:
    data = dict(row)  # type: ignore[call-overload]
    return Account(id=data["id"], username=data["username"], name=encryption.decrypt(data["name"]),
                   role=Role(data["role"]), scope=data["scope"], active=bool(data["active"]))


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the username is unknown (no timing hint)."""
    return hasher.hash(secrets.token_hex(16))
