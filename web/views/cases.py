"""The dashboard, the case list and a case's own page (which reads the aggregate)."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required

from domain import clock
from domain.case import NegotiationCase
from domain.case_file import case_file, flags
from domain.deadlines import deadlines
from domain.proofs import loose_proofs, proofs_by_entry
from domain.stages import Stage
from projections.queries import (
    CaseFilter,
    case_number,
    list_cases,
    open_deadlines,
    oversight_counts,
)
from web.composition import read_models
from web.forms.restating import correctable
from web.paper.catalog import documents_now
from web.site.users import me
from web.usecases.access import carries_cases, may_correct, oversees, visible_scopes
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
    """Dashboard: my cases (number, stage, next step, next deadline, last activity,
    stalled or not), deadlines due this week and overdue ones; for a supervisor, the
    counts she watches in her scope."""
    account, today = me(), clock.today()
    mine = list_cases(read_models(), CaseFilter(assigned_id=account.id, today=today),
                      page=request.args.get("page", 1, type=int), per_page=50)
    due = open_deadlines(read_models(), today, 7, scopes=visible_scopes(account),
                         assigned_id=account.id if carries_cases(account) else None)
    counts = (oversight_counts(read_models(), today, visible_scopes(account))
              if oversees(account) else None)
    return render_template("index.html", mine=mine, due=due, today=today, counts=counts,
                           page=mine, args=request.args)


@bp.app_template_global("case_number_of")
def case_number_of(case_id: UUID | str) -> str:
    """The case number of ``case_id`` for a page's header (empty until its summary is
    written)."""
    return case_number(read_models(), str(case_id)) or ""


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
    state = case.state
    return render_template("case.html", case=case, deadlines=deadlines(state),
                           today=clock.today(), stages=list(Stage),
                           file=case_file(case.records), flags=flags(state),
                           pending=[p for p in state.sign_offs if p.end is None],
                           documents=documents_now(case), proofs=proofs_by_entry(case.entries),
                           loose=loose_proofs(case.entries),
                           can_correct=may_correct(me(), state), correctable=correctable)
