"""Case numbers (``兴宁-2026-0012``), allocated by the case summaries read model in the
order of the notification log, inside the transaction that writes the summaries.

A case keeps the number it was first given: its summary row is rewritten with the number
its old row holds. A case without a row gets the next number of its key
(:func:`domain.case_numbers.number_key`): one more than the highest already given under
it, in the order the cases' first events come in the log. Every runner reads the log in
the same order, so a rebuild gives every case the number it had (docs/architecture.md,
*Case numbers*). A unique index on (prefix, sequence) turns any double allocation into a
failed write, never two cases with one number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.case_numbers import case_number
from projections.bulk import CHUNK
from projections.tables import case_summaries

UNNUMBERED = {"case_number": "", "number_seq": 0}
"""What a summary row holds until :func:`assign_numbers` fills it in the write."""


def _existing(session: Session, case_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
    """The number and sequence of each of ``case_ids`` that has a summary row."""
    s = case_summaries.c
    found: dict[str, tuple[str, int]] = {}
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start:start + CHUNK])
        query = select(s.case_id, s.case_number, s.number_seq).where(s.case_id.in_(chunk))
        found.update({case_id: (number, seq) for case_id, number, seq in session.execute(query)})
    return found


def _highest(session: Session, prefix: str) -> int:
    """The highest sequence given under ``prefix`` so far (0: none)."""
    s = case_summaries.c
    query = select(func.max(s.number_seq)).where(s.number_prefix == prefix)
    return int(session.execute(query).scalar() or 0)


def assign_numbers(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Fill in the case number of each summary row about to replace the old ones, in the
    rows' order (the log's order of the cases' first events): the number a case's old row
    holds, else the next of its key. Call before the old rows are deleted."""
    kept = _existing(session, [row["case_id"] for row in rows])
    highest: dict[str, int] = {}
    for row in rows:
        if row["case_id"] in kept:
            row["case_number"], row["number_seq"] = kept[row["case_id"]]
            continue
        prefix = row["number_prefix"]
        if prefix not in highest:
            highest[prefix] = _highest(session, prefix)
        highest[prefix] += 1
        row["number_seq"] = highest[prefix]
        row["case_number"] = case_number(prefix, highest[prefix])
