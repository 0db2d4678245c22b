"""Forms for the steps from signing to renewal (Arts. 37-48; docs/procedure.md,
steps 8-13)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _

from domain.values import EffectBasis, Side
from web.forms.base import StepSchema, form_for
from web.forms.fields import choice, day, text


@form_for("signing")
class SigningSchema(StepSchema):
    """Step 8 (Arts. 37-38): both chiefs sign; the term is 1-3 years."""

    term_start = day()
    term_end = day()


@form_for("filing")
class FilingSchema(StepSchema):
    """Step 9 (Art. 42): filed with the labour bureau."""

    bureau = text()
    received_on = day(_("Received by the bureau on (if not the same day)"), required=False)
    receipt_number = text(required=False, max_len=50)


@form_for("completion-request")
class CompletionRequestSchema(StepSchema):
    """Step 9a (Arts. 42, 46): the bureau asks for the packet to be completed (补正)."""

    items = text(long=True)


@form_for("completion-supply")
class CompletionSupplySchema(StepSchema):
    """Step 9a: what the bureau asked for is supplied."""

    supplied = text(long=True)
    received_on = day(required=False)


@form_for("objection")
class ObjectionSchema(StepSchema):
    """Step 10 (Arts. 45-46): the bureau's written objection."""

    issues = text(long=True)


@form_for("effect")
class EffectSchema(StepSchema):
    """Step 10 (Art. 47): confirmed by the bureau, or deemed effective."""

    basis = choice(None, EffectBasis)


@form_for("publication")
class PublicationSchema(StepSchema):
    """Step 11 (Art. 48): made known to all workers."""

    channels = text(long=True, max_len=1000)
    monitoring_contact = text()


@form_for("implementation")
class ImplementationSchema(StepSchema):
    """Step 12 (履约监督)."""

    findings = text(long=True)
    problems = text(long=True, required=False)
    follow_up = text(long=True, required=False)


@form_for("renewal")
class RenewalSchema(StepSchema):
    """Step 13 (Art. 38): a side asks to renew."""

    requested_by = choice(None, Side)
