"""Settings read from the environment (one place, read once by the composition root)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from config import profiles

DEFAULT_INSTANCE = Path("instance")
DEV_SECRET_KEY = "dev-only-change-me"


@dataclass(frozen=True)
class Settings:
    """Runtime settings.

    ``database_url`` is a SQLAlchemy URL: a SQLite file by default, or
    ``postgresql+psycopg://…`` in production. ``cipher_key`` (base64, from
    ``xieshang keygen``) turns on AES encryption of stored events. With
    ``projections_in_process`` the web process keeps the read models current itself
    (the default on SQLite); otherwise ``xieshang projections run`` does.
    ``limiter_storage`` is where login throttling counts (``redis://…`` shares the
    counts between web processes); ``trusted_proxies`` is how many reverse proxies in
    front of the app may name the client's address in ``X-Forwarded-For``.
    """

    database_url: str
    secret_key: str
    cipher_key: str | None
    jurisdiction: str
    instance_path: Path
    projections_in_process: bool
    cookie_secure: bool = True
    limiter_storage: str = "memory://"
    trusted_proxies: int = 0
    chain_key: str | None = None
    """Key of the tamper seals (snapshots, the log-wide ledger, checkpoints); kept outside
    the database. Unset on the embedded default: a key file in the instance folder."""
    union_name: str = ""
    """The union running this instance (e.g. 兴宁市总工会): the letterhead of the printed
    documents (``XIESHANG_UNION_NAME``)."""

    @property
    def is_sqlite(self) -> bool:
        """True when the store is the embedded SQLite file."""
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read ``XIESHANG_*`` variables; refuse an unknown jurisdiction early."""
        env = os.environ if environ is None else environ
        instance = Path(env.get("XIESHANG_INSTANCE_PATH", str(DEFAULT_INSTANCE))).resolve()
        default_url = f"sqlite:///{instance / 'xieshang.sqlite3'}"
        jurisdiction = env.get("XIESHANG_JURISDICTION", "guangdong")
        profiles.load(jurisdiction)
        database_url = env.get("XIESHANG_DATABASE_URL") or default_url
        mode = env.get("XIESHANG_PROJECTIONS", "")
        if mode not in ("", "in-process", "external"):
            raise ValueError("XIESHANG_PROJECTIONS must be 'in-process' or 'external'")
        proxies = env.get("XIESHANG_TRUSTED_PROXIES", "0").strip() or "0"
        if not proxies.isdigit():
            raise ValueError("XIESHANG_TRUSTED_PROXIES must be a number of proxies (0 or more)")
        return cls(
            database_url=database_url,
            secret_key=env.get("XIESHANG_SECRET_KEY") or DEV_SECRET_KEY,
            cipher_key=env.get("XIESHANG_CIPHER_KEY") or None,
            jurisdiction=jurisdiction,
            instance_path=instance,
            projections_in_process=(mode == "in-process"
                                    or (not mode and database_url.startswith("sqlite"))),
            cookie_secure=env.get("XIESHANG_COOKIE_SECURE",
                                  "false" if database_url.startswith("sqlite") else "true"
                                  ).lower() != "false",
            limiter_storage=env.get("XIESHANG_LIMITER_STORAGE") or "memory://",
            trusted_proxies=int(proxies),
            chain_key=env.get("XIESHANG_CHAIN_KEY") or None,
            union_name=env.get("XIESHANG_UNION_NAME", "").strip(),
        )
