"""Case summaries and deadlines: what lists, dashboards and deadline screens read."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from domain.case import NegotiationCase
from domain.deadlines import deadlines
from projections.base import CaseChange, ReadModel, latest_per_case
from projections.tables import case_summaries
from projections.tables import deadlines as deadline_table


def summary_row(case_id: str, case: NegotiationCase) -> dict[str, Any]:
    """One row of ``case_summaries`` for the case as it stands."""
    state = case.state
    enterprise = state.enterprise
    open_clocks = sorted((d for d in deadlines(state) if d.met_on is None),
                         key=lambda d: d.due_on)
    effective = next((t for t in reversed(state.tracks) if t.effect), None)
    contract = effective or state.contract()
    last = state.entries[-1]
    stage = case.stage
    return {
        "case_id": case_id, "version": case.version, "enterprise": enterprise.name,
        "credit_code": enterprise.credit_code, "town": enterprise.town,
        "industry": enterprise.industry, "contract_kind": state.opened["contract_kind"],
        "stage": str(stage), "stage_order": stage.order,
        "assigned_id": state.assigned_to.id, "assigned_name": state.assigned_to.name,
        "scope": state.opened["scope"], "headcount": enterprise.headcount,
        "women": enterprise.women, "opened_on": state.opened.occurred_on,
        "updated_on": max(e.occurred_on for e in state.entries), "updated_at": last.recorded_at,
        "next_due_on": open_clocks[0].due_on if open_clocks else None,
        "next_due_kind": str(open_clocks[0].kind) if open_clocks else None,
        "term_start": contract.signed["term_start"] if contract and contract.signed else None,
        "term_end": contract.signed["term_end"] if contract and contract.signed else None,
        "effective_on": effective.effect["effective_on"] if effective and effective.effect
        else None,
        "closed": state.closed is not None,
    }


class CaseSummaries(ReadModel):
    """One row per case."""

    name = "case_summaries"
    owned = (case_summaries,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Rewrite the summary of every case the changes touched."""
        cases = latest_per_case(changes)
        self.replace_rows(session, case_summaries, list(cases),
                          [summary_row(case_id, case) for case_id, case in cases.items()])


class Deadlines(ReadModel):
    """Every deadline of every case, open or met (status is worked out at query time)."""

    name = "deadlines"
    owned = (deadline_table,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Rewrite the deadlines of every case the changes touched."""
        cases = latest_per_case(changes)
        rows = []
        for case_id, case in cases.items():
            state = case.state
            rows += [{"case_id": case_id, "kind": str(d.kind), "source_version": d.source_version,
                      "starts_on": d.starts_on, "due_on": d.due_on, "met_on": d.met_on,
                      "scope": state.opened["scope"], "assigned_id": state.assigned_to.id}
                     for d in deadlines(state)]
        self.replace_rows(session, deadline_table, list(cases), rows)
