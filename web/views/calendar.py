"""A social worker's private iCalendar feed of her cases' deadlines."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from icalendar import Calendar, Event

from domain import clock
from domain.labels import label
from projections.queries import open_deadlines
from web.accounts.calendar_feeds import CalendarFeeds
from web.composition import read_models
from web.site.users import me
from web.usecases.access import carries_cases

bp = Blueprint("calendar", __name__)
HORIZON_DAYS = 3 * 366


def _feeds() -> CalendarFeeds:
    feeds = current_app.extensions.get("calendar_feeds")
    if feeds is None:
        feeds = CalendarFeeds(read_models())
        current_app.extensions["calendar_feeds"] = feeds
    return feeds


def _social_worker_only() -> str:
    account = me()
    if not carries_cases(account):
        abort(403)
    return account.id


@bp.get("/account/calendar")
@login_required
def calendar_page() -> ResponseReturnValue:
    """Whether the worker has a calendar URL, with buttons to make a new one or revoke it."""
    account_id = _social_worker_only()
    return render_template("calendar.html", url=None, active=_feeds().has_feed(account_id))


@bp.post("/account/calendar")
@login_required
def new_calendar() -> ResponseReturnValue:
    """Make a new secret URL (shown once); the old one stops working."""
    token = _feeds().issue(_social_worker_only())
    url = url_for("calendar.feed", token=token, _external=True)
    return render_template("calendar.html", url=url, active=True)


@bp.post("/account/calendar/revoke")
@login_required
def revoke_calendar() -> ResponseReturnValue:
    """Stop the worker's calendar URL from working."""
    _feeds().revoke(_social_worker_only())
    return render_template("calendar.html", url=None, active=False)


@bp.get("/calendar/<token>.ics")
def feed(token: str) -> ResponseReturnValue:
    """The deadlines of the worker's open cases, as all-day events (no login: the URL is
    the secret). An unknown or revoked token, or one of an account that is no longer an
    active social worker, is not found."""
    account_id = _feeds().account_for(token[:100])
    account = current_app.extensions["accounts"].get(account_id) if account_id else None
    if account is None or not account.active or not carries_cases(account):
        abort(404)
    today = clock.today()
    calendar = Calendar()
    calendar.add("prodid", "-//Xieshang//协商//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Xieshang deadlines"))
    stamp = datetime.now(tz=UTC)
    engine = read_models()
    for row in open_deadlines(engine, today, HORIZON_DAYS, assigned_id=account.id):
        event = Event()
        event.add("uid", f"{row['case_id']}-{row['kind']}-{row['source_version']}@xieshang")
        event.add("dtstamp", stamp)
        event.add("dtstart", row["due_on"])
        event.add("summary", f"{label('deadline', row['kind'])} · {row['enterprise']}")
        event.add("url", url_for("cases.case_page", case_id=row["case_id"], _external=True))
        calendar.add_component(event)
    return Response(calendar.to_ical(), mimetype="text/calendar",
                    headers={"Cache-Control": "private, no-store"})
