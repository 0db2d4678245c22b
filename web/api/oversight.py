"""Across cases: deadlines due, the audit log and statistics (same rules as the screens)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from marshmallow import Schema, fields, validate, validates_schema
from marshmallow import ValidationError as Invalid

from domain import clock
from domain.labels import LABELS
from projections.queries import audit_entries, open_deadlines, statistics
from web.accounts.store import Account
from web.api import schemas as s
from web.api.auth import authenticate, caller
from web.api.base import Blueprint, forbidden
from web.composition import read_models
from web.forms.bounds import WHOLE_ERRORS, Whole, query_day
from web.forms.clean_text import Text
from web.usecases.access import carries_cases, oversees, visible_scopes
from web.usecases.filters import audit_filter

bp = Blueprint("api_oversight", __name__, description="Deadlines, audit log and statistics")
bp.before_request(authenticate)


class DueArgs(s.PageArgs):
    """How far ahead to look, and which page."""

    days = Whole(load_default=7, validate=validate.Range(0, 366, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)


class DueRowSchema(s.DeadlineSchema):
    """An open deadline of one of the caller's cases."""

    case_id = fields.UUID(required=True)
    enterprise = fields.String(required=True)


class DueListSchema(s.PageSchema):
    """Deadlines due soon or overdue, soonest first (at most 500 in all)."""

    items = fields.List(fields.Nested(DueRowSchema), required=True)


class AuditArgs(s.PageArgs):
    """Filters of the audit log (days are China dates, both ends included)."""

    actor = Text(validate=validate.Length(max=40, error="length:{max}"))
    case = fields.UUID()
    event = Text(validate=validate.OneOf(sorted(LABELS["event"]), error="invalid_choice"))
    since = query_day()
    until = query_day()

    @validates_schema
    def in_order(self, data: dict[str, Any], **_kwargs: Any) -> None:
        """The end of the range may not come before its start."""
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            raise Invalid("until_before_since", "until")


class AuditRowSchema(Schema):
    """Who recorded what, and when."""

    notification_id = fields.Integer(required=True)
    case_id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    event_type = fields.String(required=True)
    actor_id = fields.String(required=True)
    actor_name = fields.String(required=True)
    recorded_at = fields.DateTime(required=True)
    occurred_on = fields.Date(required=True)
    summary = fields.String(required=True)
    case_number = fields.String(required=True, allow_none=True)
    enterprise = fields.String(required=True, allow_none=True)


class AuditPageSchema(s.PageSchema):
    """A page of the audit log, newest first."""

    items = fields.List(fields.Nested(AuditRowSchema), required=True)


class StatisticsSchema(Schema):
    """Counts of the cases in scope and the coverage of contracts in force."""

    by_stage = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    by_town = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    by_month = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    median_days_in_stage = fields.Dict(keys=fields.String(), values=fields.Float(),
                                       required=True)
    contracts_in_force = fields.Integer(required=True)
    workers_covered = fields.Integer(required=True)
    women_covered = fields.Integer(required=True)


def _overseer() -> Account:
    account = caller()
    if not oversees(account):
        raise forbidden(_("Only supervisors and admins read this."))
    return account



@bp.route("/deadlines", methods=["GET"])
@bp.arguments(DueArgs, location="query")
@bp.response(200, DueListSchema)
def due(args: dict[str, Any]) -> dict[str, Any]:
    """Unmet deadlines due within ``days`` or overdue (a social worker's own cases)."""
    account = caller()
    rows = open_deadlines(read_models(), clock.today(), args["days"],
                          scopes=visible_scopes(account),
                          assigned_id=account.id if carries_cases(account) else None)
    first = (args["page"] - 1) * args["per_page"]
    return {"items": rows[first:first + args["per_page"]], "total": len(rows),
            "page": args["page"], "per_page": args["per_page"]}


@bp.route("/audit", methods=["GET"])
@bp.arguments(AuditArgs, location="query")
@bp.response(200, AuditPageSchema)
def audit(args: dict[str, Any]) -> dict[str, Any]:
    """The audit log of the cases in scope, newest first."""
    account = _overseer()
    since, until = args.get("since"), args.get("until")
    where = audit_filter(account, actor=args.get("actor"),
                         case=str(args["case"]) if args.get("case") else None,
                         event=args.get("event"), since=since, until=until)
    page = audit_entries(read_models(), where, page=args["page"], per_page=args["per_page"])
    return {"items": page.rows, "total": page.total, "page": page.page,
            "per_page": page.per_page}


@bp.route("/statistics", methods=["GET"])
@bp.response(200, StatisticsSchema)
def statistics_now() -> dict[str, Any]:
    """Cases by stage, kind, town and month; median days per stage; coverage."""
    return statistics(read_models(), clock.today(), scopes=visible_scopes(_overseer()))
