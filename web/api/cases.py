"""Cases through the API: list and search, open, read now or as of a date, history, deadlines."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from flask import current_app
from flask_babel import gettext as _
from marshmallow import Schema, fields, validate

from domain import clock
from domain.case import NegotiationCase
from domain.deadlines import deadlines
from domain.entries import as_recorded
from domain.procedure.registry import available_steps
from projections.queries import list_cases
from web.accounts.store import Account
from web.api import schemas as s
from web.api.auth import authenticate, caller
from web.api.base import Blueprint, forbidden, not_found, strict, visible
from web.api.problems import Problem
from web.api.recording import recorded_or_problem
from web.api.representation import case_row, case_view, deadline_view, entry_view
from web.composition import read_models
from web.forms.bounds import WHOLE_ERRORS, Whole, query_day
from web.forms.preparation import OpenCaseSchema
from web.usecases import reading, recording
from web.usecases.access import carries_cases, may_enter
from web.usecases.filters import cases_filter

bp = Blueprint("api_cases", __name__, description="Cases: list, open, read, history, deadlines")
bp.before_request(authenticate)


class OpenCaseRequest(OpenCaseSchema):
    """Step 0: open a case for the enterprise (``case_token`` makes a retry harmless)."""

    case_token = fields.UUID(load_default=None, metadata={
        "description": "Optional idempotency key: the new case's id"})


class CaseArgs(Schema):
    """Which moment of the case to read: at most one of the two (both at once: 422). Who
    may read it is judged on the case as it is now, whatever moment is asked for."""

    as_of = query_day(metadata={"description": "The case as it stood at the end of this day "
                                               "(China time), 1949-10-01 to 2100-12-31"})
    version = Whole(validate=validate.Range(1, 1_000_000, error="range:{min}:{max}"),
                    error_messages=WHOLE_ERRORS, metadata={
        "description": "The case as it was at this version (404 past its newest)"})


class DeadlineListSchema(Schema):
    """A case's deadlines."""

    items = fields.List(fields.Nested(s.DeadlineSchema), required=True)


def next_steps(account: Account, case: NegotiationCase) -> list[str]:
    """The names of the steps the case accepts now that ``account`` may record (each is
    posted to ``/cases/{id}/steps/{name}``; the sign-off decisions to
    ``/cases/{id}/sign-off-decisions``)."""
    state = case.state
    return [step.name for step in available_steps(state, account.actor, clock.today())
            if may_enter(account, step, state.opened["scope"], state.assigned_to.id)]


@bp.route("/cases", methods=["GET"])
@bp.arguments(s.CaseListArgs, location="query", as_kwargs=True)
@bp.response(200, s.CasePageSchema)
def case_list(page: int, per_page: int, q: str, overdue: bool,
              **filters: Any) -> dict[str, Any]:
    """The cases the caller may see, filtered, most recently updated first."""
    account, today = caller(), clock.today()
    where = cases_filter(account, today, stage=filters.get("stage"), kind=filters.get("kind"),
                         town=filters.get("town"), text=q, worker=filters.get("worker"),
                         overdue=overdue)
    found = list_cases(read_models(), where, page=page,
                       per_page=per_page)
    return {"items": [case_row(r, today) for r in found.rows], "total": found.total,
            "page": found.page, "per_page": found.per_page}


@bp.route("/cases", methods=["POST"])
@bp.arguments(strict(OpenCaseRequest))
@bp.response(201, s.RecordedSchema)
def open_case(data: dict[str, Any]) -> Any:
    """Step 0 (接案): a social worker opens a case in her region."""
    account = caller()
    if not carries_cases(account):
        raise forbidden(_("Only social workers open cases."))
    return recorded_or_problem(lambda: recording.open_case(
        current_app.extensions["negotiations"], current_app.config["SETTINGS"], account,
        occurred_on=data["occurred_on"], enterprise=data["enterprise"],
        contract_kind=data["contract_kind"], case_id=data["case_token"] or uuid4()))


def _two_moments() -> Problem:
    return Problem(422, "invalid-input", _("The request has invalid fields."),
                   _("Ask for the case at a version or as of a day, not both."),
                   errors={"as_of": [_("Leave this out when asking for a version.")]})


@bp.route("/cases/<uuid:case_id>", methods=["GET"])
@bp.arguments(CaseArgs, location="query")
@bp.response(200, s.CaseSchema)
def read_case(args: dict[str, Any], case_id: UUID) -> dict[str, Any]:
    """The case now, at a version, or as it stood at the end of a day (not both: 422)."""
    version, day = args.get("version"), args.get("as_of")
    if version is not None and day is not None:
        raise _two_moments()
    account = caller()
    case = visible(account, case_id)
    if version is not None:
        then = reading.at_version(case, version)
    elif day is not None:
        then = reading.as_of(case, day)
    else:
        return case_view(case, clock.today(), next_steps(account, case))
    if then is None:
        raise not_found()
    return case_view(then, day or clock.today(), [], day)


@bp.route("/cases/<uuid:case_id>/history", methods=["GET"])
@bp.response(200, s.HistorySchema)
def history(case_id: UUID) -> dict[str, Any]:
    """Every entry as first recorded, each naming the corrections made to it."""
    case = visible(caller(), case_id)
    return {"case_id": case.id, "entries": [entry_view(e) for e in as_recorded(case.records)]}


@bp.route("/cases/<uuid:case_id>/deadlines", methods=["GET"])
@bp.response(200, DeadlineListSchema)
def case_deadlines(case_id: UUID) -> dict[str, Any]:
    """The case's deadlines with their status today."""
    case = visible(caller(), case_id)
    today = clock.today()
    return {"items": [deadline_view(d, today) for d in deadlines(case.state)]}
