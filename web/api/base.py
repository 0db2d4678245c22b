"""What every API blueprint shares: strict JSON bodies, problem documents, the caller's case."""

from __future__ import annotations

from functools import cache
from typing import Any, NoReturn
from uuid import UUID

import flask_smorest
from flask_babel import gettext as _
from marshmallow import RAISE, Schema, ValidationError, fields, missing
from webargs.flaskparser import FlaskParser, is_json_request

from domain.case import NegotiationCase
from web.accounts.store import Account
from web.api.json_body import parsed
from web.api.problems import Problem, invalid
from web.usecases.reading import CaseHidden, readable_case


class StrictParser(FlaskParser):
    """Reads request bodies and query strings, answering bad ones with a problem document."""

    def load_json(self, req: Any, schema: Schema) -> Any:
        """The body, which must be JSON (415 otherwise)."""
        if not req.is_json:
            raise Problem(415, "unsupported-media-type", _("Send the body as application/json."))
        return super().load_json(req, schema)

    def _raw_load_json(self, req: Any) -> Any:
        """The JSON body, its nesting bounded before it is parsed (400 if too deep)."""
        if not is_json_request(req):
            return missing
        body = req.get_data(cache=True)
        return parsed(body) if body else missing

    def handle_error(self, error: ValidationError, req: Any, schema: Schema, *,
                     error_status_code: int | None, error_headers: Any) -> NoReturn:
        """Invalid fields: 422 naming each one."""
        messages = error.messages
        if isinstance(messages, dict) and len(messages) == 1:
            messages = next(iter(messages.values()))
        raise invalid(messages)

    def _handle_invalid_json_error(self, error: Any, req: Any, *args: Any,
                                   **kwargs: Any) -> NoReturn:
        raise Problem(400, "malformed", _("The request could not be read."),
                      _("The body is not valid JSON."))


class Blueprint(flask_smorest.Blueprint):
    """A flask-smorest blueprint with the strict parser."""

    ARGUMENTS_PARSER = StrictParser()


@cache
def strict(schema: type[Schema]) -> type[Schema]:
    """``schema`` refusing fields it does not know, in its lists of rows too."""
    overrides: dict[str, Any] = {}
    for name, item in schema._declared_fields.items():
        inner = getattr(item, "inner", None)
        if isinstance(inner, fields.Nested) and isinstance(inner.nested, type):
            overrides[name] = fields.List(fields.Nested(strict(inner.nested)),
                                          load_default=item.load_default,
                                          validate=item.validators, metadata=item.metadata)
    meta = type("Meta", (getattr(schema, "Meta", object),), {"unknown": RAISE})
    return type(schema.__name__, (schema,), {**overrides, "Meta": meta})


def visible(account: Account, case_id: UUID) -> NegotiationCase:
    """The case as it is now, if the caller may see it now; 404 otherwise (no hint that it
    exists). Every call on one case starts here."""
    try:
        return readable_case(account, case_id)
    except CaseHidden:
        raise not_found() from None


def not_found() -> Problem:
    """The same 404 for a missing case and another region's case."""
    return Problem(404, "not-found", _("Not found."), _("There is no such case, or it is "
                                                       "not in your region."))


def forbidden(detail: str) -> Problem:
    """The caller is known but may not do this (403)."""
    return Problem(403, "forbidden", _("You may not do this."), detail)
