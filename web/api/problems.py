"""Errors of the API as RFC 9457 problem documents (``application/problem+json``),
titled and explained in the caller's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask import Response, json
from flask_babel import gettext as _
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from domain.errors import Breach
from web.forms.errors import ALIASES, TOP, error_text
from web.words.i18n import lang

MEDIA_TYPE = "application/problem+json"
TYPES = "https://xieshang.org/problems/"


class ProblemSchema(Schema):
    """The shape of every error the API answers with (RFC 9457)."""

    type = fields.String(required=True, metadata={"description": "A URI naming the problem"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                         metadata={"description": "Messages by field path (a.0.b)"})
    current_version = fields.Integer(metadata={"description": "On 409: the case's version"})
    warnings = fields.List(fields.Dict(), metadata={
        "description": "On 422 warnings-unconfirmed: each warning's key, figures (params) and "
                       "message; send the step again with confirm_warnings: true to record it"})


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(self, status: int, kind: str, title: str, detail: str = "", *,
                 errors: Mapping[str, list[str]] | None = None,
                 headers: Mapping[str, str] | None = None, **extra: Any):
        super().__init__(title)
        self.status, self.kind, self.title, self.detail = status, kind, title, detail
        self.errors = dict(errors or {})
        self.headers = dict(headers or {})
        self.extra = extra

    def response(self) -> Response:
        """The problem as an HTTP response."""
        body: dict[str, Any] = {"type": TYPES + self.kind if self.kind else "about:blank",
                                "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        # A lone surrogate (an unknown field's name, say) is written as its JSON escape.
        text = json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace")
        response = Response(text, self.status, mimetype=MEDIA_TYPE)
        response.headers.update(self.headers)
        response.headers["Content-Language"] = "en" if lang() == "en" else "zh-CN"
        return response


def _text(message: Any) -> str:
    if str(message) == "Unknown field.":
        return _("This field is not part of this request.")
    return error_text(message)


def field_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested messages as ``{"worker_side.0.name": ["..."]}``, in words."""
    found: dict[str, list[str]] = {}
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for inner, texts in field_errors(value, name).items():
                found.setdefault(inner, []).extend(texts)
    elif isinstance(messages, list | tuple):
        for item in messages:
            if isinstance(item, Mapping | list | tuple):
                for inner, texts in field_errors(item, prefix).items():
                    found.setdefault(inner, []).extend(texts)
            else:
                found.setdefault(prefix or "_schema", []).append(_text(item))
    else:
        found.setdefault(prefix or "_schema", []).append(_text(messages))
    return found


def invalid(messages: Any) -> Problem:
    """Input that does not fit the documented schema (422)."""
    return Problem(422, "invalid-input", _("The request has invalid fields."),
                   _("Correct the fields listed in errors and send it again."),
                   errors=field_errors(messages))


def refused(breaches: Iterable[Breach]) -> Problem:
    """A step the rules of the procedure do not allow (422)."""
    errors: dict[str, list[str]] = {}
    for breach in breaches:
        name = ALIASES.get(breach.field or TOP, breach.field or TOP)
        errors.setdefault("_schema" if name == TOP else name, []).append(breach.message(lang()))
    detail = " ".join(text for texts in errors.values() for text in texts)
    return Problem(422, "rule-broken", _("The procedure does not allow this step."), detail,
                   errors=errors)


def unconfirmed(warnings: list[dict[str, Any]]) -> Problem:
    """Facts that raise sanity warnings, sent without ``confirm_warnings`` (422): nothing
    is recorded (see :mod:`domain.rules.sanity`)."""
    texts = [str(w["message"]) for w in warnings]
    return Problem(422, "warnings-unconfirmed",
                   _("Check the warnings; send confirm_warnings: true to record anyway."),
                   " ".join(texts), errors={"confirm_warnings": texts}, warnings=warnings)


def stale(actual: int | None, message: str) -> Problem:
    """Someone recorded on the case since the caller read it, or the case exists (409)."""
    problem = Problem(409, "stale-version", _("The case has changed since you read it."),
                      message)
    if actual is not None:
        problem.extra["current_version"] = actual
    return problem


def from_http(error: HTTPException) -> Problem:
    """A Werkzeug HTTP error (404, 405, 413, 500 ...) as a problem document."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    if status == 422 and "messages" in data:
        return invalid(data["messages"].get("json", data["messages"]))
    titles = {
        400: _("The request could not be read."),
        401: _("Authentication is required."),
        403: _("You may not do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        413: _("The request body is too large."),
        415: _("Send the body as application/json."),
        429: _("Too many requests; try again later."),
    }
    title = titles.get(status, _("Something went wrong on our side."))
    detail = _("The body is not valid JSON.") if status == 400 and "messages" in data else ""
    headers = dict(error.get_headers()) if status == 405 else {}
    headers.pop("Content-Type", None)
    return Problem(status, "" if status != 400 else "malformed", title, detail,
                   headers=headers)
