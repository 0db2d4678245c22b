"""The social worker's step forms, attachments and printable documents of a case."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from uuid import UUID

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from domain import clock
from domain.case import NegotiationCase
from domain.filing_packet import filing_checklist
from web.forms import handling
from web.forms.registry import BY_SLUG, Step, offered
from web.paper import letters
from web.paper.attachments import download_name, path_of, preview_headers, previewable
from web.paper.pdf import content_disposition
from web.site.users import me
from web.usecases import reading
from web.usecases.access import carries_cases, may_enter
from web.views.cases import visible_case

bp = Blueprint("steps", __name__)
SHA256 = re.compile(r"[0-9a-f]{64}")


def _allowed(step: Step, case: NegotiationCase) -> bool:
    state = case.state
    return may_enter(me(), step.step, state.opened["scope"], state.assigned_to.id)


def step_actions(case: NegotiationCase) -> dict[str, list[Step]]:
    """The steps the case takes now that the logged-in user may record, and the entries
    she may make at any stage (the domain's :func:`available_steps`)."""
    if not current_user.is_authenticated:
        return {"next": [], "always": []}
    usable = [s for s in offered(case.state, me().actor, clock.today()) if _allowed(s, case)]
    return {"next": [s for s in usable if not s.always],
            "always": [s for s in usable if s.always]}


@bp.app_context_processor
def _case_page_helpers() -> dict[str, Any]:
    return {"step_actions": step_actions, "filing_checklist": filing_checklist}


@bp.route("/cases/new", methods=["GET", "POST"])
@login_required
def new_case() -> ResponseReturnValue:
    """Step 0 (接案): social workers open cases in their own region."""
    if not carries_cases(me()):
        abort(403)
    return handling.submit_case() if request.method == "POST" else handling.blank_case()


@bp.route("/cases/<uuid:case_id>/record/<slug>", methods=["GET", "POST"])
@login_required
def record(case_id: UUID, slug: str) -> ResponseReturnValue:
    """A step's form (GET) and its submission (POST)."""
    step = BY_SLUG.get(slug)
    if step is None or step.step.rewrites_history:
        abort(404)
    case = visible_case(case_id)
    if not _allowed(step, case):
        abort(403)
    return handling.submit(step, case) if request.method == "POST" else handling.blank(step, case)


def stored_attachment(case_id: UUID, sha256: str) -> tuple[Any, Path]:
    """The attachment entry of a case the user may see, and its stored file; 404 if the
    case has no such attachment or the file is not kept."""
    case = visible_case(case_id)
    entry = next((e for e in reversed(case.entries) if e.type == "AttachmentAdded"
                  and SHA256.fullmatch(sha256) and e["sha256"] == sha256), None)
    path = path_of(current_app.config["SETTINGS"].instance_path, sha256)
    if entry is None or not path.is_file():
        abort(404)
    return entry, path


@bp.get("/cases/<uuid:case_id>/attachments/<sha256>")
@login_required
def attachment(case_id: UUID, sha256: str) -> ResponseReturnValue:
    """Download a file attached to a case the user may see."""
    entry, path = stored_attachment(case_id, sha256)
    return send_file(path, mimetype=entry["media_type"], as_attachment=True,
                     download_name=download_name(entry["filename"]))


@bp.get("/cases/<uuid:case_id>/attachments/<sha256>/preview")
@login_required
def attachment_preview(case_id: UUID, sha256: str) -> ResponseReturnValue:
    """An attached PDF, JPEG or PNG shown in the page (``inline``), with the download's
    access; any other file, or one whose bytes are not of its type, is 404."""
    entry, path = stored_attachment(case_id, sha256)
    if not previewable(path, entry["media_type"]):
        abort(404)
    response = send_file(path, mimetype=entry["media_type"])
    name = download_name(entry["filename"])
    response.headers.update(preview_headers(entry["media_type"]))
    response.headers["Content-Disposition"] = content_disposition(name, name)
    return response


def printed(case_id: UUID, version: int, kind: str) -> tuple[NegotiationCase, Any, Any]:
    """The visible case, itself at ``version``, and its entry of ``kind`` there; 404 if the
    user may not see the case or that version is no such entry."""
    case = visible_case(case_id)
    entry = letters.entry_of(case, version, kind)
    then = reading.at_version(case, version) if entry is not None else None
    if then is None:
        abort(404)
    return case, then, entry


@bp.get("/cases/<uuid:case_id>/print/offer/<int:version>")
@login_required
def print_offer(case_id: UUID, version: int) -> ResponseReturnValue:
    """The offer letter (要约书), ready to print."""
    case, then, offer = printed(case_id, version, "OfferSent")
    return render_template("print/offer.html", **letters.offer_letter(case, then, offer))


@bp.get("/cases/<uuid:case_id>/print/minutes/<int:version>")
@login_required
def print_minutes(case_id: UUID, version: int) -> ResponseReturnValue:
    """A session's minutes (协商会议记录), ready to print."""
    case, then, session = printed(case_id, version, "SessionHeld")
    return render_template("print/minutes.html", **letters.minutes(case, then, session))
