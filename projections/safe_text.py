"""Text as every database takes it.

A stored event may hold text that no database column accepts: PostgreSQL refuses NUL in
text, and no driver can encode a lone surrogate. The boundary refuses such input now, but
events recorded before it did (or written by other means) must still reach the read
models, so each such character is stored as U+FFFD, the replacement character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, Table

REPLACEMENT = "\ufffd"
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, text)


def text_columns(table: Table) -> list[int]:
    """The positions of ``table``'s text columns."""
    return [i for i, column in enumerate(table.columns) if isinstance(column.type, String)]


def storable_rows(columns: list[int], rows: Sequence[tuple[Any, ...]]
                  ) -> Sequence[tuple[Any, ...]]:
    """``rows`` with every unsafe text value in ``columns`` made storable (rows without
    any are passed on as they are: the check is one regular-expression search a value)."""
    search = _UNSAFE.search
    cleaned: list[tuple[Any, ...]] | None = None
    for n, row in enumerate(rows):
        if any(type(row[i]) is str and search(row[i]) for i in columns):
            if cleaned is None:
                cleaned = list(rows)
            cleaned[n] = tuple(storable(v) if i in columns and type(v) is str else v
                               for i, v in enumerate(row))
    return rows if cleaned is None else cleaned
