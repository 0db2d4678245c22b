"""A projector following the log in a daemon thread (the single-process app)."""

from __future__ import annotations

import threading
from typing import Protocol


class Follower(Protocol):
    """What the thread runs: anything that follows the log until told to stop."""

    def follow(self, stop: threading.Event) -> None:
        """Follow the log (retrying after errors) until ``stop`` is set."""


class Background:
    """A projector following the log in a daemon thread (the single-process app)."""

    def __init__(self, projector: Follower):
        self.projector = projector
        self.stop = threading.Event()
        self.thread = threading.Thread(target=projector.follow, args=(self.stop,),
                                       name="projections", daemon=True)

    def start(self) -> Background:
        """Start following."""
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop following and wait for the thread."""
        self.stop.set()
        self.thread.join(timeout=5)
