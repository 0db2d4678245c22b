"""The steps the domain offers are the steps a case accepts (the one answer to "may this
be recorded now?"), explored with random histories.

The machine of :mod:`test_case_properties` drives a case through random, often invalid
commands and the natural next steps. After each, every step of the registry is probed on
a copy of the case, by the user who would take it, with facts valid for the state
(:mod:`steps_with_valid_facts`): each step ``available_steps`` offers must be accepted,
and each step it withholds refused.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant
from steps_with_valid_facts import attempt
from test_case_properties import NOW, TODAY, NegotiationCaseMachine

from domain import clock
from domain.errors import RuleBroken
from domain.procedure.registry import STEPS, available_steps

NAMES = [step.name for step in STEPS]


class OfferedMeansAccepted(NegotiationCaseMachine):
    """Random histories, each state probed with every step."""

    @invariant()
    def offered_steps_are_accepted_and_withheld_ones_refused(self) -> None:
        if not hasattr(self, "case"):
            return
        for name in NAMES:
            self.probe(name)

    def probe(self, name: str) -> None:
        state = self.case.state
        by, day, facts = attempt(name, state, self.day, TODAY)
        with clock.recording_at(NOW):
            offered = name in {s.name for s in available_steps(state, by, TODAY)}
            trial = copy.deepcopy(self.case)
            try:
                trial.take(name, by, day, **facts)
            except RuleBroken as refusal:
                assert not offered, f"{name} offered to {by.name} but refused: {refusal}"
            else:
                assert offered, f"{name} withheld from {by.name} but accepted"


TestOfferedMeansAccepted = OfferedMeansAccepted.TestCase
TestOfferedMeansAccepted.settings = settings(
    max_examples=25, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
