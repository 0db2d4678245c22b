"""What every printed document shares: its number and date, the letterhead, the address
of its PDF, and the sides' representatives."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, url_for

from domain.case import NegotiationCase
from domain.entries import Entry
from domain.state import CaseState
from domain.values import ItemStatus, Representative
from web.paper.numbering import document_number
from web.words.i18n import label

SERIALS = {"offer": 1, "offer-draft": 1, "representatives": 2, "appointment": 3,
           "sign-in": 4, "minutes": 5, "vote": 6, "contract": 7, "filing": 8, "notice": 9}
"""Each kind of document's number within the case (the offer and its draft share one)."""


def entry_of(case: NegotiationCase, version: int, kind: str) -> Entry | None:
    """The entry at ``version`` if it is of ``kind`` (corrections included)."""
    return next((e for e in case.entries if e.version == version and e.type == kind), None)


def chief(reps: list[Representative]) -> Representative | None:
    """A side's chief negotiator, if it has one."""
    return next((r for r in reps if r.chief), None)


def sides(state: CaseState) -> dict[str, Any]:
    """Both sides' representatives and chiefs as ``state`` has them."""
    return {"worker_side": state.worker_side, "employer_side": state.employer_side,
            "worker_chief": chief(state.worker_side),
            "employer_chief": chief(state.employer_side)}


def paper(case: NegotiationCase, name: str, version: int | None = None,
          dated: date | None = None) -> dict[str, Any]:
    """What every document shows: the case, its enterprise and contract kind, the
    document's number and date (None: a blank date to write by hand), the letterhead,
    and the address of its PDF."""
    args: dict[str, Any] = {"case_id": case.id, "name": name}
    if version is not None:
        args["version"] = version
    pdf = (url_for("documents.offer_pdf", case_id=case.id, version=version)
           if name == "offer" else url_for("documents.pdf", **args))
    return {"case": case, "enterprise": case.state.enterprise,
            "kind": case.state.opened["contract_kind"],
            "number": document_number(case.id, SERIALS[name], version), "dated": dated,
            "union_name": current_app.config["SETTINGS"].union_name, "pdf_url": pdf}


def status_labels() -> dict[str, str]:
    """Each agenda item's status in the request's language."""
    return {str(s): label("item_status", s) for s in ItemStatus}
