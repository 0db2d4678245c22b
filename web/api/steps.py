"""Every step of the procedure and every cross-cutting entry (docs/procedure.md) as its own
documented endpoint."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any
from uuid import UUID

from flask import current_app
from flask_babel import gettext as _
from marshmallow import validate

from web.api import schemas as s
from web.api.auth import authenticate, caller
from web.api.base import Blueprint, forbidden, strict, visible
from web.api.problems import invalid
from web.api.recording import recorded_or_problem
from web.forms.base import StepSchema
from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.clean_text import Text
from web.forms.entries import AttachmentSchema
from web.forms.fields import REQUIRED
from web.forms.registry import STEPS, Step
from web.paper.attachments import AttachmentRefused, Upload, checked_content
from web.usecases import recording
from web.usecases.access import may_enter, may_sign_off

bp = Blueprint("api_steps", __name__, description="Recording the steps of a case")
bp.before_request(authenticate)
STEP_PATH = "/cases/<uuid:case_id>/steps/"


class AttachmentRequest(AttachmentSchema):
    """An attachment: the file's name and its bytes in base64 (at most 10 MB)."""

    filename = Text(required=True, validate=validate.Length(1, 200, error="length:{max}"),
                    error_messages={**REQUIRED, "invalid": "invalid_text"})
    content_base64 = Text(required=True,
                          validate=validate.Length(1, 14_000_000, error="invalid_base64"),
                          error_messages={**REQUIRED, "invalid": "invalid_base64"})


class SignOffDecision(StepSchema):
    """A supervisor gives or refuses a pending sign-off request."""

    request_version = Whole(required=True, error_messages={**REQUIRED, **WHOLE_ERRORS},
                            validate=validate.Range(1, 1_000_000, error="range:{min}:{max}"))
    decision = Text(required=True, error_messages=REQUIRED,
                    validate=validate.OneOf(["give", "refuse"], error="invalid_choice"))
    note = Text(multiline=True, load_default="",
                validate=validate.Length(max=2000, error="length:{max}"))
    reason = Text(multiline=True, load_default="",
                  validate=validate.Length(max=2000, error="length:{max}"))


def _upload(data: dict[str, Any]) -> Upload:
    """The attachment's file, from its name and its bytes in base64 (taken out of ``data``)."""
    try:
        content = base64.b64decode(data.pop("content_base64"), validate=True)
    except ValueError:
        raise invalid({"content_base64": ["invalid_base64"]}) from None
    try:
        return checked_content(data.pop("filename"), content)
    except AttachmentRefused as error:
        raise invalid({"content_base64": [error.code]}) from None


def _recorder(step: Step) -> Callable[..., Any]:
    def record(data: dict[str, Any], case_id: UUID) -> Any:
        account = caller()
        case = visible(account, case_id)
        state = case.state
        if not may_enter(account, step.step, state.opened["scope"], state.assigned_to.id):
            raise forbidden(_("You may not record this step on this case."))

        def command() -> Any:
            upload = _upload(data) if step.slug == "attachment" else None
            return recording.take_step(current_app.extensions["negotiations"],
                                       current_app.config["SETTINGS"].instance_path, account,
                                       case, step.step, data, upload)
        return recorded_or_problem(command)

    record.__name__ = "record_" + step.slug.replace("-", "_")
    record.__doc__ = f"{step.step.label[1]}\n\n{(step.schema.__doc__ or '').strip()}"
    return record


def _register(step: Step) -> None:
    schema = AttachmentRequest if step.slug == "attachment" else step.schema
    view = _recorder(step)
    view = bp.response(201, s.RecordedSchema)(view)
    view = bp.arguments(strict(schema))(view)
    bp.route(STEP_PATH + step.slug, methods=["POST"], endpoint=view.__name__)(view)


for _step in STEPS:
    _register(_step)


@bp.route("/cases/<uuid:case_id>/sign-off-decisions", methods=["POST"])
@bp.arguments(strict(SignOffDecision))
@bp.response(201, s.RecordedSchema)
def decide_sign_off(data: dict[str, Any], case_id: UUID) -> Any:
    """A supervisor of the case's region gives or refuses a pending sign-off request."""
    account = caller()
    case = visible(account, case_id)
    if not may_sign_off(account, case.state.opened["scope"]):
        raise forbidden(_("Only a supervisor of the case's region signs off."))
    return recorded_or_problem(lambda: recording.decide_sign_off(
        current_app.extensions["negotiations"], account, case, decision=data["decision"],
        request_version=data["request_version"], expected_version=data["expected_version"],
        occurred_on=data["occurred_on"], note=data["note"], reason=data["reason"]))
