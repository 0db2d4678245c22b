"""Taking apart a page of the log that a read model cannot take as a whole.

Each read model's update is tried on its own, in a transaction that is rolled back; a
model whose update fails is tried case by case, and the events of each case it still
cannot take are set aside (see :mod:`projections.set_aside`). The page is then worked
out again without them. This is the rare path: a page that writes goes in whole.
"""

from __future__ import annotations

import logging

from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.prepared import Part, Prepared
from projections.set_aside import SetAside, changes_of, unreadable_in
from projections.transient import describe, is_transient

log = logging.getLogger("projections.runner")


def isolate(count: int, parts: list[Part], before: dict[str, int]) -> Prepared:
    """The page of ``parts`` worked out again, each read model without the cases it
    cannot take (a transient database error is raised as it is, to be retried)."""
    writes: list[tuple[ReadModel, Write, int]] = []
    aside: dict[str, list[SetAside]] = {}
    for model, part in parts:
        update, rows = _settle(model, part)
        writes.append((model, update, part.last_id))
        aside[model.name] = unreadable_in(model.name, part) + rows
        for row in rows:
            log.error("%s set aside case %s version %s (notification %s): %s", row.model,
                      row.case_id, row.version, row.notification_id, row.error)
    return Prepared(count, before, writes, parts, aside, isolated=True)


def _settle(model: ReadModel, part: Batch) -> tuple[Write, list[SetAside]]:
    """``model``'s update of ``part`` without the cases it cannot take, and those cases'
    events to set aside."""
    try:
        return _tried(model, part), []
    except Exception as error:
        if is_transient(error):
            raise
    faults: dict[str, str] = {}
    for case_id in part.cases:
        try:
            _tried(model, part.only(case_id))
        except Exception as error:
            if is_transient(error):
                raise
            faults[case_id] = describe(error)
    rows = [row for case_id, error in faults.items()
            for row in changes_of(model.name, part, case_id, error)]
    return model.prepare(part.without(set(faults))), rows


def _tried(model: ReadModel, part: Batch) -> Write:
    """``model``'s update of ``part``, written once in a transaction rolled back after."""
    update = model.prepare(part)
    with model.transaction(commit=False) as session:
        update(session)
        session.flush()
    return update
