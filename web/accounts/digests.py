"""Secrets handed to a person (session ids, API tokens, calendar links) are kept only as
their SHA-256: a copy of the database opens nothing."""

from __future__ import annotations

import hashlib


def digest(secret: str) -> str:
    """The SHA-256 (hex) a secret is kept and looked up as."""
    return hashlib.sha256(secret.encode()).hexdigest()
