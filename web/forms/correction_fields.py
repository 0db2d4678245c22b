"""A correction's new value passes the field rules of the step it corrects: the same
length, characters, range and bounds as when the step was first recorded."""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from marshmallow import Schema, fields

from web.forms import bargaining as b
from web.forms import contract as c
from web.forms import preparation as r
from web.forms.base import StepSchema
from web.forms.fields import day, text

# The form that records each correctable entry (domain.events.StepEvent.named).
SCHEMAS: dict[str, type[Schema]] = {
    "CaseOpened": r.OpenCaseSchema, "SurveyRecorded": r.SurveySchema,
    "OutreachRecorded": r.OutreachSchema, "RepresentativesAppointed": r.RepresentativesSchema,
    "RepresentativeLeft": r.VacancySchema, "RepresentativeReplaced": r.ReplacementSchema,
    "OfferSent": b.OfferSchema, "OfferAnswered": b.AnswerSchema,
    "SessionHeld": b.SessionSchema, "SessionSuspended": b.SuspensionSchema,
    "DisputeFiled": b.DisputeSchema, "DisputeExtended": b.DisputeExtensionSchema,
    "DisputeResolved": b.DisputeResolutionSchema, "DraftAgreed": b.DraftSchema,
    "RatificationVoted": b.RatificationSchema, "ContractSigned": c.SigningSchema,
    "ContractFiled": c.FilingSchema, "CompletionRequested": c.CompletionRequestSchema,
    "CompletionSupplied": c.CompletionSupplySchema, "ReviewObjected": c.ObjectionSchema,
    "ContractTookEffect": c.EffectSchema, "ContractPublished": c.PublicationSchema,
    "ImplementationReviewed": c.ImplementationSchema, "RenewalRequested": c.RenewalSchema,
}
# Facts stored under another name than their input (a replacement's name is new_name).
RENAMED = {"replacement.name": "new_name"}


@cache
def _fields(entry_type: str) -> dict[str, fields.Field]:
    schema = SCHEMAS.get(entry_type, StepSchema)
    return {**StepSchema().fields, **schema().fields}


def _fallback(old: Any, path: str) -> fields.Field | None:
    """Facts no input typed (e.g. effective_on) keep the bounds of their kind."""
    if isinstance(old, date):
        return day(path)
    if isinstance(old, str):
        return text(path, required=False)
    return None


def step_field(entry_type: str, path: str, old: Any) -> fields.Field | None:
    """The input of the corrected step that took the fact at ``path`` (``enterprise.name``,
    ``key_terms.minimum_wage``); lists of records are left to the domain's own refusal."""
    head, _dot, tail = path.partition(".")
    found = _fields(entry_type).get(RENAMED.get(path, tail or head))
    if found is not None and found.metadata.get("widget") == "rows":
        return None
    return found if found is not None else _fallback(old, path)


def checked_new_value(entry_type: str, path: str, old: Any, value: Any) -> Any:
    """``value`` as the corrected step's own field takes it; ``ValidationError`` if the
    field refuses it (too long, a control character, out of range or bounds)."""
    field = step_field(entry_type, path, old)
    if field is None:
        return value
    loaded = field.deserialize(value.isoformat() if isinstance(value, date) else value)
    return loaded.value if isinstance(loaded, Enum) else loaded
