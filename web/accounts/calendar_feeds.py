"""Private calendar feeds: one secret URL per social worker, kept only as a hash, revocable."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, MetaData, String, Table, delete, insert, select
from sqlalchemy.engine import Engine

from web.accounts.digests import digest

metadata = MetaData()
calendar_feeds = Table(
    "calendar_feeds", metadata,
    Column("account_id", String(40), primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)



class CalendarFeeds:
    """Issue, look up and revoke the secret of each account's calendar URL."""

    def __init__(self, engine: Engine):
        self.engine = engine
        metadata.create_all(engine)

    def issue(self, account_id: str) -> str:
        """A new secret for ``account_id`` (any earlier URL stops working)."""
        token = secrets.token_urlsafe(24)
        with self.engine.begin() as connection:
            connection.execute(delete(calendar_feeds)
                               .where(calendar_feeds.c.account_id == account_id))
            connection.execute(insert(calendar_feeds).values(
                account_id=account_id, token_sha256=digest(token),
                created_at=datetime.now(tz=UTC)))
        return token

    def revoke(self, account_id: str) -> None:
        """The account's calendar URL stops working."""
        with self.engine.begin() as connection:
            connection.execute(delete(calendar_feeds)
                               .where(calendar_feeds.c.account_id == account_id))

    def has_feed(self, account_id: str) -> bool:
        """Whether the account has a working calendar URL."""
        with self.engine.connect() as connection:
            return connection.execute(select(calendar_feeds.c.account_id).where(
                calendar_feeds.c.account_id == account_id)).first() is not None

    def account_for(self, token: str) -> str | None:
        """The account whose current secret ``token`` is, if any."""
        with self.engine.connect() as connection:
            return connection.execute(select(calendar_feeds.c.account_id).where(
                calendar_feeds.c.token_sha256 == digest(token))).scalar()
