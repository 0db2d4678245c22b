"""Tamper evidence: each event of a case commits to the one before it.

An event's ``digest`` is the SHA-256 of its canonical JSON form (every field but the
digest itself, including ``prev_hash``, the previous event's digest). Editing a stored
row by hand changes the recomputed digest, and breaks the link to the next event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"cannot hash {type(value).__name__}")


def digest_of(topic: str, fields: dict[str, Any]) -> str:
    """SHA-256 of an event's topic and fields (without ``digest``), canonically encoded."""
    body = {k: v for k, v in fields.items() if k != "digest"}
    text = json.dumps({"topic": topic, **body}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """Where a case's stored history no longer matches its hash chain."""

    case_id: UUID
    version: int
    reason: str
