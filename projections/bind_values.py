"""Column values as the database driver takes them, a whole column at a time.

SQLAlchemy's bind processor of a column's type turns each value into what the driver takes
(on SQLite, dates and times become text). Called once per value that is most of the cost
of inserting rows, so date and time columns use ``isoformat`` over the whole column
instead, wherever that gives exactly the text SQLAlchemy's processor gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter, methodcaller
from typing import Any

from sqlalchemy import Column
from sqlalchemy.engine import Dialect

Processor = Callable[[Any], Any]
ColumnProcessor = Callable[[Sequence[Any]], Iterable[Any]]
Converter = Callable[[Sequence[tuple[Any, ...]]], list[tuple[Any, ...]]]

_date_text = date.isoformat
_datetime_text = methodcaller("isoformat", " ", "microseconds")
_without_zone = itemgetter(slice(0, 26))  # "YYYY-MM-DD HH:MM:SS.ffffff", no "+08:00"


def _dates(process: Processor) -> ColumnProcessor:
    def convert(values: Sequence[Any]) -> Iterable[Any]:
        if set(map(type, values)) == {date}:
            return map(_date_text, values)
        return [_date_text(v) if type(v) is date else process(v) for v in values]
    return convert


def _datetimes(process: Processor) -> ColumnProcessor:
    def convert(values: Sequence[Any]) -> Iterable[Any]:
        if set(map(type, values)) == {datetime}:
            return map(_without_zone, map(_datetime_text, values))
        return [_without_zone(_datetime_text(v)) if type(v) is datetime else process(v)
                for v in values]
    return convert


SHORTCUTS = ((_dates, (date(1, 2, 3), date(2025, 12, 31), None)),
             (_datetimes, (datetime(987, 6, 5, 4, 3, 2), None,
                           datetime(2025, 1, 2, 3, 4, 5, 6789, tzinfo=UTC))))
"""Shortcuts for date and time columns, with values they must agree with SQLAlchemy on."""


def column_processor(column: Column[Any], dialect: Dialect) -> ColumnProcessor | None:
    """What turns a column's values into the driver's (None: they go as they are)."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None
    for shortcut, samples in SHORTCUTS:
        if _agree(process, shortcut(process), samples):
            return shortcut(process)
    return lambda values: map(process, values)


def _agree(process: Processor, shortcut: ColumnProcessor, samples: Sequence[Any]) -> bool:
    try:
        return [process(v) for v in samples] == list(shortcut(samples)) == [
            next(iter(shortcut([v]))) for v in samples]
    except (TypeError, ValueError, AttributeError):
        return False
