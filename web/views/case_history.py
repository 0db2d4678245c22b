"""One case's past: its full history with what changed, the case as it stood on a date,
and the supervisor's sign-off of pending requests."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import func, select

from domain import clock
from domain.deadlines import deadlines
from domain.entries import as_recorded
from domain.errors import CaseConflict, RuleBroken
from domain.history import changes_by_version, flatten
from domain.stages import Stage
from projections.base import engine_of
from projections.tables import audit_log
from web.forms.bounds import query_date
from web.forms.clean_text import text_error
from web.forms.errors import breach_texts, error_text
from web.site.users import me
from web.usecases import reading
from web.usecases.access import may_sign_off, oversees, visible_scopes
from web.usecases.read_your_writes import remember
from web.usecases.recording import decide_sign_off
from web.views.cases import visible_case
from web.words.history import change_name, change_values, show_value, shown_facts, state_names
from web.words.i18n import lang

bp = Blueprint("case_history", __name__)
AS_OF_VIEWS = ("happened", "recorded")


@bp.app_context_processor
def _helpers() -> dict[str, Any]:
    return {"change_name": change_name, "change_values": change_values,
            "shown_facts": shown_facts, "show_value": show_value}


@bp.get("/cases/<uuid:case_id>/history")
@login_required
def history(case_id: UUID) -> ResponseReturnValue:
    """Every entry as first recorded: who, when, the facts, corrections, what changed."""
    case = visible_case(case_id)
    records = case.records
    return render_template("supervisor/history.html", case=case,
                           entries=list(reversed(as_recorded(records))),
                           changes=changes_by_version(records))


@bp.get("/cases/<uuid:case_id>/as-of")
@login_required
def as_of(case_id: UUID) -> ResponseReturnValue:
    """The case as of the end of a chosen day, both ways: what had happened by then
    (business dates, ``view=happened``, the default) or what had been recorded by then
    (China time, ``view=recorded``)."""
    current = visible_case(case_id)
    text = request.args.get("date", "").strip()
    view = request.args.get("view", "happened")
    context: dict[str, Any] = {"case": current, "text": text, "error": None, "then": None,
                               "day": None, "stages": list(Stage), "view": view,
                               "first_recorded": current.entries[0].recorded_at}
    if view not in AS_OF_VIEWS:
        context.update(view="happened", error=_("Choose one of the two views."))
        return render_template("supervisor/as_of.html", **context), 400
    if not text:
        return render_template("supervisor/as_of.html", **context)
    try:
        day = query_date(text)
    except ValueError as error:
        context["error"] = error_text(str(error))
        return render_template("supervisor/as_of.html", **context), 400
    then = (reading.happened_by(current, day) if view == "happened"
            else reading.as_of(current, day))
    context.update(day=day, then=then)
    if then is not None:
        context.update(deadlines=deadlines(then.state), fields=flatten(then.state),
                       names=state_names())
    return render_template("supervisor/as_of.html", **context)


def _sign_off_page(case_id: UUID, status: int = 200, **context: Any) -> ResponseReturnValue:
    case = visible_case(case_id)
    state = case.state
    pending = [pair.start for pair in state.sign_offs if pair.end is None]
    decided = [pair for pair in state.sign_offs if pair.end is not None]
    allowed = may_sign_off(me(), state.opened["scope"])
    context.setdefault("form", {})
    context.setdefault("errors", [])
    return render_template("supervisor/sign_off.html", case=case, pending=pending,
                           decided=decided, allowed=allowed, **context), status


@bp.get("/sign-offs")
@login_required
def queue() -> ResponseReturnValue:
    """Cases in the supervisor's scope with sign-off requests still pending."""
    account = me()
    if not oversees(account):
        abort(403)
    a = audit_log.c
    query = (select(a.case_id).where(a.event_type == "SignOffRequested")
             .group_by(a.case_id).order_by(func.max(a.notification_id).desc()).limit(200))
    if (scopes := visible_scopes(account)) is not None:
        query = query.where(a.scope.in_(list(scopes)))
    negotiations = current_app.extensions["negotiations"]
    with engine_of(negotiations).connect() as connection:
        case_ids = list(connection.execute(query).scalars())
    waiting = []
    for case_id in case_ids:
        try:
            case = reading.readable_case(account, UUID(case_id))
        except reading.CaseHidden:
            continue
        pending = [pair.start for pair in case.state.sign_offs if pair.end is None]
        if pending:
            waiting.append((case, pending))
    return render_template("supervisor/queue.html", waiting=waiting)


@bp.get("/cases/<uuid:case_id>/sign-off")
@login_required
def sign_off(case_id: UUID) -> ResponseReturnValue:
    """Sign-off requests on the case; supervisors of its scope decide pending ones."""
    return _sign_off_page(case_id)


def _number(name: str) -> int:
    value = request.form.get(name, type=int)
    if value is None:
        abort(400)
    return value


@bp.post("/cases/<uuid:case_id>/sign-off")
@login_required
def decide(case_id: UUID) -> ResponseReturnValue:
    """Give (optional note) or refuse (reason required) one pending request."""
    case = visible_case(case_id)
    account = me()
    state = case.state
    if not may_sign_off(account, state.opened["scope"]):
        abort(403)
    decision = request.form.get("decision")
    if decision not in ("give", "refuse"):
        abort(400)
    request_version, expected = _number("request_version"), _number("expected_version")
    form = {"request_version": request_version, "decision": decision,
            "note": request.form.get("note", "").strip()[:2000],
            "reason": request.form.get("reason", "").strip()[:2000]}
    labels = {"note": _("Note (optional)"), "reason": _("Reason for refusing")}
    refused = [message for name, label in labels.items()
               if (message := text_error(str(form[name]), label, multiline=True))]
    if refused:
        return _sign_off_page(case_id, 400, form=form, errors=refused)
    try:
        recorded = decide_sign_off(
            current_app.extensions["negotiations"], account, case, decision=decision,
            request_version=request_version, expected_version=expected,
            occurred_on=clock.today(), note=str(form["note"]), reason=str(form["reason"]))
    except CaseConflict as conflict:
        return _sign_off_page(case_id, 409, form=form, errors=[conflict.message(lang())])
    except RuleBroken as broken:
        return _sign_off_page(case_id, 422, form=form,
                              errors=breach_texts(broken.breaches, labels))
    remember(recorded)
    flash(_("Signed off.") if decision == "give" else _("Sign-off refused."))
    return redirect(url_for("cases.case_page", case_id=case_id))
