"""``xieshang projections retry``: take up again the events the read models set aside.

Each set-aside event is read afresh with its case as it stands now (the read models keep
each case's latest state; the audit log, one row per event), and written with its row
in the set-aside list dropped, in one transaction. An event that still fails stays set
aside, with its error brought up to date.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import update
from sqlalchemy.engine import Engine

from domain.commands import Negotiations
from projections import set_aside
from projections.base import ReadModel, engine_of
from projections.batch import Batch, CaseChange
from projections.encryption import encryption_of
from projections.safe_text import storable
from projections.set_aside import SetAside, set_aside_table
from projections.transient import describe, is_transient

log = logging.getLogger("projections.runner")


def retry_set_aside(negotiations: Negotiations,
                    models: Sequence[ReadModel]) -> tuple[int, int]:
    """Write every set-aside event of ``models`` that now goes in; return how many went
    in and how many are still set aside."""
    by_name = {model.name: model for model in models}
    taken = left = 0
    for row in set_aside.listed(engine_of(negotiations)):
        model = by_name.get(row.model)
        if model is None:
            continue
        try:
            update_rows = model.prepare(_batch_of(negotiations, row))
            with model.transaction(commit=True) as session:
                update_rows(session)
                set_aside.forget(session, row)
            taken += 1
        except Exception as error:
            if is_transient(error):
                raise
            log.warning("%s: notification %s still fails: %s", row.model,
                        row.notification_id, describe(error))
            _note(model, row, describe(error))
            left += 1
    return taken, left


def _batch_of(negotiations: Negotiations, row: SetAside) -> Batch:
    """The set-aside event alone, with its case as it stands now."""
    notification, = negotiations.recorder.select_notifications(
        start=row.notification_id, limit=1, stop=row.notification_id)
    event = negotiations.mapper.to_domain_event(notification)
    case = negotiations.get_case(UUID(row.case_id))
    change = CaseChange(row.notification_id, event, case, row.case_id)  # type: ignore[arg-type]
    return Batch([change], retaken=True)


def _note(model: ReadModel, row: SetAside, error: str) -> None:
    """Keep the latest error of a set-aside event."""
    table = set_aside_table.c
    engine = model.datastore.engine
    assert isinstance(engine, Engine)
    with model.transaction(commit=True) as session:
        session.execute(update(set_aside_table).where(
            table.model == row.model, table.notification_id == row.notification_id)
            .values(error=encryption_of(engine).encrypt(storable(error))))
