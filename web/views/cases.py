"""A first look at the cases: the newest cases and one case's page (read from the aggregate).

Lists will read projections once they exist; a single case always reads its aggregate.
"""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, current_app, render_template
from flask.typing import ResponseReturnValue

from domain import clock
from domain.deadlines import deadlines
from domain.errors import CaseNotFound

bp = Blueprint("cases", __name__)
NEWEST = 50


@bp.get("/")
def index() -> ResponseReturnValue:
    """The newest cases opened, newest first."""
    negotiations = current_app.extensions["negotiations"]
    newest = negotiations.recorder.max_notification_id() or 0
    opened = []
    start = max(1, newest - 2000)
    for note in negotiations.recorder.select_notifications(start=start, limit=2001,
                                                           topics=["domain.events:CaseOpened"]):
        opened.append(negotiations.get_case(note.originator_id))
    opened = list(reversed(opened))[:NEWEST]
    return render_template("index.html", cases=opened, notifications=newest)


@bp.get("/cases/<uuid:case_id>")
def case_page(case_id: UUID) -> ResponseReturnValue:
    """One case: where it stands, its deadlines and its timeline."""
    try:
        case = current_app.extensions["negotiations"].get_case(case_id)
    except CaseNotFound:
        abort(404)
    return render_template("case.html", case=case, deadlines=deadlines(case.state),
                           today=clock.today())
