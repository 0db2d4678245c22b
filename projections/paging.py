"""What the queries share: pages of rows with their total, and substring matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.engine import Engine, RowMapping

from projections.search_text import normalise


@dataclass(frozen=True)
class Page:
    """One page of rows, with the total count for pagination."""

    rows: list[RowMapping]
    total: int
    page: int
    per_page: int


def normalise_terms(text: str) -> list[str]:
    """Query terms: whitespace-separated, each normalised like the indexed text."""
    return [normalise(t) for t in text.split() if normalise(t)]


def like_terms(column: Any, text: str) -> list[ColumnElement[bool]]:
    """``column`` contains every term of ``text`` (LIKE wildcards taken literally)."""
    escaped = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
               for t in normalise_terms(text)]
    return [column.like(f"%{term}%", escape="\\") for term in escaped]


def shown(table: Any) -> list[Any]:
    """The table's columns a screen shows (all but the search text and its index key)."""
    return [column for column in table.c if column.name not in ("search_text", "doc")]


def paged(engine: Engine, query: Any, count_query: Any, page: int, per_page: int) -> Page:
    """Page ``page`` of ``query`` (at most 200 rows), with the total ``count_query`` gives."""
    page, per_page = max(page, 1), min(max(per_page, 1), 200)
    with engine.connect() as connection:
        total = connection.execute(count_query).scalar_one()
        rows = connection.execute(query.limit(per_page).offset((page - 1) * per_page))
        return Page(list(rows.mappings()), total, page, per_page)
