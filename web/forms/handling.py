"""Showing a step form and handling its submission: validate, record, wait, redirect."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from marshmallow import Schema, ValidationError

from domain import clock
from domain.application import Recorded
from domain.case import NegotiationCase
from domain.case_file import outcome_of
from domain.errors import CaseConflict, RuleBroken
from domain.procedure.step import Outcome
from domain.rules.sanity import CONFIRM_FIELD, WarningsUnconfirmed
from web.forms.confirming import drawn_apart, warning_words
from web.forms.errors import TOP, breach_errors, error_text, flatten, placed
from web.forms.hooks import options
from web.forms.parsing import input_names, loadable, raw_values, widgets
from web.forms.preparation import OpenCaseSchema
from web.forms.registry import Step
from web.paper.attachments import AttachmentRefused, checked
from web.site.users import me
from web.usecases.read_your_writes import remember
from web.usecases.recording import open_case, take_step
from web.words.i18n import lang

NEW_CASE = "new"


def show(title: Any, slug: str, schema: Schema, case: NegotiationCase | None,
         values: dict[str, Any], errors: dict[str, list[str]] | None = None,
         status: int = 200, warnings: list[str] | None = None) -> ResponseReturnValue:
    """The form page, with what the user typed and each error beside its input; with
    ``warnings`` (:mod:`domain.rules.sanity`), they and the box that confirms them (a
    refusal's breaches of that box are its warnings, however the caller caught them)."""
    names = [*input_names(schema), "file"]
    errors = dict(errors or {})
    warnings = warnings or errors.pop(CONFIRM_FIELD, [])
    page = render_template("steps/form.html", title=title, slug=slug, case=case,
                           fields=drawn_apart(widgets(schema)), values=values,
                           errors=placed(errors or {}, names),
                           options=options(case) if case else {}, warnings=warnings or [])
    return page, status


def labels(schema: Schema) -> dict[str, Any]:
    """Each input's label by its name (a refusal of the rules names its field by it)."""
    return {widget.name: widget.label for widget in widgets(schema)}


def blank(step: Step, case: NegotiationCase) -> ResponseReturnValue:
    """A fresh form: today's date and the version the user is looking at."""
    values = {"occurred_on": clock.today().isoformat(), "expected_version": str(case.version)}
    return show(step.title, step.slug, step.schema(), case, values)


def _done(recorded: Recorded, title: Any, outcome: Outcome | None = None) -> ResponseReturnValue:
    """Back to the case: its page reads the case itself, so nothing waits for the lists
    here (see :mod:`web.usecases.read_your_writes`). What the entry came to, where that
    matters (a vote failed, an offer refused), is said at once."""
    remember(recorded)
    said = _("Recorded: %(step)s.", step=title)
    flash(f"{said}{outcome.text(lang())}" if outcome else said)
    return redirect(url_for("cases.case_page", case_id=recorded.case_id))


def submit(step: Step, case: NegotiationCase) -> ResponseReturnValue:
    """Validate the form, record the step, or show the form again saying what is wrong."""
    schema = step.schema()
    values = raw_values(schema, request.form)

    def again(errors: dict[str, list[str]], status: int) -> ResponseReturnValue:
        return show(step.title, step.slug, schema, case, values, errors, status)

    negotiations = current_app.extensions["negotiations"]
    try:
        data = schema.load(loadable(schema, values))
        upload = (checked(request.files.get("file") or request.files.get("photo"))
                  if step.slug == "attachment" else None)
        recorded = take_step(negotiations, current_app.config["SETTINGS"].instance_path,
                             me(), case, step.step, data, upload)
    except ValidationError as error:
        return again(flatten(error.messages), 400)
    except AttachmentRefused as error:
        return again({"file": [error_text(error.code)]}, 400)
    except WarningsUnconfirmed as error:       # shown again: saved once she confirms them
        values[CONFIRM_FIELD] = ""
        return show(step.title, step.slug, schema, case, values, warnings=warning_words(error))
    except RuleBroken as error:
        return again(breach_errors(error.breaches, labels(schema)), 422)
    except CaseConflict as error:
        values["expected_version"] = str(error.actual)
        case = negotiations.get_case(case.id)   # the form's copy may hold the refused entry
        return again({TOP: [error.message(lang())]}, 409)
    latest = case.entries[-1] if case.version == recorded.version else None
    return _done(recorded, step.title, outcome_of(case.state, latest) if latest else None)


def blank_case() -> ResponseReturnValue:
    """The form that opens a case (a fresh token makes a repeated submission harmless)."""
    values = {"occurred_on": clock.today().isoformat(), "case_token": str(uuid4())}
    return show(_("Open a case"), NEW_CASE, OpenCaseSchema(), None, values)


def submit_case() -> ResponseReturnValue:
    """Open a case for the logged-in social worker, in her region."""
    schema = OpenCaseSchema()
    values = raw_values(schema, request.form)
    account = me()
    try:
        data = schema.load(loadable(schema, values))
        recorded = open_case(
            current_app.extensions["negotiations"], current_app.config["SETTINGS"], account,
            occurred_on=data["occurred_on"], enterprise=data["enterprise"],
            contract_kind=data["contract_kind"], case_id=data["case_token"])
    except ValidationError as error:
        errors, status = flatten(error.messages), 400
    except RuleBroken as error:
        errors, status = breach_errors(error.breaches, labels(schema)), 422
    except CaseConflict as error:
        errors, status = {TOP: [error.message(lang())]}, 409
    else:
        return _done(recorded, _("Open a case"))
    return show(_("Open a case"), NEW_CASE, schema, None, values, errors, status)
