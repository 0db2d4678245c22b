"""What the database holds, read behind the application's back: the raw bytes of a SQLite
file, or every row of every table of a PostgreSQL database."""

from __future__ import annotations

import json

import psycopg
from storyteller import pg_conninfo, sqlite_file

from config.settings import Settings


def forms(text: str) -> list[bytes]:
    """``text`` as a database could hold it: UTF-8, UTF-16, JSON ``\\uXXXX`` escapes, and
    each of them case-folded (as search texts are)."""
    encoded = []
    for variant in (text, text.casefold()):
        escaped = json.dumps(variant).strip('"')
        encoded += [variant.encode(), variant.encode("utf-16-le"), variant.encode("utf-16-be"),
                  escaped.encode(), escaped.upper().replace("\\U", "\\u").encode()]
    return encoded


def found(text: str, data: bytes) -> bool:
    """Whether ``data`` holds ``text`` in any of its :func:`forms`."""
    return any(form in data for form in forms(text))


def sqlite_bytes(settings: Settings) -> bytes:
    """The whole database file (free pages included) and whatever journals it left."""
    path = sqlite_file(settings)
    files = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-journal", "-shm")]
    return b"".join(f.read_bytes() for f in files if f.exists())


def postgres_rows(settings: Settings) -> tuple[set[str], bytes]:
    """Every table of the public schema, and every value of every row of them as bytes."""
    parts: list[bytes] = []
    with psycopg.connect(pg_conninfo(settings)) as connection:
        tables = {name for (name,) in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        for table in sorted(tables):
            parts.append(b"".join(
                f"{text}\n".encode() for (text,) in connection.execute(
                    f'SELECT t::text FROM "{table}" AS t')))
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                parts += [bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                          for v in row]
    return tables, b"\n".join(parts)
