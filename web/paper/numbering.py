"""The number a printed document carries: the case's number, then the document's.

Case numbers are being added to the ``case_summaries`` read model; until a case has one
(or while the read model lags behind), the case's short id stands in for it.
"""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa

from projections.tables import case_summaries
from web.composition import read_models

NUMBER_COLUMNS = ("case_number", "number")
"""The column of ``case_summaries`` that may hold a case's number, by the names it may get."""


def short_id(case_id: UUID | str) -> str:
    """The first eight characters of the case's id, in capitals (e.g. ``3F2A9C1B``)."""
    return str(case_id).replace("-", "")[:8].upper()


def case_number(case_id: UUID | str) -> str:
    """The case's number from the ``case_summaries`` read model if it has one, else its
    :func:`short_id` (placeholder until every case is numbered)."""
    column = next((case_summaries.c[name] for name in NUMBER_COLUMNS
                   if name in case_summaries.c), None)
    if column is not None:
        with read_models().connect() as connection:
            number = connection.execute(sa.select(column).where(
                case_summaries.c.case_id == str(case_id))).scalar()
        if number:
            return str(number)
    return short_id(case_id)


def document_number(case_id: UUID | str, serial: int, version: int | None = None) -> str:
    """A document's number: the case's number, the kind of document (its ``serial`` in
    :data:`web.paper.sheet.SERIALS`) and, for one drawn from an entry, its version:
    ``3F2A9C1B-05-12``."""
    number = f"{case_number(case_id)}-{serial:02d}"
    return f"{number}-{version}" if version is not None else number
