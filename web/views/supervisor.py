"""Supervisors' and admins' screens across cases: the audit log, statistics, exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from domain import clock
from domain.labels import LABELS
from domain.stages import Stage
from projections.choices import audit_actors
from projections.queries import AuditFilter, audit_entries, list_cases, statistics
from web.composition import read_models
from web.forms.bounds import query_date
from web.forms.errors import error_text
from web.paper import charts, spreadsheets
from web.site.users import me
from web.usecases.access import oversees, visible_scopes
from web.usecases.case_list import case_filter
from web.usecases.filters import audit_filter
from web.words.i18n import label

bp = Blueprint("supervisor", __name__)
View = TypeVar("View", bound=Callable[..., Any])


def overseers_only(view: View) -> View:
    """Only supervisors and admins (403 for anyone else who is logged in)."""
    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not oversees(me()):
            abort(403)
        return view(*args, **kwargs)
    return login_required(guarded)  # type: ignore[return-value]



@bp.get("/cases/export.<any(csv, xlsx):fmt>")
@overseers_only
def export_cases(fmt: str) -> ResponseReturnValue:
    """The case list with its current filters, every page, as CSV or XLSX."""
    where = case_filter(me(), request.args)
    rows = spreadsheets.all_rows(lambda n: list_cases(read_models(), where, page=n, per_page=200))
    return spreadsheets.download(fmt, "cases", spreadsheets.case_columns(), rows)


def _day(args: MultiDict[str, str], key: str, errors: dict[str, str]) -> date | None:
    text = args.get(key, "").strip()
    if not text:
        return None
    try:
        return query_date(text)
    except ValueError as error:
        errors[key] = error_text(str(error))
        return None


def audit_query(args: MultiDict[str, str]) -> tuple[AuditFilter, dict[str, str]]:
    """The audit log's filters from the query string (China days), and any form errors."""
    errors: dict[str, str] = {}
    since, until = _day(args, "since", errors), _day(args, "until", errors)
    if since and until and until < since:
        errors["until"] = _("The end date is before the start date.")
    return audit_filter(me(), actor=args.get("actor"), case=args.get("case"),
                        event=args.get("event"), since=since, until=until), errors


@bp.get("/audit")
@overseers_only
def audit() -> ResponseReturnValue:
    """Who recorded what and when, across the cases in scope; newest first."""
    where, errors = audit_query(request.args)
    page = audit_entries(read_models(), where, page=request.args.get("page", 1, type=int),
                         per_page=50)
    people = audit_actors(read_models(), where.scopes)
    return render_template("supervisor/audit.html", page=page, args=request.args,
                           errors=errors, actors=people,
                           events=list(LABELS["event"])), 400 if errors else 200


@bp.get("/audit/export.<any(csv, xlsx):fmt>")
@overseers_only
def export_audit(fmt: str) -> ResponseReturnValue:
    """The audit log with its current filters as CSV or XLSX."""
    where, errors = audit_query(request.args)
    if errors:
        abort(400)
    rows = spreadsheets.all_rows(
        lambda n: audit_entries(read_models(), where, page=n, per_page=200))
    return spreadsheets.download(fmt, "audit", spreadsheets.audit_columns(), rows)


@bp.get("/statistics")
@overseers_only
def statistics_page() -> ResponseReturnValue:
    """Figures for the account's scope (admins: every scope), with charts."""
    figures = statistics(read_models(), clock.today(), visible_scopes(me()))
    by_stage = [(label("stage", s), figures["by_stage"].get(str(s), 0)) for s in Stage
                if str(s) in figures["by_stage"]]
    by_kind = [(label("kind", k), n) for k, n in
               sorted(figures["by_kind"].items(), key=lambda item: -item[1])]
    by_town = sorted(figures["by_town"].items(), key=lambda item: (-item[1], item[0]))
    by_month = sorted(figures["by_month"].items())
    medians = [(label("stage", s), figures["median_days_in_stage"][str(s)]) for s in Stage
               if str(s) in figures["median_days_in_stage"]]
    tables = [(_("Cases by stage"), by_stage, "cases"),
              (_("Cases by contract kind"), by_kind, "cases"),
              (_("Cases by town"), by_town, "cases"),
              (_("Median days in each stage"), medians, "days")]
    return render_template(
        "supervisor/statistics.html", figures=figures, tables=tables,
        charts=[charts.bar_chart(rows, title) for title, rows, _unit in tables],
        months=by_month, month_chart=charts.column_chart(by_month, _("Cases opened by month")))
