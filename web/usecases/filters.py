"""The case list's and the audit log's filters, limited to what the account may see: the
pages, their exports and the API read cases and entries through these."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from domain.clock import CHINA
from domain.labels import LABELS
from domain.stages import Stage
from projections.queries import AuditFilter, CaseFilter
from web.accounts.store import Account
from web.usecases.access import visible_scopes


def cases_filter(account: Account, today: date, *, stage: str | None = None,
                 kind: str | None = None, town: str | None = None, text: str = "",
                 worker: str | None = None, overdue: bool = False,
                 stalled: bool = False, incomplete: bool = False) -> CaseFilter:
    """The cases ``account`` sees, by stage, contract kind, town (any part of its name, at
    most 50 characters: 兴宁 finds every town of 兴宁市), text (at most 100
    characters, or a case number), assigned worker, whether a deadline is overdue on
    ``today``, whether the case is stalled and whether it was filed with items of the
    bureau's packet missing; an unknown stage filters nothing."""
    return CaseFilter(scopes=visible_scopes(account),
                      stage=stage if stage in {str(s) for s in Stage} else None,
                      kind=kind or None, town=(town or "").strip()[:50] or None,
                      text=text[:100],
                      assigned_id=worker or None, overdue=overdue, today=today,
                      stalled=stalled, incomplete=incomplete)


def audit_filter(account: Account, *, actor: str | None = None, case: str | None = None,
                 event: str | None = None, since: date | None = None,
                 until: date | None = None) -> AuditFilter:
    """The entries of the cases ``account`` sees, by who recorded them, case, kind of
    event (an unknown one filters nothing) and the China days they were recorded on,
    ``since`` and ``until`` included."""
    return AuditFilter(
        scopes=visible_scopes(account), actor_id=actor or None,
        case_id=(case or "").strip() or None,
        event_type=event if event in LABELS["event"] else None,
        since=datetime.combine(since, time(), CHINA) if since else None,
        until=datetime.combine(until + timedelta(days=1), time(), CHINA) if until else None)
