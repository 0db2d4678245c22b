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


def _all_storable(values: Sequence[Any]) -> bool:
    """Whether no text among ``values`` holds NUL or a lone surrogate, checked on them all
    joined: NUL by a plain search, a surrogate by the UTF-8 encoder, which refuses it (both
    in C: a page's values are checked in one pass, not by a search of each)."""
    try:
        joined = "\n".join(values)
    except TypeError:   # some are not text (None, numbers): only the texts are stored as text
        joined = "\n".join([value for value in values if isinstance(value, str)])
    if "\x00" in joined:
        return False
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable_rows(columns: list[int], rows: Sequence[tuple[Any, ...]]
                  ) -> Sequence[tuple[Any, ...]]:
    """``rows`` with every unsafe text value in ``columns`` made storable (rows without
    any are passed on as they are, found so column by column in one pass each)."""
    if not rows or not columns:
        return rows
    values = list(zip(*rows, strict=True))
    if all(_all_storable(values[i]) for i in columns):
        return rows
    search = _UNSAFE.search
    cleaned: list[tuple[Any, ...]] | None = None
    for n, row in enumerate(rows):
        if any(type(row[i]) is str and search(row[i]) for i in columns):
            if cleaned is None:
                cleaned = list(rows)
            cleaned[n] = tuple(storable(v) if i in columns and type(v) is str else v
                               for i, v in enumerate(row))
    return rows if cleaned is None else cleaned
