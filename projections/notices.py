"""Public notices (集体合同公示, Art. 48): exactly the fields of docs/procedure.md, the
public notice; nothing else.

The chiefs' names, the bureau, the key terms and the monitoring contact are public by law
once published, yet they are personal or free text: with a cipher key set they are
encrypted like every other such column, and the public search text holds only the register facts.
"""

from __future__ import annotations

from typing import Any

from domain.case import NegotiationCase
from domain.state import CaseState, Track
from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.encryption import PLAIN, Encryption, encryption_of
from projections.search_grams import document
from projections.search_index import replacing_grams
from projections.search_text import public_text
from projections.tables import notice_search, public_notices

PUBLIC_KEY_TERMS = ("wage_increase_pct", "minimum_wage", "weekly_hours", "summary")
"""Key terms that may be shown to the public; any other key a draft carries stays inside."""


def _chief(reps: list[Any]) -> str:
    return next((r.name for r in reps if r.chief), "")


def _published_track(state: CaseState) -> Track | None:
    return next((t for t in reversed(state.tracks) if t.published), None)


def notice_row(case_id: str, case: NegotiationCase,
               terms_searched: bool = True) -> dict[str, Any] | None:
    """The public notice of the case's latest published contract, if any (its key terms
    in the search text unless not ``terms_searched``)."""
    state = case.state
    track = _published_track(state)
    if not (track and track.signed and track.filed and track.effect and track.draft
            and track.published):
        return None
    vote = next(r for r in track.ratifications if state.vote_passed(r))
    enterprise = state.enterprise
    terms = track.draft["key_terms"]
    public_terms = {k: terms[k] for k in PUBLIC_KEY_TERMS if k in terms}
    return {
        "case_id": case_id, "enterprise": enterprise.name,
        "credit_code": enterprise.credit_code, "town": enterprise.town,
        "industry": enterprise.industry, "contract_kind": state.opened["contract_kind"],
        "workers_covered": enterprise.headcount, "women_covered": enterprise.women,
        "term_start": track.signed["term_start"], "term_end": track.signed["term_end"],
        "ratified_on": vote.occurred_on, "ratification_members": vote["members"],
        "ratification_present": vote["present"], "ratification_votes_for": vote["votes_for"],
        "worker_chief": _chief(state.worker_side), "employer_chief": _chief(state.employer_side),
        "signed_on": track.signed.occurred_on, "filed_on": track.filed.occurred_on,
        "effective_on": track.effect["effective_on"], "effect_basis": track.effect["basis"],
        "bureau": track.filed["bureau"],
        "key_terms": public_terms,
        "monitoring_contact": track.published["monitoring_contact"],
        "published_on": track.published.occurred_on,
        "search_text": public_text(enterprise, state.opened["contract_kind"],
                                   public_terms if terms_searched else {}),
        "doc": document(case_id),
    }


def notice_of(batch: Batch, case_id: str, encryption: Encryption = PLAIN) -> dict[str, Any] | None:
    """The notice row of a case in ``batch`` as stored, encrypted by ``encryption``
    (worked out once per page)."""
    if not encryption.on:
        return batch.derived("notice", case_id, notice_row)

    def encrypted(case_id: str, case: NegotiationCase) -> dict[str, Any] | None:
        row = notice_row(case_id, case, terms_searched=False)
        return None if row is None else encryption.encrypt_dicts(public_notices, [row])[0]
    return batch.derived("encrypted notice", case_id, encrypted)


class PublicNotices(ReadModel):
    """One notice per case whose contract has been published, and the grams of its public
    search text (see :mod:`projections.search_index`)."""

    name = "public_notices"
    owned = (public_notices,)

    def prepare(self, batch: Batch) -> Write:
        """Rewrite the notice of every case the changes touched, and its grams."""
        encryption = encryption_of(self.datastore.engine)
        rows = [row for case_id in batch.cases
                if (row := notice_of(batch, case_id, encryption)) is not None]
        return self.together(self.replacing(public_notices, batch.known, rows),
                             self.if_changed(  # grams of a new search text only
                                 notice_search.name, batch.known, rows,
                                 lambda ids, new: replacing_grams(notice_search, ids, new),
                                 fields=("doc", "search_text")))
