"""Is every read model following the log? What ``/healthz`` and ``projections status`` say.

A read model is *lagging* when more than ``lag_bound`` events wait for it; the runner has
*stopped* when events wait and it has not reported for ``stale_after`` seconds; it is
*failing* when its last report is a retry after a database error; and events *set aside*
wait for ``xieshang projections retry``. Any of these makes the status "degraded".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from projections import set_aside
from projections.heartbeat import RETRYING, Beat, last_beat
from projections.runner import Projector

LAG_BOUND = 1000
STALE_AFTER = 30.0


@dataclass(frozen=True)
class ModelHealth:
    """One read model: its position, how many events wait for it, how many are set aside."""

    name: str
    position: int
    lag: int
    set_aside: int


@dataclass(frozen=True)
class Health:
    """The read models' health: "ok", or "degraded" with the problems found."""

    models: list[ModelHealth]
    runner: Beat | None
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """"ok" when nothing is wrong, else "degraded"."""
        return "degraded" if self.problems else "ok"


def health(projector: Projector, lag_bound: int = LAG_BOUND,
           stale_after: float = STALE_AFTER) -> Health:
    """The health of ``projector``'s read models, read from the database."""
    engine = projector.engine
    aside = set_aside.counts(engine)
    models = [ModelHealth(s.name, s.position, s.lag, aside.get(s.name, 0))
              for s in projector.status()]
    beat = last_beat(engine)
    waiting = any(m.lag for m in models)
    problems = []
    if waiting and (beat is None or beat.age() > stale_after):
        problems.append("stopped")
    if beat is not None and beat.state == RETRYING and beat.age() <= stale_after:
        problems.append("failing")
    if any(m.lag > lag_bound for m in models):
        problems.append("lagging")
    if any(m.set_aside for m in models):
        problems.append("set_aside")
    return Health(models, beat, problems)
