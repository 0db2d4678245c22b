"""The next step of a case: what the dashboard tells its social worker to do next."""

from __future__ import annotations

from datetime import date

from domain.procedure.registry import BY_NAME, available_steps
from domain.procedure.step import Step
from domain.state import CaseState

MAIN_LINE = ("survey", "representatives", "offer", "answer", "session", "draft",
             "ratification", "signing", "filing", "effect", "publication", "implementation")
"""The steps that carry a case forward, in procedure order (docs/procedure.md); the others
(outreach, vacancies, suspensions, disputes, objections …) answer events as they come."""


def _done(state: CaseState, step: Step) -> bool:
    return any(state.of_type(event.__name__) for event in step.events)


def next_step(state: CaseState, today: date) -> Step | None:
    """The first step of the main line the case's social worker may record now and has
    not recorded yet; else the furthest one she may record again (a vote after a failed
    one, another session); None when she may record none (a closed case)."""
    open_steps = [BY_NAME[name] for name in MAIN_LINE]
    allowed = {step.name for step in available_steps(state, state.assigned_to, today)}
    possible = [step for step in open_steps if step.name in allowed]
    return next((step for step in possible if not _done(state, step)),
                possible[-1] if possible else None)
