"""One page of the log worked out for every read model, then written in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from projections.base import ReadModel, Write
from projections.reader import LogReader


@dataclass(frozen=True)
class Prepared:
    """The read models' updates for one page of the log, not yet written."""

    count: int
    """How many events the page held (0: the log's end)."""
    before: dict[str, int]
    """Each read model's position the updates start from."""
    writes: list[tuple[ReadModel, Write, int]]
    """Each read model with events in the page: its update and its position after it."""

    @property
    def after(self) -> dict[str, int]:
        """Each read model's position once the page is written."""
        return {**self.before, **{model.name: last for model, _, last in self.writes}}


def prepare(models: list[ReadModel], reader: LogReader, positions: dict[str, int]) -> Prepared:
    """Read the page after the position of the read model furthest behind and work out
    each model's update for the events past its own position (the database is only read)."""
    batch = reader.read(min(positions.values(), default=0) + 1)
    writes = [(model, model.prepare(part), part.last_id) for model in models
              if (part := batch.since(positions[model.name])).changes]
    return Prepared(len(batch.changes), positions, writes)


def write(models: list[ReadModel], page: Prepared) -> dict[str, int]:
    """Write every update of ``page`` and move every position, in one transaction (one
    commit, not one per read model); return the positions after it. If another runner
    moved a position meanwhile, nothing is written (:class:`IntegrityError`)."""
    if page.writes:
        with models[0].transaction(commit=True) as session:
            for model, update, last_id in page.writes:
                model.record(session, update, page.before[model.name], last_id)
    return page.after
