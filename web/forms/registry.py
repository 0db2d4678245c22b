"""Every step form: its URL slug, title, schema, application command and when it applies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask_babel import lazy_gettext as _
from marshmallow import Schema

from domain.rules import procedure as p
from domain.stages import Stage, stage_of
from domain.state import CaseState
from web.forms import bargaining as b
from web.forms import contract as c
from web.forms import entries as e
from web.forms import preparation as r

Guard = Callable[[CaseState], bool]


@dataclass(frozen=True)
class Step:
    """One form. ``annotate``: notes and attachments (supervisors may add them too);
    ``fits``: whether the step makes sense next, given the case's state."""

    slug: str
    title: object
    command: str
    schema: type[Schema]
    fits: Guard
    annotate: bool = False
    always: bool = False


def _open(state: CaseState) -> bool:
    return not state.closed


def _before_offer(state: CaseState) -> bool:
    return _open(state) and stage_of(state).order < Stage.OFFER_SENT.order


def _ok(check: Callable[[CaseState], Sequence[object]]) -> Guard:
    return lambda state: _open(state) and not check(state)


STEPS: tuple[Step, ...] = (
    Step("survey", _("Survey"), "record_survey", r.SurveySchema, _before_offer),
    Step("outreach", _("Outreach"), "record_outreach", r.OutreachSchema, _before_offer),
    Step("representatives", _("Appoint representatives"), "appoint_representatives",
         r.RepresentativesSchema, _ok(p.representatives_may_be_appointed)),
    Step("vacancy", _("Representative left"), "record_vacancy", r.VacancySchema,
         lambda s: _open(s) and bool(s.appointment) and not s.track.signed),
    Step("replacement", _("Replace a representative"), "replace_representative",
         r.ReplacementSchema, lambda s: _open(s) and bool(s.open_vacancies)),
    Step("offer", _("Send the offer"), "send_offer", b.OfferSchema, _ok(p.offer_may_be_sent)),
    Step("answer", _("Answer to the offer"), "answer_offer", b.AnswerSchema,
         _ok(p.offer_may_be_answered)),
    Step("session", _("Negotiation session"), "hold_session", b.SessionSchema,
         _ok(p.session_may_be_held)),
    Step("suspension", _("Suspend the negotiation"), "suspend_negotiation",
         b.SuspensionSchema, _ok(p.may_suspend)),
    Step("dispute", _("Dispute filed"), "file_dispute", b.DisputeSchema,
         _ok(p.dispute_may_be_filed)),
    Step("dispute-extension", _("Dispute handling extended"), "extend_dispute",
         b.DisputeExtensionSchema, _ok(p.dispute_may_be_extended)),
    Step("dispute-resolution", _("Dispute resolved"), "resolve_dispute",
         b.DisputeResolutionSchema, lambda s: _open(s) and bool(s.open_dispute)),
    Step("draft", _("Draft agreed"), "agree_draft", b.DraftSchema,
         _ok(lambda s: p.draft_may_be_agreed(s, True))),
    Step("ratification", _("Ratification vote"), "hold_ratification_vote",
         b.RatificationSchema, _ok(p.ratification_may_be_held)),
    Step("signing", _("Contract signed"), "sign_contract", c.SigningSchema,
         _ok(p.contract_may_be_signed)),
    Step("filing", _("Contract filed"), "file_contract", c.FilingSchema,
         _ok(p.contract_may_be_filed)),
    Step("objection", _("Review objection"), "record_objection", c.ObjectionSchema,
         _ok(p.review_outcome_open)),
    Step("effect", _("Contract took effect"), "record_effect", c.EffectSchema,
         _ok(p.review_outcome_open)),
    Step("publication", _("Contract published"), "publish_contract", c.PublicationSchema,
         _ok(p.contract_may_be_published)),
    Step("implementation", _("Implementation review"), "review_implementation",
         c.ImplementationSchema, _ok(p.contract_in_force)),
    Step("renewal", _("Renewal requested"), "request_renewal", c.RenewalSchema,
         _ok(p.contract_in_force)),
    Step("reopening", _("Reopen the case"), "reopen", e.ReopenSchema,
         lambda s: bool(s.closed)),
    Step("note", _("Note"), "add_note", e.NoteSchema, lambda s: True, annotate=True,
         always=True),
    Step("attachment", _("Attachment"), "attach_file", e.AttachmentSchema, lambda s: True,
         annotate=True, always=True),
    Step("reassignment", _("Reassign"), "reassign", e.ReassignmentSchema, _open, always=True),
    Step("correction", _("Correction"), "correct_entry", e.CorrectionSchema, _open,
         always=True),
    Step("sign-off", _("Request sign-off"), "request_sign_off", e.SignOffRequestSchema,
         _open, always=True),
)
BY_SLUG = {step.slug: step for step in STEPS}
