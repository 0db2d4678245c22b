"""Case summaries and deadlines: what lists, dashboards and deadline screens read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from domain import clock
from domain.case import NegotiationCase
from domain.case_file import attention
from domain.case_numbers import number_key
from domain.deadlines import Deadline, deadlines
from domain.filing_packet import missing_items
from domain.next_step import next_step
from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.bulk import delete_cases, insert_rows
from projections.case_numbers import UNNUMBERED, assign_numbers
from projections.encryption import encryption_of
from projections.search_grams import document
from projections.search_index import replacing_grams
from projections.search_text import internal_text, text_of
from projections.tables import case_search, case_summaries
from projections.tables import deadlines as deadline_table


def _deadlines(_: str, case: NegotiationCase) -> list[Deadline]:
    return deadlines(case.state)


def deadlines_of(batch: Batch, case_id: str) -> list[Deadline]:
    """The deadlines of a case in ``batch`` (worked out once for both read models)."""
    return batch.derived("deadlines", case_id, _deadlines)


def summary_row(case_id: str, case: NegotiationCase, clocks: list[Deadline] | None = None,
                text: str | None = None) -> dict[str, Any]:
    """One row of ``case_summaries`` for the case as it stands (``clocks``: its deadlines,
    ``text``: its internal search text, if already worked out). Its next deadline is the
    soonest open clock but the bureau's, which the case waits on (``waiting_*``); its case
    number is filled in when the row is written."""
    state = case.state
    enterprise = state.enterprise
    clocks = deadlines(state) if clocks is None else clocks
    open_clocks = sorted((d for d in clocks if d.met_on is None and not d.kind.bureau),
                         key=lambda d: d.due_on)
    waiting = min((d for d in clocks if d.met_on is None and d.kind.bureau),
                  key=lambda d: d.due_on, default=None)
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
        "search_text": internal_text(case) if text is None else text,
        "doc": document(case_id),
        "number_prefix": number_key(case).prefix, **UNNUMBERED,
        "next_step": step.name if (step := next_step(state, clock.today())) else None,
        "waiting_kind": str(waiting.kind) if waiting else None,
        "waiting_until": waiting.due_on if waiting else None,
        "stalls_on": None if state.closed else stalls_on(last.recorded_at,
                                                         state.profile.stalled_days),
        "pending_sign_offs": sum(1 for s in state.sign_offs if s.end is None),
        "attention": attention(state),
        "packet_missing": len(missing_items(state)) if state.track.filed else None,
    }


def stalls_on(recorded_at: datetime, days: int) -> date:
    """The China day from which a case whose last entry was recorded at ``recorded_at`` is
    stalled: ``days`` days without an entry (the jurisdiction profile's ``stalled_days``)."""
    aware = recorded_at if recorded_at.tzinfo else recorded_at.replace(tzinfo=UTC)
    return aware.astimezone(clock.CHINA).date() + timedelta(days=days)


class CaseSummaries(ReadModel):
    """One row per case, and the grams of its search text (see
    :mod:`projections.search_index`)."""

    name = "case_summaries"
    owned = (case_summaries,)

    def prepare(self, batch: Batch) -> Write:
        """Rewrite the summary of every case the changes touched (the social worker's name
        encrypted, and left out of the search text, when a cipher key is set), and its
        grams."""
        encryption = encryption_of(self.datastore.engine)
        rows = [summary_row(case_id, case, deadlines_of(batch, case_id),
                            text_of(batch, case_id, names=not encryption.on))
                for case_id, case in batch.cases.items()]
        return self.together(
            self.if_changed(case_summaries.name, batch.known,
                            encryption.encrypt_dicts(case_summaries, rows), _numbered),
            self.if_changed(case_search.name, batch.known, rows,    # new search text only
                            lambda ids, new: replacing_grams(case_search, ids, new),
                            fields=("doc", "search_text")))


def _numbered(case_ids: Sequence[str], rows: Sequence[dict[str, Any]]) -> Write:
    """The write replacing the summaries of ``case_ids`` with ``rows``, each keeping its
    case number or given the next (:mod:`projections.case_numbers`)."""
    def write(session: Session) -> None:
        assign_numbers(session, rows)
        delete_cases(session, case_summaries, case_ids)
        insert_rows(session, case_summaries, rows)
    return write


class Deadlines(ReadModel):
    """Every deadline of every case, open or met (status is worked out at query time)."""

    name = "deadlines"
    owned = (deadline_table,)

    def prepare(self, batch: Batch) -> Write:
        """Rewrite the deadlines of every case the changes touched."""
        rows = []
        for case_id, case in batch.cases.items():
            state = case.state
            scope, assigned = state.opened["scope"], state.assigned_to.id
            rows += [{"case_id": case_id, "kind": str(d.kind), "source_version": d.source_version,
                      "starts_on": d.starts_on, "due_on": d.due_on, "met_on": d.met_on,
                      "scope": scope, "assigned_id": assigned, "lapses": d.lapses}
                     for d in deadlines_of(batch, case_id)]
        return self.replacing(deadline_table, batch.known, rows)
