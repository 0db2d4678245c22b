"""The negotiation case: one enterprise's collective bargaining, step by step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from config.profiles import JurisdictionProfile
from domain import clock
from domain.case_core import CaseCore, plain
from domain.entries import materialise
from domain.errors import require
from domain.invariants import invariant_breaches
from domain.procedure.opening import CaseOpened, opening_breaches
from domain.procedure.registry import STEPS, step_named
from domain.procedure.step import Step, Taking
from domain.replay import fold
from domain.restating import restated_changes
from domain.rules.enterprise import normalised
from domain.values import Actor, ContractKind, Enterprise


class NegotiationCase(CaseCore):
    """The aggregate: the steps of the procedure and the entries made at any stage
    (docs/procedure.md), each taken through its step (:mod:`domain.procedure`).

    A step refuses (recording nothing) with a :class:`~domain.errors.RuleBroken` naming
    each rule broken. State, stage and deadlines are derived from the recorded entries.
    Each step's command is also a method of its own name: ``case.send_offer(by, day,
    **facts)`` is ``case.take("offer", by, day, **facts)``.
    """

    @classmethod
    def open(cls, by: Actor, occurred_on: date, *, enterprise: Enterprise,
             contract_kind: ContractKind, profile: JurisdictionProfile, assigned_to: Actor,
             scope: str, renews_case: UUID | None = None,
             case_id: UUID | None = None) -> NegotiationCase:
        """Step 0 (接案): open a case; it keeps ``profile``'s numbers for good."""
        enterprise = normalised(enterprise)
        require(opening_breaches(by, occurred_on, clock.today(), enterprise, assigned_to,
                                 scope))
        return cls._create(
            CaseOpened, id=case_id or uuid4(), by=by.to_dict(), occurred_on=occurred_on,
            enterprise=enterprise.to_dict(), contract_kind=ContractKind(contract_kind),
            profile=profile.to_dict(), assigned_to=assigned_to.to_dict(), scope=scope,
            renews_case=str(renews_case) if renews_case else None)

    def take(self, step: Step | str, by: Actor, occurred_on: date, **facts: Any) -> None:
        """Record ``step`` (a step or its name) if its guard and its facts allow it."""
        step = _resolved(step)
        taking = Taking(step, self.state, by, occurred_on, clock.today(), self._records)
        records = step.record(taking, **facts)
        if not taking.checked:
            raise AssertionError(f"step {step.name!r} recorded without checking its guard")
        if step.rewrites_history:
            trial = [*self._records, *(
                {"version": self.version + n + 1, "type": r.event.__name__, "by": by.to_dict(),
                 "occurred_on": occurred_on, "recorded_at": None, "facts": plain(r.facts)}
                for n, r in enumerate(records))]
            require(invariant_breaches(fold(materialise(trial))))
        for record in records:
            self._record(record.event, by, occurred_on, **record.facts)

    def restate_entry(self, by: Actor, occurred_on: date, *, corrects_version: int,
                      reason: str, restated_on: date, facts: dict[str, Any]) -> None:
        """Correct entry ``corrects_version`` by filling in its step again: its own
        command checks ``facts`` (as of ``restated_on``), and the correction records exactly
        the facts that differ from the entry as it reads now (:mod:`domain.restating`)."""
        changes = restated_changes(self._records, corrects_version, by, clock.today(),
                                   restated_on, facts)
        self.take("correction", by, occurred_on, corrects_version=corrects_version,
                  changes=changes, reason=reason)


def _resolved(step: Step | str) -> Step:
    found = step if isinstance(step, Step) else step_named(step)
    if found is None:
        raise LookupError(f"no step {step!r}")
    return found


def _named(step: Step) -> Callable[..., None]:
    def command(self: NegotiationCase, by: Actor, occurred_on: date, **facts: Any) -> None:
        self.take(step, by, occurred_on, **facts)
    command.__name__ = step.command
    command.__doc__ = f"{step.label[1]} ({step.label[0]}): :meth:`NegotiationCase.take`."
    return command


for _step in STEPS:
    setattr(NegotiationCase, _step.command, _named(_step))
