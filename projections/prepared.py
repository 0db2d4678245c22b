"""A page of the log worked out for every read model, not yet written."""

from __future__ import annotations

from dataclasses import dataclass, field

from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.set_aside import SetAside

Part = tuple[ReadModel, Batch]
"""A read model with the events of a page past its own position."""


@dataclass(frozen=True)
class Prepared:
    """The read models' updates for one page of the log, not yet written."""

    count: int
    """How many events the page held (0: the log's end)."""
    before: dict[str, int]
    """Each read model's position the updates start from."""
    writes: list[tuple[ReadModel, Write, int]]
    """Each read model with events in the page: its update and its position after it."""
    parts: list[Part] = field(default_factory=list)
    """The events each update was worked out from (to take the page apart if need be)."""
    set_aside: dict[str, list[SetAside]] = field(default_factory=dict)
    """Per read model, the events of the page it sets aside."""
    isolated: bool = False
    """True once the page has been taken apart (it is not taken apart twice)."""

    @property
    def after(self) -> dict[str, int]:
        """Each read model's position once the page is written."""
        return {**self.before, **{model.name: last for model, _, last in self.writes}}
