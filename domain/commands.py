"""The application's one command: take a step on a case, at the version the user saw.

:meth:`Negotiations.take` loads the case (or takes the one just loaded), checks
``expected_version`` is still current, takes the step (see
:meth:`domain.case.NegotiationCase.take`), saves and returns
:class:`~domain.application.Recorded` with the new notification id. Each step's command
is also a method of its own name: ``app.send_offer(case_id, version, by, day, **facts)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from domain.application import CaseApplication, CaseRef, Recorded
from domain.procedure.registry import STEPS
from domain.procedure.step import Step
from domain.values import Actor


class Negotiations(CaseApplication):
    """Xieshang's application: the queries of :class:`CaseApplication` and every step."""

    def take(self, case_id: CaseRef, expected_version: int, step: Step | str, by: Actor,
             occurred_on: date, **facts: Any) -> Recorded:
        """Take ``step`` (a step, its name or its command's name) on the case."""
        return self.record(case_id, expected_version,
                           lambda case: case.take(step, by, occurred_on, **facts))


def _named(step: Step) -> Callable[..., Recorded]:
    def command(self: Negotiations, case_id: CaseRef, expected_version: int, by: Actor,
                occurred_on: date, **facts: Any) -> Recorded:
        return self.take(case_id, expected_version, step, by, occurred_on, **facts)
    command.__name__ = step.command
    command.__doc__ = f"{step.label[1]} ({step.label[0]}): :meth:`Negotiations.take`."
    return command


for _step in STEPS:
    setattr(Negotiations, _step.command, _named(_step))
