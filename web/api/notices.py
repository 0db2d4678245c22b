"""Public notices of contracts in force: no token needed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_babel import gettext as _

from domain import clock
from projections.queries import get_notice, search_notices
from web.api import schemas as s
from web.api.base import Blueprint
from web.api.problems import Problem
from web.api.representation import notice_view
from web.composition import read_models

bp = Blueprint("api_notices", __name__, description="Public notices (no token needed)")


@bp.route("/notices", methods=["GET"])
@bp.arguments(s.NoticeArgs, location="query", as_kwargs=True)
@bp.response(200, s.NoticePageSchema)
@bp.doc(security=[])
def search(page: int, per_page: int, q: str, **filters: Any) -> dict[str, Any]:
    """Notices of contracts that took effect, newest published first."""
    found = search_notices(read_models(), clock.today(),
                           text=q, page=page, per_page=per_page, **filters)
    return {"items": [notice_view(r) for r in found.rows], "total": found.total,
            "page": found.page, "per_page": found.per_page}


@bp.route("/notices/<uuid:case_id>", methods=["GET"])
@bp.response(200, s.NoticeSchema)
@bp.doc(security=[])
def notice(case_id: UUID) -> dict[str, Any]:
    """One notice: exactly the public fields."""
    row = get_notice(read_models(), str(case_id),
                     clock.today())
    if row is None:
        raise Problem(404, "not-found", _("Not found."), _("No contract with this id has "
                                                           "been published."))
    return notice_view(row)
