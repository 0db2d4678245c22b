"""Forms for the cross-cutting entries: note, attachment, reassignment, correction,
sign-off request and reopening."""

from __future__ import annotations

from flask_babel import lazy_gettext as _
from marshmallow import fields, validate

from domain.values import ProofKind, SignOffSubject
from web.forms.base import StepSchema, form_for
from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.fields import choice, picked, text, word


@form_for("note")
class NoteSchema(StepSchema):
    """A note."""

    text = text(long=True)


@form_for("attachment")
class AttachmentSchema(StepSchema):
    """An attachment (the file itself comes with the request's files): what kind of proof
    it is (``other`` if not said) and the entry of the case it proves (``proves_version``,
    a step recorded on the case; none if not said)."""

    proof_kind = fields.Enum(
        ProofKind, by_value=True, load_default=ProofKind.OTHER,
        error_messages={"null": "invalid_choice", "unknown": "invalid_choice"},
        metadata={"label": _("Kind of proof"), "widget": "select",
                  "choices": [(str(v), word(ProofKind, v)) for v in ProofKind]})
    proves_version = Whole(
        load_default=None, allow_none=True, error_messages=WHOLE_ERRORS,
        validate=validate.Range(1, 1_000_000, error="range:{min}:{max}"),
        metadata={"label": _("Entry it proves"), "widget": "dynamic", "source": "entries"})
    description = text(required=False, max_len=500)


@form_for("reassignment")
class ReassignmentSchema(StepSchema):
    """The case passes to another social worker."""

    to = picked(None, "workers")
    reason = text(long=True)


@form_for("correction")
class CorrectionSchema(StepSchema):
    """A correction: which entry, which fact, its new value, and why."""

    corrects_version = picked(_("Entry to correct"), "entries")
    field = text(_("Fact to correct (its name, e.g. votes_for or key_terms.minimum_wage)"),
                 max_len=100)
    value = text(_("New value"), required=False, long=True)
    reason = text(long=True)


@form_for("sign-off")
class SignOffRequestSchema(StepSchema):
    """Ask a supervisor to sign off a closure or review the case."""

    subject = choice(None, SignOffSubject)
    note = text(_("Note (the reason, for a closure)"), long=True, required=False)


@form_for("reopening")
class ReopenSchema(StepSchema):
    """Step 14: a closed case opens again."""

    reason = text(long=True)
