"""The JSON API under ``/api/v1``, described by OpenAPI 3 at ``/api/v1/openapi.json``."""

from __future__ import annotations

import http
from pathlib import Path

import flask_smorest
import swagger_ui_bundle
from flask import Flask, Response, render_template, request, send_from_directory
from flask.typing import ResponseReturnValue
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException

from web.api.problems import MEDIA_TYPE, Problem, ProblemSchema, from_http
from web.site.errors import error_page

PREFIX = "/api/v1"
JSON_BODY_LIMIT = 1024 * 1024
ATTACHMENT_BODY_LIMIT = 15 * 1024 * 1024
SWAGGER_UI = Path(swagger_ui_bundle.swagger_ui_path)


class Api(flask_smorest.Api):
    """flask-smorest's Api answering errors with problem documents, and only under /api."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        self._app.register_error_handler(Problem, Problem.response)
        self._app.register_error_handler(HTTPException, _http_error)

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict[str, object] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = ProblemSchema
            prepare_response(response, self.spec, MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "A problem document (RFC 9457)", "schema": ProblemSchema}
        prepare_response(default, self.spec, MEDIA_TYPE)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)


def _label_as_description(converter: object, field: object, **_kwargs: object
                          ) -> dict[str, str]:
    """A form field's label (in English) becomes its description in the OpenAPI document."""
    label = getattr(field, "metadata", {}).get("label")
    return {"description": str(label)} if label is not None else {}


def _http_error(error: HTTPException) -> ResponseReturnValue:
    """Problem documents under /api; the site's own error pages elsewhere."""
    if request.path.startswith(PREFIX):
        return from_http(error).response()
    return error_page(error)


def _bound_body() -> None:
    """Bodies sent to the API are small (reading a larger one answers 413)."""
    if request.path.startswith(PREFIX):
        attachment = request.path.endswith("/steps/attachment")
        request.max_content_length = ATTACHMENT_BODY_LIMIT if attachment else JSON_BODY_LIMIT


def _docs() -> ResponseReturnValue:
    """A browsable page of the OpenAPI document (Swagger UI, served from here)."""
    return render_template("api/docs.html")


def _docs_assets(filename: str) -> Response:
    return send_from_directory(SWAGGER_UI, filename, max_age=86400)


def init_app(app: Flask) -> None:
    """Mount the API's blueprints, its OpenAPI document and its docs page."""
    from web.api import cases, notices, oversight, steps
    from web.site.extensions import csrf

    app.config.update(
        API_TITLE="Xieshang 协商 API", API_VERSION="v1", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX=PREFIX, OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {"description": "Cases of collective bargaining: record every step, "
                                    "read cases, history, deadlines, the audit log, "
                                    "statistics and public notices. Errors are "
                                    "application/problem+json in the caller's language "
                                    "(Accept-Language: zh or en)."},
            "servers": [{"url": "/"}],
            "components": {"securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer",
                "description": "An API token from your account page or `xieshang tokens "
                               "create`"}}},
            "security": [{"bearer": []}],
        })
    api = Api(app)
    api.ma_plugin.converter.add_attribute_function(_label_as_description)
    for module in (cases, steps, oversight, notices):
        csrf.exempt(module.bp)
        api.register_blueprint(module.bp, url_prefix=PREFIX)
    app.before_request(_bound_body)
    app.add_url_rule(f"{PREFIX}/docs", "api_docs", _docs)
    app.add_url_rule(f"{PREFIX}/docs/assets/<path:filename>", "api_docs_assets", _docs_assets)
