"""Catching up a backlog on PostgreSQL: reading the next page while the last one is written.

While one page is written (in a second thread: that is mostly the server's work) the next
is read and worked out (mostly Python's), from the positions the read models will have
once the first commits; one page is written at a time, in order. Not on SQLite: there the
reads would keep the log's writes from being checkpointed, and it measured slower. Nor
for the few events a follower finds at a time: the runner goes here only once a page
came back full (see :meth:`projections.runner.Projector._catch_up`).

A page is worked out before the one ahead of it commits, so it cannot know which rows that
one leaves: the read models write every case they touch whole meanwhile (their
fingerprints are off, see :mod:`projections.written`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from projections.base import ReadModel
from projections.gc_pause import paused_if
from projections.pages import Prepared, prepare, write
from projections.reader import LogReader
from projections.written import fingerprints


class Overlapping(Protocol):
    """What the overlap drives: a projector."""

    models: list[ReadModel]
    reader: LogReader
    _positions: dict[str, int]

    def _settle(self, page: Prepared, written: Callable[[], dict[str, int]]) -> bool:
        """Wait for ``page`` to be written; False if another runner got there first."""


def overlapped(projector: Overlapping, progress: Callable[[int], None] | None,
               rebuilding: bool) -> int:
    """Process the log from the projector's positions to its end, a page read while the
    one before is written; return the number of events read."""
    def written(page: Prepared) -> dict[str, int]:
        with paused_if(rebuilding):
            return write(projector.models, page)

    total, positions = 0, projector._positions
    pending: tuple[Prepared, Future[dict[str, int]]] | None = None
    with (fingerprints((model.written for model in projector.models), on=False),
          ThreadPoolExecutor(1, thread_name_prefix="projections-writer") as writer):
        while True:
            with paused_if(rebuilding):
                page = prepare(projector.models, projector.reader, positions)
            if pending is not None:
                done, future = pending
                pending = None
                if not projector._settle(done, future.result):
                    positions = projector._positions     # re-read: start again from there
                    continue
                total += done.count
                if progress:
                    progress(done.count)
            if not page.count:
                return total
            positions = page.after
            pending = (page, writer.submit(written, page))
