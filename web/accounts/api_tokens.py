"""API bearer tokens: each account's named, expiring, revocable tokens, kept only as hashes
(the name an account gives a token is free text: encrypted when a cipher key is set)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from uuid import uuid4

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.engine import Engine, RowMapping

from projections.encryption import ENCRYPTED, Encryption, encryption_of
from web.accounts.digests import digest

PREFIX = "xs_"
DEFAULT_DAYS = 90
MAX_DAYS = 366
metadata = MetaData()
api_tokens = Table(
    "api_tokens", metadata,
    Column("id", String(32), primary_key=True),
    Column("account_id", String(40), nullable=False, index=True),
    Column("name", Text, nullable=False, info=ENCRYPTED),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


class TokenProblem(StrEnum):
    """Why a presented token was refused."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class ApiToken:
    """What is kept of a token: never the secret itself."""

    id: str
    account_id: str
    name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    def problem(self, now: datetime) -> TokenProblem | None:
        """Why the token no longer works at ``now``, or None while it does."""
        if self.revoked_at is not None:
            return TokenProblem.REVOKED
        if now >= self.expires_at:
            return TokenProblem.EXPIRED
        return None



def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _token(row: RowMapping, encryption: Encryption) -> ApiToken:
    return ApiToken(id=row["id"], account_id=row["account_id"],
                    name=encryption.decrypt(row["name"]),
                    created_at=_aware(row["created_at"]),  # type: ignore[arg-type]
                    expires_at=_aware(row["expires_at"]),  # type: ignore[arg-type]
                    revoked_at=_aware(row["revoked_at"]))


class ApiTokens:
    """Issue, list, check and revoke API tokens."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.encryption = encryption_of(engine)
        metadata.create_all(engine)

    def issue(self, account_id: str, name: str, days: int = DEFAULT_DAYS,
              now: datetime | None = None) -> tuple[ApiToken, str]:
        """A new token for ``account_id``, valid for ``days``; the secret is shown only now."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}")
        now = now or datetime.now(tz=UTC)
        secret = PREFIX + secrets.token_urlsafe(32)
        token = ApiToken(id=uuid4().hex, account_id=account_id, name=name.strip()[:80],
                         created_at=now, expires_at=now + timedelta(days=days), revoked_at=None)
        with self.engine.begin() as connection:
            connection.execute(insert(api_tokens).values(
                id=token.id, account_id=account_id, name=self.encryption.encrypt(token.name),
                token_sha256=digest(secret), created_at=now, expires_at=token.expires_at))
        return token, secret

    def tokens_of(self, account_id: str) -> list[ApiToken]:
        """The account's tokens, newest first (revoked and expired ones included)."""
        query = (select(api_tokens).where(api_tokens.c.account_id == account_id)
                 .order_by(api_tokens.c.created_at.desc()))
        with self.engine.connect() as connection:
            return [_token(row, self.encryption) for row in connection.execute(query).mappings()]

    def everyone(self) -> list[ApiToken]:
        """Every token of every account, newest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(api_tokens)
                                      .order_by(api_tokens.c.created_at.desc())).mappings()
            return [_token(row, self.encryption) for row in rows]

    def revoke(self, token_id: str, account_id: str | None = None,
               now: datetime | None = None) -> bool:
        """Revoke a token (only the account's own when ``account_id`` is given)."""
        conditions = [api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None)]
        if account_id is not None:
            conditions.append(api_tokens.c.account_id == account_id)
        with self.engine.begin() as connection:
            done = connection.execute(update(api_tokens).where(*conditions)
                                      .values(revoked_at=now or datetime.now(tz=UTC)))
        return bool(done.rowcount)

    def check(self, secret: str, now: datetime | None = None
              ) -> tuple[ApiToken | None, TokenProblem | None]:
        """The token behind ``secret`` and why it is refused (None when it works)."""
        query = select(api_tokens).where(api_tokens.c.token_sha256 == digest(secret))
        with self.engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        if row is None:
            return None, TokenProblem.UNKNOWN
        token = _token(row, self.encryption)
        return token, token.problem(now or datetime.now(tz=UTC))
