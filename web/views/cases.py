"""A first look at the cases: lists read projections; a case's page reads its aggregate."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, current_app, render_template
from flask.typing import ResponseReturnValue

from domain import clock
from domain.deadlines import deadlines
from domain.errors import CaseNotFound
from projections.queries import CaseFilter, list_cases

bp = Blueprint("cases", __name__)
NEWEST = 50


@bp.get("/")
def index() -> ResponseReturnValue:
    """The most recently updated cases (from the case-summaries read model)."""
    engine = current_app.extensions["negotiations"].factory.datastore.engine
    page = list_cases(engine, CaseFilter(today=clock.today()), per_page=NEWEST)
    return render_template("index.html", page=page)


@bp.get("/cases/<uuid:case_id>")
def case_page(case_id: UUID) -> ResponseReturnValue:
    """One case: where it stands, its deadlines and its timeline."""
    try:
        case = current_app.extensions["negotiations"].get_case(case_id)
    except CaseNotFound:
        abort(404)
    return render_template("case.html", case=case, deadlines=deadlines(case.state),
                           today=clock.today())
