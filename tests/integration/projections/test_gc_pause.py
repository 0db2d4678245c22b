"""Python's cyclic garbage collector is paused page by page in a rebuild, and only there.

A rebuild holds every case in memory and allocates a great deal per page: paused, the
collector's cost stays proportional to the page (see :mod:`projections.gc_pause`). Live
following handles a few events at a time, often in the web process itself, where a pause
is process-wide: there the collector runs as usual.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
from casebook import Cases
from storyteller import Story

from domain.commands import Negotiations
from projections import overlap, pages, runner
from projections.background import Background
from projections.runner import Projector


def collector_seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on, each time the runner read or wrote a page (the
    writes may run in a second thread, the collector's state is the process's)."""
    seen: list[bool] = []

    def watched(work: Any) -> Any:
        def run(*args: Any) -> Any:
            seen.append(gc.isenabled())
            return work(*args)
        return run
    for module in (runner, overlap):    # a backlog on PostgreSQL goes through overlap
        monkeypatch.setattr(module, "prepare", watched(pages.prepare))
        monkeypatch.setattr(module, "write", watched(pages.write))
    return seen


def test_the_collector_runs_while_following_and_pauses_in_a_rebuild(
        app: Negotiations, story: Story, cases: Cases,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert gc.isenabled()
    seen = collector_seen(monkeypatch)
    projector = Projector(app, page=10)
    assert projector.catch_up() == 34
    assert len(seen) >= 8 and all(seen), "reading and writing four pages"

    seen.clear()
    following = Background(projector).start()
    try:
        recorded = story.note(cases.food, "企业来电")
        assert projector.wait(recorded.notification_id, timeout=10)
    finally:
        following.close()
    assert seen and all(seen)

    seen.clear()
    assert projector.rebuild() == 35
    assert len(seen) >= 8 and not any(seen)
    assert gc.isenabled(), "back on after the rebuild"
