"""The dashboard, the case list and a case's own page (which reads the aggregate)."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.engine import Engine

from domain import clock
from domain.case import NegotiationCase
from domain.deadlines import deadlines
from domain.stages import Stage
from projections.base import engine_of
from projections.queries import CaseFilter, list_cases, open_deadlines
from web.access import visible_scopes
from web.case_list import case_filter, case_list_options
from web.case_reads import CaseHidden, readable_case
from web.users import me

bp = Blueprint("cases", __name__)


def _engine() -> Engine:
    return engine_of(current_app.extensions["negotiations"])


def visible_case(case_id: UUID) -> NegotiationCase:
    """The case as it is now, if the logged-in account may see it now; 404 otherwise (no
    hint it exists). Every screen of one case starts here."""
    try:
        return readable_case(me(), case_id)
    except CaseHidden:
        abort(404)


@bp.get("/")
@login_required
def index() -> ResponseReturnValue:
    """Dashboard: my cases, deadlines due this week and overdue ones."""
    account, today = me(), clock.today()
    mine = list_cases(_engine(), CaseFilter(assigned_id=account.id, today=today), per_page=20)
    due = open_deadlines(_engine(), today, 7, scopes=visible_scopes(account),
                         assigned_id=account.id if account.role == "social_worker" else None)
    return render_template("index.html", mine=mine, due=due, today=today)


@bp.get("/cases")
@login_required
def case_list() -> ResponseReturnValue:
    """Every visible case, with filters and pages."""
    args, account = request.args, me()
    where = case_filter(account, args)
    page = list_cases(_engine(), where, page=args.get("page", 1, type=int))
    return render_template("case_list.html", page=page, args=args, stages=list(Stage),
                           options=case_list_options(_engine(), account, where.today))


@bp.get("/cases/<uuid:case_id>")
@login_required
def case_page(case_id: UUID) -> ResponseReturnValue:
    """One case: where it stands, its deadlines and its timeline."""
    case = visible_case(case_id)
    return render_template("case.html", case=case, deadlines=deadlines(case.state),
                           today=clock.today(), stages=list(Stage))
