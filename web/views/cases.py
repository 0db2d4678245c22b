"""The dashboard, the case list and a case's own page (which reads the aggregate)."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required

from domain import clock
from domain.case import NegotiationCase
from domain.deadlines import deadlines
from domain.stages import Stage
from projections.queries import CaseFilter, list_cases, open_deadlines
from web.composition import read_models
from web.site.users import me
from web.usecases.access import carries_cases, visible_scopes
from web.usecases.case_list import case_filter, case_list_options
from web.usecases.reading import CaseHidden, readable_case

bp = Blueprint("cases", __name__)



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
    mine = list_cases(read_models(), CaseFilter(assigned_id=account.id, today=today), per_page=20)
    due = open_deadlines(read_models(), today, 7, scopes=visible_scopes(account),
                         assigned_id=account.id if carries_cases(account) else None)
    return render_template("index.html", mine=mine, due=due, today=today)


@bp.get("/cases")
@login_required
def case_list() -> ResponseReturnValue:
    """Every visible case, with filters and pages."""
    args, account = request.args, me()
    where = case_filter(account, args)
    page = list_cases(read_models(), where, page=args.get("page", 1, type=int))
    return render_template("case_list.html", page=page, args=args, stages=list(Stage),
                           options=case_list_options(read_models(), account, where.today))


@bp.get("/cases/<uuid:case_id>")
@login_required
def case_page(case_id: UUID) -> ResponseReturnValue:
    """One case: where it stands, its deadlines and its timeline."""
    case = visible_case(case_id)
    return render_template("case.html", case=case, deadlines=deadlines(case.state),
                           today=clock.today(), stages=list(Stage))
