"""What one step of the procedure is made of (docs/adding-a-step.md).

A step lives in one module of :mod:`domain.procedure`: its event class(es), its guard (the
one answer to "may this be recorded now, and by whom?"), its command (which checks the
facts and says what to record), the reducers that bring a case's state past its events,
and its labels. The module ends with a :class:`Step` that ties them together, and the
registry (:mod:`domain.procedure.registry`) lists the steps in procedure order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from domain.entries import Entry
from domain.errors import Breach, require
from domain.events import CaseEvent
from domain.messages import render
from domain.rules import procedure
from domain.state import CaseState
from domain.values import Actor, Role

Label = tuple[str, str]
"""A name in Simplified Chinese and in English."""
Guard = Callable[[CaseState, Actor, date], list[Breach]]
Reducer = Callable[[CaseState, Entry], None]


@dataclass(frozen=True)
class Outcome:
    """What an entry came to, where it matters to the case: a vote passed or failed, an
    offer refused, a dispute filed, a sign-off refused. ``good``: the case went forward;
    ``key``: its headline in the domain's catalog of messages; ``reasons``: why, each a
    message key with its figures."""

    good: bool
    key: str
    reasons: tuple[tuple[str, Mapping[str, Any]], ...] = ()

    def text(self, lang: str = "zh") -> str:
        """The outcome in the reader's words, e.g. 未通过：实到26人，不足全体40人的三分之二（27人）
        (a vote that fell short of the quorum)."""
        head = render(self.key, lang)
        if not self.reasons:
            return head
        said = ("；" if lang == "zh" else "; ").join(render(k, lang, **p) for k, p in self.reasons)
        return head + ("：" if lang == "zh" else ": ") + said


Judge = Callable[[CaseState, Entry], "Outcome | None"]

WORKERS = frozenset({Role.SOCIAL_WORKER})
WORKERS_AND_SUPERVISORS = frozenset({Role.SOCIAL_WORKER, Role.SUPERVISOR})
SUPERVISORS = frozenset({Role.SUPERVISOR})


class Part(StrEnum):
    """Where a step belongs: the procedure's sequence, or entries made at any stage."""

    PROCEDURE = "procedure"
    ENTRY = "entry"


@dataclass(frozen=True)
class Record:
    """One event a command asks the case to record, with its facts."""

    event: type[CaseEvent]
    facts: dict[str, Any]


@dataclass
class Taking:
    """A step being taken: the case's state, who records it, its business date and today.

    A command calls :meth:`require` once with its own checks of the facts; the step's
    guard and the checks every entry shares are added there, so all breaches come
    back together (one per rule: a command's own, more precise breach of a rule its
    guard also names replaces the guard's).
    """

    step: Step
    state: CaseState
    by: Actor
    on: date
    today: date
    records: list[dict[str, Any]] = field(default_factory=list)
    checked: bool = False
    restating: bool = False

    def require(self, *checks: list[Breach]) -> None:
        """Refuse (recording nothing) if the guard or any of ``checks`` finds a breach."""
        self.checked = True
        own = {breach.key for check in checks for breach in check}
        refusals = [] if self.restating else self.step.refusals(self.state, self.by, self.today)
        guard = [b for b in refusals if b.key not in own]
        require(guard, not_before_opening(self.state, self.on),
                procedure.not_in_future(self.on, self.today), *checks)


Command = Callable[..., list[Record]]


def case_open(state: CaseState) -> list[Breach]:
    """A closed case takes no new steps until it is reopened (step 14)."""
    return [Breach("case_closed")] if state.closed else []


def not_before_opening(state: CaseState, occurred_on: date) -> list[Breach]:
    """An entry cannot have happened before the case was opened."""
    if occurred_on < state.opened.occurred_on:
        return [Breach("before_opening", {"opened": state.opened.occurred_on},
                       field="occurred_on")]
    return []


def anyone(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """The guard of a step that may be recorded whatever the case's state."""
    return []


@dataclass(frozen=True)
class Step:
    """One step or entry: its name (URL slug and API name), command, guard and labels.

    ``roles``: who may record it; ``while_closed``: whether a closed case takes it;
    ``rewrites_history``: the case's invariants are checked on the history it leaves;
    ``outcome``: what one of its entries came to, when that matters (see :class:`Outcome`);
    ``events``: each event class it records with its label; ``reducers``: how the state
    follows each event; ``fields``: labels of the facts it records; ``messages``: texts of
    the breaches only this step raises.
    """

    name: str
    command: str
    label: Label
    record: Command
    events: Mapping[type[CaseEvent], Label]
    guard: Guard = anyone
    reducers: Mapping[type[CaseEvent], Reducer] = field(default_factory=dict)
    roles: frozenset[Role] = WORKERS
    part: Part = Part.PROCEDURE
    while_closed: bool = False
    rewrites_history: bool = False
    fields: Mapping[str, Label] = field(default_factory=dict)
    messages: Mapping[str, Label] = field(default_factory=dict)
    outcome: Judge | None = None

    def refusals(self, state: CaseState, actor: Actor, today: date) -> list[Breach]:
        """Why ``actor`` may not record this step on ``state`` now (empty: she may)."""
        breaches = [] if actor.role in self.roles else [self.role_breach()]
        if not self.while_closed:
            breaches += case_open(state)
        return breaches + self.guard(state, actor, today)

    def role_breach(self) -> Breach:
        """The breach naming who records this step."""
        if self.roles == SUPERVISORS:
            return Breach("supervisor_only")
        return Breach("role_records_steps")

    def title(self, lang: str = "zh") -> str:
        """The step's name in ``lang``."""
        return self.label[0] if lang == "zh" else self.label[1]
