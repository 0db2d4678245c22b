"""A projector following the log in a daemon thread (the single-process app)."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from projections.runner import Projector

log = logging.getLogger("projections.runner")


class Background:
    """A projector following the log in a daemon thread (the single-process app)."""

    def __init__(self, projector: Projector):
        self.projector = projector
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="projections", daemon=True)

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                self.projector.follow(self.stop)
            except Exception:
                log.exception("projection runner failed; retrying in a second")
                self.stop.wait(1.0)

    def start(self) -> Background:
        """Start following."""
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop following and wait for the thread."""
        self.stop.set()
        self.thread.join(timeout=5)
