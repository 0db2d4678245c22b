"""Growing pauses between retries after a database error."""

from __future__ import annotations


class Backoff:
    """Pauses that double from ``first`` up to ``longest`` seconds, until :meth:`reset`."""

    def __init__(self, first: float = 0.5, longest: float = 30.0):
        self.first = first
        self.longest = longest
        self._next = first

    def next(self) -> float:
        """The pause before the next retry (each one twice the last, at most ``longest``)."""
        delay, self._next = self._next, min(self._next * 2, self.longest)
        return delay

    def reset(self) -> None:
        """Start again from the shortest pause (after a success)."""
        self._next = self.first
