"""Bounds of the numbers and dates the app takes, in forms, the API and query strings.

- Business dates (when a step happened, when a term starts or ends, when talks resume) lie
  between 1995-01-01, when the Labour Law that brought collective contracts took effect, and
  2100-12-31; the rules of the procedure add that what happened is not after today.
- Dates a reader asks about (a case as of a day, the audit log from and until) lie between
  1949-10-01 and 2100-12-31: any real question fits, and a day's arithmetic never overflows.
- Pages run from 1 to 100,000, of at most 200 rows.
- Whole numbers are integers: a fraction (1000.5) or a float (1e308) is refused, not cut.
"""

from __future__ import annotations

import numbers
from datetime import date
from typing import Any

from marshmallow import fields, validate

FIRST_BUSINESS_DAY = date(1995, 1, 1)
FIRST_QUERY_DAY = date(1949, 10, 1)
LAST_DAY = date(2100, 12, 31)
MAX_PAGE = 100_000
MAX_PER_PAGE = 200
WHOLE_ERRORS: dict[str, Any] = {"invalid": "invalid_integer", "too_large": "invalid_integer"}


class Whole(fields.Integer):
    """An integer: a JSON integer or digits typed in a form, never a fraction or a float."""

    def _validated(self, value: Any) -> int:
        if isinstance(value, numbers.Number) and not isinstance(value, numbers.Integral):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


def between(low: date, high: date) -> validate.Range:
    """A date from ``low`` to ``high`` (error code ``date_range:low:high``)."""
    return validate.Range(min=low, max=high, error="date_range:{min}:{max}")


def query_day(**kwargs: Any) -> fields.Date:
    """A date a reader asks about (a query parameter)."""
    return fields.Date(validate=between(FIRST_QUERY_DAY, LAST_DAY),
                       error_messages={"invalid": "invalid_date", "format": "invalid_date"},
                       **kwargs)


def page_field() -> Whole:
    """Which page of a list (1 to :data:`MAX_PAGE`)."""
    return Whole(load_default=1, validate=validate.Range(1, MAX_PAGE, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)


def per_page_field(default: int = 50) -> Whole:
    """How many rows a page holds (1 to :data:`MAX_PER_PAGE`)."""
    return Whole(load_default=default,
                 validate=validate.Range(1, MAX_PER_PAGE, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)


def query_date(text: str) -> date:
    """A date typed in a query string, within the bounds of dates asked about.

    Raises ``ValueError`` with the error code (``invalid_date`` or ``date_range:…``)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("invalid_date") from None
    if not FIRST_QUERY_DAY <= day <= LAST_DAY:
        raise ValueError(f"date_range:{FIRST_QUERY_DAY}:{LAST_DAY}")
    return day


def page_number(text: str) -> int | None:
    """A page number typed in a query string; None unless it is 1 to :data:`MAX_PAGE`."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_PAGE)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_PAGE else None
