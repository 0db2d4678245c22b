"""The audit log: one row per event across all cases, with a one-line summary (the actor's
name and the summary are encrypted when a cipher key is set)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from projections.audit_text import summarise
from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.bulk import insert_values
from projections.encryption import encryption_of
from projections.tables import audit_log

COLUMNS = ("notification_id", "case_id", "version", "event_type", "actor_id", "actor_name",
           "recorded_at", "occurred_on", "scope", "summary")
"""The order of the values of an audit row (the table's own column order)."""
assert tuple(audit_log.columns.keys()) == COLUMNS


class AuditLog(ReadModel):
    """Who recorded what, when, and when it happened."""

    name = "audit_log"
    owned = (audit_log,)

    def prepare(self, batch: Batch) -> Write:
        """Append one row per event (its case's scope as the case stands after the page)."""
        scopes = {case_id: case.state.opened["scope"] for case_id, case in batch.cases.items()}
        rows = [(number, case_id, event.originator_version, type(event).__name__,
                 event.by["id"], event.by["name"], event.timestamp, event.occurred_on,
                 scopes[case_id], summarise(event))
                for number, event, _, case_id in batch.changes]
        rows = encryption_of(self.datastore.engine).encrypt_tuples(audit_log, rows)

        def write(session: Session) -> None:
            insert_values(session, audit_log, rows)
        return write
