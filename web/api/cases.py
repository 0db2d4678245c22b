"""Cases through the API: list and search, open, read now or as of a date, history, deadlines."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from flask import current_app
from flask_babel import gettext as _
from marshmallow import Schema, fields, validate

from config import profiles
from domain import clock
from domain.case import NegotiationCase
from domain.deadlines import deadlines
from domain.entries import as_recorded
from domain.values import Role
from projections.base import engine_of
from projections.queries import CaseFilter, list_cases
from web import case_reads
from web.access import may_enter, visible_scopes
from web.accounts.store import Account
from web.api import schemas as s
from web.api.auth import authenticate, caller
from web.api.base import Blueprint, forbidden, not_found, strict, visible
from web.api.problems import Problem
from web.api.recording import recorded_or_problem
from web.api.representation import case_row, case_view, deadline_view, entry_view
from web.forms.bounds import WHOLE_ERRORS, Whole, query_day
from web.forms.preparation import OpenCaseSchema
from web.forms.registry import STEPS

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
    """Steps that fit the case next and that ``account`` may record."""
    state = case.state
    return [step.slug for step in STEPS if step.fits(state)
            and may_enter(account, step.annotate, state.opened["scope"], state.assigned_to.id)]


@bp.route("/cases", methods=["GET"])
@bp.arguments(s.CaseListArgs, location="query", as_kwargs=True)
@bp.response(200, s.CasePageSchema)
def case_list(page: int, per_page: int, q: str, overdue: bool,
              **filters: Any) -> dict[str, Any]:
    """The cases the caller may see, filtered, most recently updated first."""
    account, today = caller(), clock.today()
    where = CaseFilter(scopes=visible_scopes(account), stage=filters.get("stage"),
                       kind=filters.get("kind"), town=filters.get("town"), text=q,
                       assigned_id=filters.get("worker"), overdue=overdue, today=today)
    found = list_cases(engine_of(current_app.extensions["negotiations"]), where, page=page,
                       per_page=per_page)
    return {"items": [case_row(r, today) for r in found.rows], "total": found.total,
            "page": found.page, "per_page": found.per_page}


@bp.route("/cases", methods=["POST"])
@bp.arguments(strict(OpenCaseRequest))
@bp.response(201, s.RecordedSchema)
def open_case(data: dict[str, Any]) -> Any:
    """Step 0 (接案): a social worker opens a case in her region."""
    account = caller()
    if account.role is not Role.SOCIAL_WORKER:
        raise forbidden(_("Only social workers open cases."))
    negotiations = current_app.extensions["negotiations"]
    return recorded_or_problem(lambda: negotiations.open_case(
        by=account.actor, occurred_on=data["occurred_on"], enterprise=data["enterprise"],
        contract_kind=data["contract_kind"], assigned_to=account.actor,
        profile=profiles.load(current_app.config["SETTINGS"].jurisdiction),
        scope=account.scope, case_id=data["case_token"] or uuid4()))


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
        then = case_reads.at_version(case, version)
    elif day is not None:
        then = case_reads.as_of(case, day)
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
