"""One page of the log worked out for every read model, then written in one transaction.

When a page cannot be worked out or written because of what some event holds, the page
is taken apart (:mod:`projections.isolation`): the events at fault are set aside for the
read models that cannot take them, and the rest of the page is written as usual.
"""

from __future__ import annotations

from eventsourcing.persistence import IntegrityError

from projections import set_aside
from projections.base import ReadModel
from projections.isolation import isolate
from projections.ledger import Sealing
from projections.position_watch import announce
from projections.prepared import Prepared
from projections.reader import LogReader
from projections.transient import is_transient
from projections.written import after_commit, take_pending

__all__ = ["Prepared", "prepare", "write"]


def prepare(models: list[ReadModel], reader: LogReader, positions: dict[str, int]) -> Prepared:
    """Read the page after the position of the read model furthest behind and work out
    each model's update for the events past its own position (the database is only read)."""
    batch = reader.read(min(positions.values(), default=0) + 1)
    parts = [(model, part) for model in models
             if (part := batch.since(positions[model.name])).count]
    try:
        writes = [(model, model.prepare(part), part.last_id) for model, part in parts]
    except Exception as error:
        if is_transient(error):
            raise
        return isolate(batch.count, parts, positions)
    aside = {model.name: set_aside.unreadable_in(model.name, part) for model, part in parts}
    return Prepared(batch.count, positions, writes, parts, aside)


def write(models: list[ReadModel], page: Prepared, sealing: Sealing | None = None
          ) -> dict[str, int]:
    """Write every update of ``page`` and move every position, in one transaction (one
    commit, not one per read model), with the ledger's entries for the page (``sealing``,
    see :meth:`projections.ledger.Ledger.sealing`); return the positions after it. If
    another runner moved a position meanwhile, or another sealer appended the entries,
    nothing is written (:class:`IntegrityError`). If the database refuses what some event
    holds, the page is taken apart and written without it (the event is set aside)."""
    if not page.writes and sealing is None:
        return page.after
    try:
        try:
            _commit(models, page, sealing)
        except Exception as error:
            if (is_transient(error) or page.isolated or _moved(models, page, error)
                    or (sealing is not None and isinstance(error, IntegrityError)
                        and sealing.overtaken())):
                raise
            page = isolate(page.count, page.parts, page.before)
            _commit(models, page, sealing)
    except BaseException:
        if sealing is not None:
            sealing.failed()
        raise
    if sealing is not None:
        sealing.committed()
    return page.after


def _commit(models: list[ReadModel], page: Prepared, sealing: Sealing | None) -> None:
    with models[0].transaction(commit=True) as session:
        for model, update, last_id in page.writes:
            model.record(session, update, page.before[model.name], last_id)
            set_aside.record(session, page.set_aside.get(model.name, []))
        if sealing is not None:
            sealing(session)
        announce(session)
        committed = take_pending(session)
    after_commit(committed)     # only now: the rows are in (see projections.written)


def _moved(models: list[ReadModel], page: Prepared, error: Exception) -> bool:
    """True when ``error`` is another runner's having moved a position first (and not a
    row the database refused)."""
    if not isinstance(error, IntegrityError):
        return False
    return any(model.position != page.before[model.name] for model in models
               if model.name in page.before)
