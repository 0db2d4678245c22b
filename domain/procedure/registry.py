"""The steps of the procedure in order, and the entries that can be made at any stage
(docs/procedure.md). Adding a step means adding its module and one line here
(docs/adding-a-step.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from eventsourcing.utils import register_topic

from domain.events import CaseEvent
from domain.messages import register_messages
from domain.procedure import (
    answer,
    attachment,
    completion,
    correction,
    dispute,
    dispute_extension,
    dispute_resolution,
    draft,
    effect,
    filing,
    implementation,
    note,
    objection,
    offer,
    opening,
    outreach,
    publication,
    ratification,
    reassignment,
    renewal,
    reopening,
    replacement,
    representatives,
    session,
    sign_off_decision,
    sign_off_request,
    signing,
    survey,
    suspension,
    vacancy,
)
from domain.procedure.step import Label, Reducer, Step
from domain.state import CaseState
from domain.values import Actor

STEPS: tuple[Step, ...] = (
    survey.STEP, outreach.STEP, representatives.STEP, vacancy.STEP, replacement.STEP,
    offer.STEP, answer.STEP, session.STEP, suspension.STEP, dispute.STEP,
    dispute_extension.STEP, dispute_resolution.STEP, draft.STEP, ratification.STEP,
    signing.STEP, filing.STEP, completion.REQUEST, completion.SUPPLY, objection.STEP,
    effect.STEP, publication.STEP, implementation.STEP, renewal.STEP, reopening.STEP,
    note.STEP, attachment.STEP, reassignment.STEP, correction.STEP, sign_off_request.STEP,
    sign_off_decision.GIVE, sign_off_decision.REFUSE,
)
"""Every step, in procedure order, then the entries made at any stage."""

BY_NAME: Mapping[str, Step] = {step.name: step for step in STEPS}
BY_COMMAND: Mapping[str, Step] = {step.command: step for step in STEPS}
EVENTS: Mapping[str, type[CaseEvent]] = {
    opening.CaseOpened.__name__: opening.CaseOpened,
    **{event.__name__: event for step in STEPS for event in step.events},
}
"""Every event class of a case by its name (the ``type`` of an entry)."""
REDUCERS: Mapping[str, Reducer] = {
    event.__name__: reducer for step in STEPS for event, reducer in step.reducers.items()}
"""How the state follows each event, by the event's name (events without one only
join the case's entries)."""
EVENT_LABELS: Mapping[str, Label] = {
    opening.CaseOpened.__name__: opening.LABEL,
    **{event.__name__: label for step in STEPS for event, label in step.events.items()},
}


def step_named(name: str) -> Step | None:
    """The step called ``name`` (its URL slug and API name), or its command's name."""
    return BY_NAME.get(name) or BY_COMMAND.get(name)


def available_steps(state: CaseState, actor: Actor, today: date) -> list[Step]:
    """The steps ``actor`` may record on the case now: the one answer the aggregate, the
    screens, the API and the access rules share."""
    return [step for step in STEPS if not step.refusals(state, actor, today)]


def register_step_messages() -> None:
    """Every step's own breach messages join the domain's messages."""
    for step in STEPS:
        register_messages(step.messages)


def keep_former_topics() -> None:
    """Events stored before the steps moved to their own modules name their classes in
    ``domain.events``; those topics resolve to the same classes here."""
    for name, event in EVENTS.items():
        register_topic(f"domain.events:{name}", event)


register_step_messages()
keep_former_topics()


def step_recording(entry_type: str) -> Step | None:
    """The step whose command records entries of ``entry_type`` (None for the opening,
    which no step command records)."""
    return BY_EVENT.get(entry_type)


BY_EVENT: dict[str, Step] = {event.__name__: step for step in STEPS for event in step.events}
"""Each step by the name of an event it records."""
