"""Search over case summaries and notices, for Chinese text on SQLite and PostgreSQL alike.

Chinese has no spaces to split words on, and a two-character name fragment (e.g. 兴宁) is
the usual query, so each case gets one normalised text and queries match substrings of it
(every whitespace-separated query term must occur). Internal and public texts are kept
apart: the public text holds only notice fields.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy.orm import Session

from domain.case import NegotiationCase
from domain.labels import label
from projections.base import CaseChange, ReadModel, latest_per_case
from projections.notices import notice_row
from projections.tables import search_index


def normalise(text: str) -> str:
    """Full-width to half-width, case-folded, without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _terms(terms: dict[str, Any]) -> list[str]:
    return [str(v) for v in terms.values()]


def search_row(case_id: str, case: NegotiationCase) -> dict[str, Any]:
    """The search row of a case: internal text and, once published, public text."""
    state = case.state
    enterprise = state.enterprise
    kind = state.opened["contract_kind"]
    common = [enterprise.name, enterprise.credit_code, enterprise.town, enterprise.industry,
              label("kind", kind), label("kind", kind, "en")]
    notice = notice_row(case_id, case)
    internal = [*common, state.assigned_to.name, label("stage", case.stage)]
    public = [*common, *_terms(notice["key_terms"])] if notice else None
    return {"case_id": case_id, "scope": state.opened["scope"],
            "text": normalise(" ".join(internal)),
            "public_text": normalise(" ".join(public)) if public else None}


class Search(ReadModel):
    """One search row per case."""

    name = "search"
    owned = (search_index,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Rewrite the search row of every case the changes touched."""
        cases = latest_per_case(changes)
        self.replace_rows(session, search_index, list(cases),
                          [search_row(case_id, case) for case_id, case in cases.items()])
