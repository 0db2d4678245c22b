"""Public notices (集体合同公示): exactly the fields of DESIGN §4, nothing else."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from domain.case import NegotiationCase
from domain.state import CaseState, Track
from projections.base import CaseChange, ReadModel, latest_per_case
from projections.tables import public_notices

PUBLIC_KEY_TERMS = ("wage_increase_pct", "minimum_wage", "weekly_hours", "summary")
"""Key terms that may be shown to the public; any other key a draft carries stays inside."""


def _chief(reps: list[Any]) -> str:
    return next((r.name for r in reps if r.chief), "")


def _published_track(state: CaseState) -> Track | None:
    return next((t for t in reversed(state.tracks) if t.published), None)


def notice_row(case_id: str, case: NegotiationCase) -> dict[str, Any] | None:
    """The public notice of the case's latest published contract, if any."""
    state = case.state
    track = _published_track(state)
    if not (track and track.signed and track.filed and track.effect and track.draft
            and track.published):
        return None
    vote = next(r for r in track.ratifications if state.vote_passed(r))
    enterprise = state.enterprise
    terms = track.draft["key_terms"]
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
        "key_terms": {k: terms[k] for k in PUBLIC_KEY_TERMS if k in terms},
        "monitoring_contact": track.published["monitoring_contact"],
        "published_on": track.published.occurred_on,
    }


class PublicNotices(ReadModel):
    """One notice per case whose contract has been published."""

    name = "public_notices"
    owned = (public_notices,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Rewrite the notice of every case the changes touched."""
        cases = latest_per_case(changes)
        rows = [row for case_id, case in cases.items()
                if (row := notice_row(case_id, case)) is not None]
        self.replace_rows(session, public_notices, list(cases), rows)
