"""The search read model: one row per case with its internal and public search text.

The case list and the public notice search read the same texts from ``case_summaries``
and ``public_notices`` (one table scan each); see :mod:`projections.search_text`.
"""

from __future__ import annotations

from typing import Any

from domain.case import NegotiationCase
from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.encryption import encryption_of
from projections.notices import notice_of, notice_row
from projections.search_text import internal_text, normalise, text_of
from projections.tables import search_index

__all__ = ["Search", "normalise", "search_row", "text_of"]


def search_row(case_id: str, case: NegotiationCase) -> dict[str, Any]:
    """The search row of a case: internal text and, once published, public text."""
    return _row(case_id, case, internal_text(case), notice_row(case_id, case))


def _row(case_id: str, case: NegotiationCase, text: str,
         notice: dict[str, Any] | None) -> dict[str, Any]:
    return {"case_id": case_id, "scope": case.state.opened["scope"], "text": text,
            "public_text": notice["search_text"] if notice else None}


class Search(ReadModel):
    """One search row per case."""

    name = "search"
    owned = (search_index,)

    def prepare(self, batch: Batch) -> Write:
        """Rewrite the search row of every case the changes touched."""
        encryption = encryption_of(self.datastore.engine)
        return self.replacing(search_index, batch.known,
                              [_row(case_id, case, text_of(batch, case_id, not encryption.on),
                                    notice_of(batch, case_id, encryption))
                               for case_id, case in batch.cases.items()])
