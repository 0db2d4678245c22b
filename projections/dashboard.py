"""What the dashboards read beyond the case list: a case's number, and the counts a
supervisor watches (see :mod:`projections.case_summaries`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from projections.tables import case_summaries

_CASE_NUMBER = re.compile(r"[^\s-]+-\d{4}-\d{4,}")


def looks_like_case_number(text: str) -> bool:
    """Whether a search is a case number (``兴宁-2026-0012``), found by its column."""
    return bool(_CASE_NUMBER.fullmatch(text.strip()))


def case_number(engine: Engine, case_id: str) -> str | None:
    """The case number of ``case_id`` (``兴宁-2026-0012``; None until its summary is
    written): what screens and printed documents name the case by."""
    query = select(case_summaries.c.case_number).where(case_summaries.c.case_id == str(case_id))
    with engine.connect() as connection:
        return connection.execute(query).scalar()


def oversight_counts(engine: Engine, today: date,
                     scopes: Sequence[str] | None = None) -> dict[str, int]:
    """What a supervisor watches in ``scopes``: pending sign-off requests, cases with an
    overdue deadline of their own (the bureau's clocks never count), stalled cases and
    contracts filed with items of the bureau's packet missing."""
    s = case_summaries.c
    query = select(func.coalesce(func.sum(s.pending_sign_offs), 0),
                   func.count().filter((s.next_due_on < today) & s.closed.is_(False)),
                   func.count().filter(s.stalls_on <= today),
                   func.count().filter(s.packet_missing > 0))
    if scopes is not None:
        query = query.where(s.scope.in_(list(scopes)))
    with engine.connect() as connection:
        sign_offs, overdue, stalled, incomplete = connection.execute(query).one()
    return {"pending_sign_offs": int(sign_offs), "overdue": overdue, "stalled": stalled,
            "incomplete_filings": incomplete}
