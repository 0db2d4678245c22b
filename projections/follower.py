"""Following the log for as long as the process runs, whatever the database does.

A database error (connection lost, server restarting, a listener dropped) is logged,
reported in the runner's heartbeat, and retried after a growing pause; the follower never
exits on its own. Events that fail because of what they hold never reach here: they are
set aside page by page (see :mod:`projections.pages`).
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from domain.commands import Negotiations
from projections.backoff import Backoff
from projections.heartbeat import RETRYING, Heartbeat
from projections.transient import describe
from projections.wakeup import Wakeup

log = logging.getLogger("projections.runner")


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
           backoff: Backoff | None = None) -> None:
    """Keep ``projector`` current until ``stop`` is set."""
    backoff = backoff or Backoff()
    while not stop.is_set():
        try:
            _follow(projector, stop, poll, backoff)
        except Exception as error:  # noqa: BLE001 - logged, and retried after a pause
            delay = backoff.next()
            log.warning("projection runner: %s; retrying in %.1f s", describe(error), delay)
            projector.forget()
            _beat(projector.heartbeat, RETRYING, describe(error))
            stop.wait(delay)


def _follow(projector: Followed, stop: threading.Event, poll: float, backoff: Backoff) -> None:
    with Wakeup.for_store(projector.negotiations, stop, projector.nudge) as wakeup:
        while not stop.is_set():
            projector.heartbeat.beat()
            count = projector.catch_up(fresh=False)
            backoff.reset()
            if count == 0:
                wakeup.wait(poll)


def _beat(heartbeat: Heartbeat, state: str, error: str) -> None:
    try:
        heartbeat.beat(state, error)
    except Exception as failure:  # noqa: BLE001 - the database may be the one down
        log.debug("heartbeat not recorded: %s", failure)
