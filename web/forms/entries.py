"""Forms for the cross-cutting entries: note, attachment, reassignment, correction,
sign-off request and reopening."""

from __future__ import annotations

from flask_babel import lazy_gettext as _

from domain.values import SignOffSubject
from web.forms.base import StepSchema, form_for
from web.forms.fields import choice, picked, text


@form_for("note")
class NoteSchema(StepSchema):
    """A note."""

    text = text(_("Note"), long=True)


@form_for("attachment")
class AttachmentSchema(StepSchema):
    """An attachment (the file itself comes with the request's files)."""

    description = text(_("Description"), required=False, max_len=500)


@form_for("reassignment")
class ReassignmentSchema(StepSchema):
    """The case passes to another social worker."""

    to = picked(_("New social worker"), "workers")
    reason = text(_("Reason"), long=True)


@form_for("correction")
class CorrectionSchema(StepSchema):
    """A correction: which entry, which fact, its new value, and why."""

    corrects_version = picked(_("Entry to correct"), "entries")
    field = text(_("Fact to correct (its name, e.g. votes_for or key_terms.minimum_wage)"),
                 max_len=100)
    value = text(_("New value"), required=False, long=True)
    reason = text(_("Reason"), long=True)


@form_for("sign-off")
class SignOffRequestSchema(StepSchema):
    """Ask a supervisor to sign off a closure or review the case."""

    subject = choice(_("Sign-off on"), SignOffSubject)
    note = text(_("Note (the reason, for a closure)"), long=True, required=False)


@form_for("reopening")
class ReopenSchema(StepSchema):
    """Step 14: a closed case opens again."""

    reason = text(_("Reason"), long=True)
