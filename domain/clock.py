"""The recording clock. Tests and the demo generator may set it; nothing else does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
_fixed: ContextVar[datetime | None] = ContextVar("recording_clock", default=None)


def now() -> datetime:
    """The current recording time (timezone-aware, UTC)."""
    return _fixed.get() or datetime.now(tz=UTC)


def today() -> date:
    """Today's date in China, where business dates are kept."""
    return now().astimezone(CHINA).date()


@contextmanager
def recording_at(moment: datetime) -> Iterator[None]:
    """Record entries as if at ``moment`` (for back-filled demo data and tests)."""
    token = _fixed.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _fixed.reset(token)
