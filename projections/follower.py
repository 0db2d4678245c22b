"""Following the log for as long as the process runs, whatever the database does.

A database error (connection lost, server restarting, a listener dropped) is logged,
reported in the runner's heartbeat, and retried after a growing pause; the follower never
exits on its own. Events that fail because of what they hold never reach here: they are
set aside page by page (see :mod:`projections.pages`).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

from domain.commands import Negotiations
from projections.backoff import Backoff
from projections.heartbeat import RETRYING, Heartbeat
from projections.transient import describe
from projections.wakeup import Wakeup

log = logging.getLogger("projections.runner")
LINGER = 0.05
"""Seconds from the start of a pass that found events to the start of the next: events
written meanwhile wait for it (the first event after a quiet spell does not wait), and a
burst of writes is taken a few dozen at a time instead of one by one (each pass costs
a read of the log, a transaction and a commit whatever it holds)."""


class Followed(Protocol):
    """What the follower drives: a projector."""

    negotiations: Negotiations
    nudge: threading.Event
    heartbeat: Heartbeat

    def catch_up(self, progress: None = None, fresh: bool = True) -> int:
        """Process the log to its end; return how many events were read."""

    def forget(self) -> None:
        """Drop what is held in memory about the cases."""


def follow(projector: Followed, stop: threading.Event, poll: float = 0.5,
           backoff: Backoff | None = None, linger: float = LINGER) -> None:
    """Keep ``projector`` current until ``stop`` is set."""
    backoff = backoff or Backoff()
    while not stop.is_set():
        try:
            _follow(projector, stop, poll, backoff, linger)
        except Exception as error:  # noqa: BLE001 - logged, and retried after a pause
            delay = backoff.next()
            log.warning("projection runner: %s; retrying in %.1f s", describe(error), delay)
            projector.forget()
            _beat(projector.heartbeat, RETRYING, describe(error))
            stop.wait(delay)


def _follow(projector: Followed, stop: threading.Event, poll: float, backoff: Backoff,
            linger: float) -> None:
    with Wakeup.for_store(projector.negotiations, stop, projector.nudge) as wakeup:
        while not stop.is_set():
            projector.heartbeat.beat()
            started = time.monotonic()
            count = projector.catch_up(fresh=False)
            backoff.reset()
            if count == 0:
                wakeup.wait(poll)
            else:   # let the next events gather: one pass for a burst, not one per event
                stop.wait(max(0.0, started + linger - time.monotonic()))
                wakeup.wait_for_more(poll)


def _beat(heartbeat: Heartbeat, state: str, error: str) -> None:
    try:
        heartbeat.beat(state, error)
    except Exception as failure:  # noqa: BLE001 - the database may be the one down
        log.debug("heartbeat not recorded: %s", failure)
