"""The chain key: what seals the history against anyone who can write to the database.

It is kept outside the database: in ``XIESHANG_CHAIN_KEY`` (production), or on the
embedded SQLite default in a file beside the database file, made on first use, readable
by its owner alone. Without one (PostgreSQL with no key set) nothing is sealed, and
tampering is detected only within each case's chain and against a checkpoint file.
"""

from __future__ import annotations

import base64
import os
import secrets

from config.settings import Settings

KEY_FILE = "chain.key"


def new_key() -> str:
    """A new random chain key (256 bits, URL-safe base64)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


def decode(key: str) -> bytes:
    """The key's bytes; a clear error if it is not a key from :func:`new_key`."""
    try:
        raw = base64.urlsafe_b64decode(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) < 32:
        raise ValueError("XIESHANG_CHAIN_KEY is not a chain key: make one with "
                         "`xieshang keygen --chain`")
    return raw


def chain_key(settings: Settings) -> str | None:
    """The configured chain key; on the embedded SQLite default, the instance folder's
    key file (made if missing)."""
    if settings.chain_key:
        decode(settings.chain_key)
        return settings.chain_key
    if not settings.is_sqlite:
        return None
    path = settings.instance_path / KEY_FILE
    if not path.exists():
        settings.instance_path.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(new_key() + "\n")
    key = path.read_text().strip()
    decode(key)
    return key
