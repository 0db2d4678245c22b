"""The step forms: each step of the domain's registry that has a form, with its schema.

Which steps a user may take now is the domain's answer
(:func:`domain.procedure.registry.available_steps`); this module only adds how each one is
filled in on a page or sent to the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marshmallow import Schema

from domain.procedure.registry import STEPS as DOMAIN_STEPS
from domain.procedure.registry import available_steps
from domain.procedure.step import Part
from domain.procedure.step import Step as DomainStep
from domain.state import CaseState
from domain.values import Actor
from web.forms import bargaining, contract, entries, preparation
from web.forms.base import FORMS
from web.words.i18n import lang

FORM_MODULES = (preparation, bargaining, contract, entries)
"""The modules whose schemas register themselves with :func:`web.forms.base.form_for`."""


@dataclass(frozen=True)
class Step:
    """One step's form: the domain's step and the schema that reads its facts."""

    step: DomainStep
    schema: type[Schema]

    @property
    def slug(self) -> str:
        """The step's name, as it appears in URLs."""
        return self.step.name

    @property
    def title(self) -> str:
        """The step's name in the request's language."""
        return self.step.title(lang())

    @property
    def always(self) -> bool:
        """An entry that can be made at any stage (note, attachment...), not a step."""
        return self.step.part is Part.ENTRY


STEPS: tuple[Step, ...] = tuple(Step(s, FORMS[s.name]) for s in DOMAIN_STEPS if s.name in FORMS)
BY_SLUG = {step.slug: step for step in STEPS}


def offered(state: CaseState, actor: Actor, today: date) -> list[Step]:
    """The forms of the steps ``actor`` may take on the case now, in procedure order. A
    correction has no form of its own on the pages: each entry is corrected through its
    own step's form (:mod:`web.forms.restating`); the API keeps the correction's."""
    names = {s.name for s in available_steps(state, actor, today)}
    return [step for step in STEPS if step.slug in names and not step.step.rewrites_history]
