"""Bulk inserts send every value exactly as SQLAlchemy's own bind processing would, on
SQLite and PostgreSQL (dates and times take a faster path on SQLite)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Column
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.engine import Dialect

from projections.bulk import _converter
from projections.tables import metadata

CHINA = timezone(timedelta(hours=8))


def value_for(column: Column[Any], rng: random.Random) -> Any:
    kind = type(column.type).__name__
    choices: dict[str, list[Any]] = {
        "Date": [date(2025, 1, 2), date(987, 3, 4), date(2024, 12, 31)],
        "DateTime": [datetime(2025, 1, 2, 3, 4, 5, rng.randrange(10**6), tzinfo=UTC),
                     datetime(2024, 1, 1, tzinfo=CHINA), datetime(2023, 5, 6, 7, 8, 9)],
        "Boolean": [True, False], "JSON": [{"wage_increase_pct": 5, "summary": "工资增长5%"}],
        "Integer": [0, 7], "BigInteger": [1, 2**40]}
    found = choices.get(kind, ["兴宁市某某电子有限公司", "x"])
    return rng.choice([*found, None] if column.nullable else found)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), psycopg.dialect()],
                         ids=["sqlite", "postgresql"])
def test_rows_are_bound_as_sqlalchemy_binds_them(dialect: Dialect) -> None:
    rng = random.Random(7)
    for table in metadata.sorted_tables:
        processors = [c.type.dialect_impl(dialect).bind_processor(dialect)
                      for c in table.columns]
        mixed = [tuple(value_for(c, rng) for c in table.columns) for _ in range(100)]
        for rows in (mixed, [mixed[0]] * 20):       # mixed columns, and uniform ones
            expected = [tuple(p(v) if p else v for p, v in zip(processors, row, strict=True))
                        for row in rows]
            convert = _converter(table, dialect)
            got = rows if convert is None else convert(rows)
            assert repr(got) == repr(expected), table.name   # psycopg's Json has no ==
