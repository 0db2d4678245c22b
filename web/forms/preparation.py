"""Forms for opening a case and the steps before the offer (Arts. 19-31;
docs/procedure.md, steps 0-3a)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _
from marshmallow import fields, post_load

from domain.values import (
    ChiefBasis,
    ContractKind,
    Enterprise,
    OutreachKind,
    Representative,
    Side,
    SurveyMethod,
    WorkerSelection,
)
from web.forms.base import FormSchema, RowSchema, StepSchema, form_for
from web.forms.fields import choice, day, flag, picked, rows, text, whole
from web.forms.listed import industry as listed_industry
from web.forms.listed import place as listed_place

MAX_ROWS = 10


class OpenCaseSchema(FormSchema):
    """Step 0 (接案): the enterprise and the kind of contract."""

    name = text()
    credit_code = text(_("Unified social credit code"), max_len=30)
    town = listed_place(_("Town or region"))
    industry = listed_industry(None)
    headcount = whole(_("Workers (headcount)"), low=1, high=1_000_000)
    women = whole(low=0, high=1_000_000)
    has_union = flag(_("The enterprise has a union"))
    legal_representative = text(required=False)
    contract_kind = choice(None, ContractKind)
    occurred_on = day()
    case_token = fields.UUID(required=True, metadata={"widget": "hidden"})

    @post_load
    def enterprise(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """Gather the enterprise's details into one value."""
        keys = ("name", "credit_code", "town", "industry", "headcount", "women", "has_union",
                "legal_representative")
        details = {k: data.pop(k) for k in keys}
        return {**data, "enterprise": Enterprise(**details)}


class DemandRow(RowSchema):
    """One worker demand and its priority (1 = most urgent)."""

    text = text(_("Demand"))
    priority = whole(low=1, high=5, required=False)

    @post_load
    def default_priority(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """A demand without a priority gets the highest (1)."""
        return {**data, "priority": data.get("priority") or 1}


@form_for("survey")
class SurveySchema(StepSchema):
    """Step 1 (调查摸底)."""

    method = choice(None, SurveyMethod)
    period_start = day()
    period_end = day()
    respondents = whole(low=1, high=1_000_000)
    findings = text(long=True)
    demands = rows(None, DemandRow, MAX_ROWS)


@form_for("outreach")
class OutreachSchema(StepSchema):
    """Step 2 (宣传/观摩/培训)."""

    kind = choice(None, OutreachKind)
    participants = whole(low=1, high=1_000_000)
    description = text(long=True, required=False)


class RepresentativeRow(RowSchema):
    """One negotiator."""

    name = text(_("Name"), max_len=50)
    position = text(required=False, max_len=100)
    chief = flag()
    outsider = flag()
    phone = text(required=False, max_len=30)

    @post_load
    def representative(self, data: dict[str, Any], **_kwargs: Any) -> Representative:
        """The row as the domain's value."""
        return Representative(**data)


@form_for("representatives")
class RepresentativesSchema(StepSchema):
    """Step 3 (协商代表, Arts. 19-24): both sides at once."""

    worker_side = rows(None, RepresentativeRow, MAX_ROWS)
    employer_side = rows(None, RepresentativeRow, MAX_ROWS)
    worker_selection = choice(None, WorkerSelection)
    workers_approving = whole(_("Workers approving (democratic choice only)"), low=0,
                              high=1_000_000, required=False)
    chief_basis = choice(None, ChiefBasis)
    employer_appointed_by = text(_("Employer side appointed by (legal representative)"))
    election_held_on = day(required=False)
    election_voters = whole(low=1, high=1_000_000,
                            required=False)
    list_posted_from = day(required=False)
    list_posted_until = day(required=False)
    delegated_by = text(_("Chief appointed in writing by (union chair)"), required=False,
                        max_len=50)
    delegated_on = day(required=False)


@form_for("vacancy")
class VacancySchema(StepSchema):
    """Step 3a (Art. 30): a representative leaves."""

    side = choice(None, Side)
    name = picked(None, "representatives")
    reason = text(long=True)


@form_for("replacement")
class ReplacementSchema(StepSchema):
    """Step 3a (Art. 31): a vacancy is filled."""

    side = choice(None, Side)
    name = picked(None, "vacancies")
    new_name = text(max_len=50)
    position = text(required=False, max_len=100)
    chief = flag()
    outsider = flag()
    phone = text(required=False, max_len=30)

    @post_load
    def replacement(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """The newcomer as the domain's value."""
        person = Representative(name=data.pop("new_name"), position=data.pop("position"),
                                chief=data.pop("chief"), outsider=data.pop("outsider"),
                                phone=data.pop("phone"))
        return {**data, "replacement": person}
