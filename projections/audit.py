"""The audit log: one row per event across all cases, with a one-line summary."""

from __future__ import annotations

from sqlalchemy.orm import Session

from projections.audit_text import summarise
from projections.base import CaseChange, ReadModel
from projections.tables import audit_log


class AuditLog(ReadModel):
    """Who recorded what, when, and when it happened."""

    name = "audit_log"
    owned = (audit_log,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Append one row per event."""
        session.execute(audit_log.insert(), [{
            "notification_id": c.notification_id, "case_id": c.case_id,
            "version": c.event.originator_version, "event_type": type(c.event).__name__,
            "actor_id": c.event.by["id"], "actor_name": c.event.by["name"],
            "recorded_at": c.event.timestamp, "occurred_on": c.event.occurred_on,
            "scope": c.case.state.opened["scope"], "summary": summarise(c.event),
        } for c in changes])
