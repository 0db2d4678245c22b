"""The searchable text of a case, for Chinese text on SQLite and PostgreSQL alike.

Chinese has no spaces to split words on, and a two-character name fragment (e.g. 兴宁) is
the usual query, so each case gets one normalised text and queries match substrings of it
(every whitespace-separated query term must occur). Internal and public texts are kept
apart: the public text holds only notice fields. With a cipher key set (see
:mod:`projections.encryption`) neither holds personal or free text: cases are found by the
enterprise's name, credit code, town and industry, the contract kind and the stage; notices
by the same register facts and kind, not by their key terms.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from domain.case import NegotiationCase
from domain.labels import label
from domain.values import Enterprise
from projections.batch import Batch


def normalise(text: str) -> str:
    """Full-width to half-width, case-folded, without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _common(enterprise: Enterprise, kind: str) -> list[str]:
    return [enterprise.name, enterprise.credit_code, enterprise.town, enterprise.industry,
            label("kind", kind), label("kind", kind, "en")]


def internal_text(case: NegotiationCase, names: bool = True) -> str:
    """What staff can find a case by: the public fields, its social worker (unless not
    ``names``) and stage."""
    state = case.state
    common = _common(state.enterprise, state.opened["contract_kind"])
    worker = [state.assigned_to.name] if names else []
    return normalise(" ".join([*common, *worker, label("stage", case.stage)]))


def public_text(enterprise: Enterprise, kind: str, key_terms: dict[str, Any]) -> str:
    """What the public can find a notice by: only fields the notice itself shows."""
    return normalise(" ".join([*_common(enterprise, kind), *map(str, key_terms.values())]))


def text_of(batch: Batch, case_id: str, names: bool = True) -> str:
    """The internal search text of a case in ``batch`` (worked out once per page)."""
    return batch.derived("text" if names else "text without names", case_id,
                         lambda _, case: internal_text(case, names))
