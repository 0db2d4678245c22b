"""Public notices of contracts in force (集体合同公示): search, notice, print, Atom, JSON."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from uuid import UUID

from feedgen.feed import FeedGenerator
from flask import (
    Blueprint,
    Response,
    abort,
    jsonify,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.engine import RowMapping

from domain import clock
from domain.clock import CHINA
from domain.labels import label
from projections.queries import Page, get_notice, search_notices
from web.composition import read_models
from web.usecases.notices import STATUSES, as_public, read_search

bp = Blueprint("public", __name__)
FEED_SIZE = 50



def _search() -> tuple[dict[str, Any], dict[str, list[str]], Page]:
    values, errors = read_search(request.args.to_dict())
    page = search_notices(read_models(), clock.today(), text=values["q"], town=values["town"],
                          kind=values["kind"], status=values["status"], year=values["year"],
                          page=values["page"])
    return values, errors, page


@bp.get("/notices")
def search() -> ResponseReturnValue:
    """The public search page (no login)."""
    values, errors, page = _search()
    return render_template("public/search.html", values=values, errors=errors, page=page,
                           statuses=STATUSES), 400 if errors else 200


@bp.get("/notices.json")
def search_json() -> ResponseReturnValue:
    """The same search as JSON, paginated."""
    _values, errors, page = _search()
    if errors:
        problem = {"type": "about:blank", "title": _("Invalid search"), "status": 400,
                   "errors": errors}
        return Response(jsonify(problem).get_data(), 400, mimetype="application/problem+json")
    return jsonify(items=[as_public(r) for r in page.rows], total=page.total,
                   page=page.page, per_page=page.per_page)


def _notice(case_id: str) -> RowMapping:
    row = get_notice(read_models(), case_id, clock.today())
    if row is None:
        abort(404)
    return row


@bp.get("/notices/<uuid:case_id>")
def notice(case_id: UUID) -> ResponseReturnValue:
    """One notice, exactly the public fields."""
    return render_template("public/notice.html", n=_notice(str(case_id)), printable=False)


@bp.get("/notices/<uuid:case_id>/print")
def notice_print(case_id: UUID) -> ResponseReturnValue:
    """The notice laid out for printing and posting."""
    return render_template("public/notice.html", n=_notice(str(case_id)), printable=True)


@bp.get("/notices/<uuid:case_id>.json")
def notice_json(case_id: UUID) -> ResponseReturnValue:
    """One notice as JSON."""
    return jsonify(as_public(_notice(str(case_id))))


@bp.get("/notices/feed.atom")
def feed() -> ResponseReturnValue:
    """An Atom feed of the newest published notices."""
    page = search_notices(read_models(), clock.today(), per_page=FEED_SIZE)
    generator = FeedGenerator()
    generator.id(url_for("public.search", _external=True))
    generator.title(_("Collective contract notices"))
    generator.link(href=url_for("public.feed", _external=True), rel="self")
    generator.link(href=url_for("public.search", _external=True), rel="alternate")
    generator.language("zh-CN")
    newest = max((r["published_on"] for r in page.rows), default=clock.today())
    generator.updated(datetime.combine(newest, time(), tzinfo=CHINA))
    for row in reversed(page.rows):
        entry = generator.add_entry()
        link = url_for("public.notice", case_id=row["case_id"], _external=True)
        entry.id(link)
        entry.link(href=link)
        entry.title(f"{row['enterprise']} · {label('kind', row['contract_kind'])}")
        entry.updated(datetime.combine(row["published_on"], time(), tzinfo=CHINA).astimezone(UTC))
        entry.summary(f"{row['town']} · {row['term_start']} – {row['term_end']} · "
                      f"{row['workers_covered']}")
    return Response(generator.atom_str(pretty=True), mimetype="application/atom+xml")
