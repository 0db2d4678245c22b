"""Queries on the read models: what every screen except a case's own page reads (encrypted
columns come back decrypted, see :mod:`projections.encryption`)."""

from __future__ import annotations

import statistics as stats
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, FromClause, String, Table, and_, case, cast, func, select
from sqlalchemy.engine import Engine, RowMapping

from domain.deadlines import WAITING
from projections.dashboard import case_number, looks_like_case_number, oversight_counts
from projections.encryption import encryption_of
from projections.paging import Page, like_terms, normalise_terms, paged, shown
from projections.search_index import text_search
from projections.tables import audit_log, case_summaries, deadlines, public_notices
from projections.tables import stage_periods as periods

__all__ = ["AuditFilter", "CaseFilter", "Page", "audit_entries", "case_number", "get_notice",
           "list_cases", "normalise_terms", "open_deadlines", "oversight_counts",
           "search_notices", "statistics"]
EXPIRING_DAYS = 90


@dataclass(frozen=True)
class CaseFilter:
    """Filters of the case list (all optional); ``scopes`` None means every scope."""

    scopes: Sequence[str] | None = None
    assigned_id: str | None = None
    stage: str | None = None
    kind: str | None = None
    town: str | None = None
    overdue: bool = False
    text: str = ""
    today: date = field(default_factory=date.today)
    stalled: bool = False
    incomplete: bool = False


def list_cases(engine: Engine, where: CaseFilter, page: int = 1, per_page: int = 50, *,
               scan: bool = False) -> Page:
    """Case summaries matching ``where``, most recently updated first (their text found
    through the index of :mod:`projections.search_index`; with ``scan``, by reading every
    row, as before it: the benchmarks' and tests' baseline)."""
    s = case_summaries.c
    conditions: list[ColumnElement[bool]] = []
    if where.scopes is not None:
        conditions.append(s.scope.in_(list(where.scopes)))
    for column, value in ((s.assigned_id, where.assigned_id), (s.stage, where.stage),
                          (s.contract_kind, where.kind)):
        if value:
            conditions.append(column == value)
    if where.town:
        conditions += in_town(s.town, where.town)
    if where.overdue:   # a closed case's next clock is the renewal window, which lapses
        conditions.append((s.next_due_on < where.today) & s.closed.is_(False))
    if where.stalled:
        conditions.append(s.stalls_on <= where.today)
    if where.incomplete:   # filed with items of the bureau's packet missing
        conditions.append(s.packet_missing > 0)
    rows: FromClause
    if looks_like_case_number(where.text):
        rows, matches = case_summaries, [s.case_number == where.text.strip()]
    else:
        rows, matches = text_search(engine, case_summaries, where.text, scan)
    conditions += matches
    query = (select(*shown(case_summaries)).select_from(rows).where(*conditions)
             .order_by(s.updated_at.desc(), s.case_id))
    count = select(func.count()).select_from(rows).where(*conditions)
    return _opened(engine, case_summaries, paged(engine, query, count, page, per_page))


def in_town(column: Any, town: str) -> list[ColumnElement[bool]]:
    """Every term of a town filter occurs in the town, spaces and case aside (兴宁 finds every
    town of 兴宁市, 宁新街道 finds 兴宁市宁新街道)."""
    return like_terms(func.lower(func.replace(column, " ", "")), town)


def _opened(engine: Engine, table: Table, page: Page) -> Page:
    """``page`` with the encrypted columns of ``table`` decrypted."""
    encryption = encryption_of(engine)
    return replace(page, rows=encryption.decrypt_rows(table, page.rows)) if encryption.on else page


def deadline_status(today: date) -> Any:
    """SQL expression for a deadline's status on ``today`` (an unmet bureau clock is
    waiting, never overdue: :data:`domain.deadlines.WAITING`)."""
    d = deadlines.c
    waiting = [(d.met_on.is_(None) & (d.kind == str(kind)), str(status))
               for kind, status in WAITING.items()]
    lapsed = d.met_on.is_(None) & d.lapses & (d.due_on < today)
    return case(*waiting, (lapsed, "lapsed"), (d.met_on.is_(None) & (d.due_on < today), "overdue"),
                (d.met_on.is_(None), "pending"),
                (d.met_on <= d.due_on, "met"), else_="met_late")


def open_deadlines(engine: Engine, today: date, days: int = 7, *,
                   scopes: Sequence[str] | None = None,
                   assigned_id: str | None = None) -> list[RowMapping]:
    """Unmet deadlines due within ``days`` of ``today`` or already overdue, soonest first
    (not a closed case's renewal window once its term ended), each with its case's number."""
    d = deadlines.c
    conditions = [d.met_on.is_(None), d.due_on <= today + timedelta(days=days),
                  ~(d.lapses & (d.due_on < today))]
    if scopes is not None:
        conditions.append(d.scope.in_(list(scopes)))
    if assigned_id:
        conditions.append(d.assigned_id == assigned_id)
    query = (select(deadlines, deadline_status(today).label("status"),
                    case_summaries.c.enterprise, case_summaries.c.case_number)
             .join(case_summaries, case_summaries.c.case_id == d.case_id)
             .where(*conditions).order_by(d.due_on, d.case_id).limit(500))
    with engine.connect() as connection:
        return list(connection.execute(query).mappings())


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the audit log (all optional)."""

    scopes: Sequence[str] | None = None
    actor_id: str | None = None
    case_id: str | None = None
    event_type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def audit_entries(engine: Engine, where: AuditFilter, page: int = 1,
                  per_page: int = 100) -> Page:
    """Audit log rows matching ``where`` (its case by id or by case number), newest first,
    each with its case's number and enterprise (None until the case's summary is
    written)."""
    a = audit_log.c
    conditions: list[ColumnElement[bool]] = []
    if where.scopes is not None:
        conditions.append(a.scope.in_(list(where.scopes)))
    summary = case_summaries.c
    by_number = looks_like_case_number(where.case_id or "")
    for column, value in ((a.actor_id, where.actor_id),
                          (summary.case_number if by_number else a.case_id, where.case_id),
                          (a.event_type, where.event_type)):
        if value:
            conditions.append(column == value)
    if where.since:
        conditions.append(a.recorded_at >= _utc(where.since))
    if where.until:
        conditions.append(a.recorded_at < _utc(where.until))
    joined = audit_log.join(case_summaries, summary.case_id == a.case_id, isouter=True)
    query = (select(audit_log, summary.case_number, summary.enterprise).select_from(joined)
             .where(*conditions).order_by(a.notification_id.desc()))
    count = select(func.count()).select_from(joined if by_number else audit_log).where(*conditions)
    return _opened(engine, audit_log, paged(engine, query, count, page, per_page))


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC: SQLite keeps no zone, only the UTC clock time events carry."""
    return moment.astimezone(UTC) if moment.tzinfo else moment


def notice_status(today: date) -> Any:
    """SQL expression: in force, expiring within 90 days, or expired (by term end)."""
    n = public_notices.c
    return case((n.term_end < today, "expired"),
                (n.term_end <= today + timedelta(days=EXPIRING_DAYS), "expiring"),
                else_="in_force")


def _with_status(today: date, status: str) -> ColumnElement[bool]:
    """``notice_status(today) == status`` as ranges of the term end (which an index serves)."""
    n = public_notices.c
    expiring = today + timedelta(days=EXPIRING_DAYS)
    ranges = {"expired": n.term_end < today,
              "expiring": and_(n.term_end >= today, n.term_end <= expiring),
              "in_force": n.term_end > expiring}
    return ranges.get(status, notice_status(today) == status)


def search_notices(engine: Engine, today: date, *, text: str = "", town: str | None = None,
                   kind: str | None = None, status: str | None = None, year: int | None = None,
                   page: int = 1, per_page: int = 20, scan: bool = False) -> Page:
    """Public notices matching the public search form, newest published first (``scan``:
    their text found by reading every row, see :func:`list_cases`)."""
    n = public_notices.c
    # the town's terms are in the public search text too: its index narrows the rows
    rows, conditions = text_search(engine, public_notices, f"{text} {town or ''}", scan)
    if town:
        conditions += in_town(n.town, town)
    if kind:
        conditions.append(n.contract_kind == kind)
    if status:
        conditions.append(_with_status(today, status))
    if year:
        conditions.append(and_(n.term_start <= date(year, 12, 31), n.term_end >= date(year, 1, 1)))
    query = (select(*shown(public_notices), notice_status(today).label("status"))
             .select_from(rows).where(*conditions).order_by(n.published_on.desc(), n.case_id))
    count = select(func.count()).select_from(rows).where(*conditions)
    return _opened(engine, public_notices, paged(engine, query, count, page, per_page))


def _counts(engine: Engine, column: Any, scopes: Sequence[str] | None) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)
    if scopes is not None:
        query = query.where(case_summaries.c.scope.in_(list(scopes)))
    with engine.connect() as connection:
        return {str(k): v for k, v in connection.execute(query)}


def statistics(engine: Engine, today: date, scopes: Sequence[str] | None = None) -> dict[str, Any]:
    """Cases by stage, kind, town and month opened; median days per stage; coverage."""
    s = case_summaries.c
    month = func.substr(cast(s.opened_on, String), 1, 7)
    in_force = and_(s.effective_on <= today, s.term_start <= today, s.term_end >= today)
    scoped = [s.scope.in_(list(scopes))] if scopes is not None else []
    with engine.connect() as connection:
        coverage = connection.execute(
            select(func.count(), func.coalesce(func.sum(s.headcount), 0),
                   func.coalesce(func.sum(s.women), 0)).where(in_force, *scoped)).one()
        spans = connection.execute(
            select(periods.c.stage, periods.c.entered_on, periods.c.left_on)
            .join(case_summaries, case_summaries.c.case_id == periods.c.case_id)
            .where(periods.c.left_on.is_not(None), *scoped))
        days: dict[str, list[int]] = {}
        for stage, entered, left in spans:
            days.setdefault(stage, []).append((_as_date(left) - _as_date(entered)).days)
    return {
        "by_stage": _counts(engine, s.stage, scopes),
        "by_kind": _counts(engine, s.contract_kind, scopes),
        "by_town": _counts(engine, s.town, scopes),
        "by_month": _counts(engine, month, scopes),
        "median_days_in_stage": {k: stats.median(v) for k, v in sorted(days.items())},
        "contracts_in_force": coverage[0],
        "workers_covered": int(coverage[1]),
        "women_covered": int(coverage[2]),
    }


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def get_notice(engine: Engine, case_id: str, today: date) -> RowMapping | None:
    """One public notice with its status on ``today``, if the contract was published."""
    query = (select(*shown(public_notices), notice_status(today).label("status"))
             .where(public_notices.c.case_id == case_id))
    with engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    return None if row is None else encryption_of(engine).decrypt_rows(public_notices, [row])[0]
