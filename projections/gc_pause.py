"""Pausing Python's cyclic garbage collector while a page of a rebuild is processed.

A rebuild keeps thousands of case aggregates in memory (see :mod:`projections.timeline`),
and each of its pages allocates hundreds of thousands of objects that live until it is
written. Left on, the collector keeps promoting them and re-scanning the whole heap: it
took a third of a rebuild's time. Paused for one page and run once over that page's young
objects, its cost is proportional to the page again; but those collections found almost
nothing (830 objects in a cycle in a rebuild of 146,330 events) and still took a tenth of
its CPU, so a rebuild pauses it from its first page to its last and collects once at the
end (:func:`collect_garbage`). Reference counting frees memory as usual meanwhile: what
the pause keeps is only the rare garbage in cycles.

Only a rebuild (``Projector.rebuild``) pauses it. Following the log handles a few events
a page, often in the web process itself, where a pause is the whole process's: the
requests served meanwhile would run without the collector too, and every page would end
with a collection of its own. There the collector runs as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic collection inside the block (nesting and threads share one pause:
    the collector comes back, as it was, when the last block ends)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
                gc.collect(0)


def paused_if(rebuilding: bool) -> AbstractContextManager[None]:
    """:func:`gc_paused` in a rebuild; otherwise a block that changes nothing."""
    return gc_paused() if rebuilding else nullcontext()


def collect_garbage() -> None:
    """One full collection, after a rebuild's pages processed with the collector paused.

    Their survivors sit in a generation the collector has not examined since: left alone,
    it examines them all at once at some later moment (for a cache of thousands of cases,
    seconds in the middle of whatever runs then, e.g. a query). Better here, once.
    """
    gc.collect()
