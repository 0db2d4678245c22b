"""Keyed seals: what someone who can write to the database cannot forge.

A digest (:mod:`domain.chain`) shows that a stored event was changed, but anyone who can
edit a row can also compute a new digest. A seal is an HMAC-SHA-256 under the chain key,
which is kept outside the database (see :mod:`config.keys`): without the key, no edited
snapshot, ledger entry or checkpoint can be given a valid seal.
"""

from __future__ import annotations

import hashlib
import hmac

GENESIS_LINK = "0" * 64


def _message(parts: tuple[object, ...]) -> bytes:
    return b"\x1f".join(p if isinstance(p, bytes) else str(p).encode("utf-8") for p in parts)


def seal(key: bytes, *parts: object) -> str:
    """HMAC-SHA-256 (hex) of ``parts`` under ``key``."""
    return hmac.new(key, _message(parts), hashlib.sha256).hexdigest()


def sealed(key: bytes, value: str, *parts: object) -> bool:
    """True when ``value`` is the seal of ``parts`` under ``key`` (compared in constant time)."""
    return hmac.compare_digest(value, seal(key, *parts))


def fingerprint(*parts: object) -> str:
    """A short, readable SHA-256 fingerprint of ``parts`` (four groups of four hex digits),
    for a person to compare by eye or over the telephone."""
    digest = hashlib.sha256(_message(parts)).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def link(previous: str, *parts: object) -> str:
    """An unkeyed running hash: SHA-256 of the previous link and ``parts``."""
    return hashlib.sha256(_message((previous, *parts))).hexdigest()
