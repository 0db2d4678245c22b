"""Cases, entries and rows as plain JSON-ready values (the schemas then dump them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from sqlalchemy.engine import RowMapping

from domain.case import NegotiationCase
from domain.deadlines import deadlines
from domain.entries import Entry
from domain.stages import stage_of
from web.usecases.notices import NOTICE_FIELDS


def plain(value: Any) -> Any:
    """A recorded fact as JSON: records as objects, dates as ISO text, words as strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def case_view(case: NegotiationCase, today: date, next_steps: list[str],
              as_of: date | None = None) -> dict[str, Any]:
    """The case as it stands: stage, enterprise, holder and deadlines."""
    state = case.state
    return {
        "id": case.id, "version": case.version, "as_of": as_of,
        "stage": str(stage_of(state)), "closed": state.closed is not None,
        "contract_kind": str(state.opened["contract_kind"]),
        "scope": state.opened["scope"], "opened_on": state.opened.occurred_on,
        "enterprise": dataclasses.asdict(state.enterprise),
        "assigned_to": state.assigned_to.to_dict(),
        "deadlines": [deadline_view(d, today) for d in deadlines(state)],
        "next_steps": next_steps,
    }


def deadline_view(deadline: Any, today: date) -> dict[str, Any]:
    """One deadline with its status on ``today``."""
    return {"kind": str(deadline.kind), "source_version": deadline.source_version,
            "starts_on": deadline.starts_on, "due_on": deadline.due_on,
            "met_on": deadline.met_on, "status": str(deadline.status(today))}


def entry_view(entry: Entry) -> dict[str, Any]:
    """One history entry as recorded."""
    return {"version": entry.version, "type": entry.type, "by": entry.by.to_dict(),
            "occurred_on": entry.occurred_on, "recorded_at": entry.recorded_at,
            "facts": plain(entry.facts), "corrected_by": list(entry.corrected_by)}


def case_row(row: RowMapping, today: date) -> dict[str, Any]:
    """A case list row, with whether its next deadline has passed."""
    due = row["next_due_on"]
    return {**row, "overdue": due is not None and due < today and not row["closed"]}


def notice_view(row: RowMapping) -> dict[str, Any]:
    """A public notice: its fields (docs/procedure.md, the public notice) and its id,
    nothing else."""
    return {name: row[name] for name in NOTICE_FIELDS} | {"id": row["case_id"]}
