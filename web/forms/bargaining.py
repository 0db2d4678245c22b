"""Forms for the steps from the offer to the ratification vote (Arts. 32-36;
docs/procedure.md, steps 4-7)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _
from marshmallow import post_load

from domain.values import ItemStatus, RatifyingBody, Side
from web.forms.base import RowSchema, StepSchema, form_for
from web.forms.confirming import confirm_warnings as confirmation
from web.forms.fields import (
    choice,
    clock_time,
    day,
    decimal,
    flag,
    lines,
    picks,
    rows,
    text,
    whole,
    yes_no,
)
from web.forms.fields import text as words

KEY_TERMS = ("wage_increase_pct", "average_wage_last_year", "minimum_wage", "weekly_hours",
             "summary")


@form_for("offer")
class OfferSchema(StepSchema):
    """Step 4 (要约, Art. 32): agenda and proposed timetable."""

    from_side = choice(None, Side)
    received_on = day()
    agenda = lines(None, 10)
    timetable = text(long=True)


@form_for("answer")
class AnswerSchema(StepSchema):
    """Step 4a: accepted, or refused with a reason."""

    accepted = yes_no(None, _("Accepted"), _("Refused"))
    reason = text(_("Reason (required for a refusal)"), long=True, required=False)


class ItemRow(RowSchema):
    """One agenda item and where it stands after the session."""

    topic = text(_("Item"))
    status = choice(None, ItemStatus)


@form_for("session")
class SessionSchema(StepSchema):
    """Step 5 (协商会议, Art. 34); its number, time, place and attendance are optional
    (the printed minutes and sign-in sheet show them)."""

    session_number = whole(_("Session number"), low=1, high=1000, required=False)
    starts_at = clock_time(_("Starts at (HH:MM)"))
    ends_at = clock_time(_("Ends at (HH:MM)"))
    place = text(required=False, max_len=100)
    attended = picks(None, "representatives", 200)
    chaired_by = choice(None, Side)
    recorder = text(_("Recorder (neutral, not a representative)"), max_len=50)
    items = rows(None, ItemRow, 10)
    minutes = text(long=True, required=False)
    minutes_signed = flag()


@form_for("suspension")
class SuspensionSchema(StepSchema):
    """Step 5a (Art. 35): suspended by agreement."""

    resume_on = day()
    topics = lines(None, 5)


@form_for("dispute")
class DisputeSchema(StepSchema):
    """Step 5b (Arts. 49-52): the labour bureau accepts an application."""

    bureau = text()
    accepted_on = day()
    issues = text(long=True)


@form_for("dispute-extension")
class DisputeExtensionSchema(StepSchema):
    """Step 5b (Art. 53): the bureau extends its handling once."""

    reason = text(long=True)


@form_for("dispute-resolution")
class DisputeResolutionSchema(StepSchema):
    """Step 5b (Art. 53): the bureau's handling concludes."""

    outcome = text(long=True)


@form_for("draft")
class DraftSchema(StepSchema):
    """Step 6: the draft's text and key terms, signed by both chiefs."""

    text = words(long=True)
    wage_increase_pct = decimal(_("Wage increase (%)"), low=0, high=100)
    average_wage_last_year = whole(_("Last year's average monthly wage (yuan)"), low=0,
                                   high=1_000_000, required=False)
    minimum_wage = whole(_("Minimum wage (yuan per month)"), low=0, high=1_000_000,
                         required=False)
    weekly_hours = decimal(_("Weekly working hours"), low=0, high=84)
    summary = words(long=True, required=False, max_len=2000)
    signed_by_chiefs = flag()
    confirm_warnings = confirmation()

    @post_load
    def key_terms(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """The key terms given, as one mapping (blank ones left out)."""
        terms = {k: data.pop(k) for k in KEY_TERMS}
        return {**data, "key_terms": {k: v for k, v in terms.items()
                                      if v is not None and v != ""}}


@form_for("ratification")
class RatificationSchema(StepSchema):
    """Step 7 (Art. 36): the vote, recorded whether or not it passes."""

    body = choice(None, RatifyingBody)
    members = whole(_("Members (all)"), low=1, high=1_000_000)
    present = whole(low=0, high=1_000_000)
    votes_for = whole(low=0, high=1_000_000)
    votes_against = whole(low=0, high=1_000_000, required=False)
    abstaining = whole(low=0, high=1_000_000, required=False)
    confirm_warnings = confirmation()
