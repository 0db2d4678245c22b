"""Calling the JSON API as a program would: a bearer token, JSON bodies, problem documents.

The story of ``steps_story`` is reused: each step's form fields become the JSON body the
same schema documents (numbers as numbers, ticks as booleans, rows as lists of objects).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient
from marshmallow import Schema, fields
from steps_story import API_CORRECTION, PDF, STORY, day, opening
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from web.accounts.api_tokens import ApiTokens
from web.forms.parsing import loadable, raw_values
from web.forms.preparation import OpenCaseSchema
from web.forms.registry import BY_SLUG

API = "/api/v1"


def _typed(item: fields.Field, value: Any) -> Any:
    if isinstance(item, fields.List) and isinstance(item.inner, fields.Nested):
        return [as_json(item.inner.nested, row) for row in value]  # type: ignore[arg-type]
    if isinstance(item, fields.Boolean):
        return str(value).lower() in {"y", "true", "1"}
    if isinstance(item, fields.Integer):
        return int(value)
    if isinstance(item, fields.Float):
        return float(value)
    return value


def as_json(schema: type[Schema] | Schema, values: dict[str, Any]) -> dict[str, Any]:
    """Loadable form values as a JSON body of ``schema``."""
    instance = schema() if isinstance(schema, type) else schema
    return {name: _typed(instance.fields[name], value) for name, value in values.items()}


def form_as_json(schema: type[Schema], form: dict[str, str]) -> dict[str, Any]:
    """A flat HTML form (``rows-0-col``) as the JSON body of the same step."""
    instance = schema()
    values = loadable(instance, raw_values(instance, MultiDict(form)))
    return as_json(instance, values)


def opening_body(seed: int, **changes: Any) -> dict[str, Any]:
    """The JSON that opens the story's case."""
    body = form_as_json(OpenCaseSchema, opening(seed))
    return {**body, **changes}


def step_body(slug: str, version: int, **changes: Any) -> dict[str, Any]:
    """The JSON of the story's step ``slug`` (``session-2`` is a second session)."""
    offset, form = STORY[slug]
    if slug == "correction":
        offset, form = 399, API_CORRECTION
    step = BY_SLUG[slug.removesuffix("-2")]
    body = form_as_json(step.schema, {**form, "occurred_on": day(offset),
                                      "expected_version": str(version)})
    if slug == "attachment":
        body.update(filename="合同.pdf", content_base64=base64.b64encode(PDF).decode())
    return {**body, **changes}


@dataclass
class Caller:
    """A program holding one account's token (or none: the public)."""

    client: FlaskClient
    token: str | None = None
    language: str = "zh"

    def headers(self) -> dict[str, str]:
        """Authorization and language."""
        found = {"Accept-Language": self.language}
        if self.token:
            found["Authorization"] = f"Bearer {self.token}"
        return found

    def get(self, path: str, **params: Any) -> TestResponse:
        """GET ``/api/v1`` + ``path``."""
        return self.client.get(API + path, query_string=params, headers=self.headers())

    def post(self, path: str, body: Any = None, *, raw: bytes | str | None = None,
             content_type: str = "application/json") -> TestResponse:
        """POST JSON (or ``raw`` bytes as they are) to ``/api/v1`` + ``path``."""
        if raw is None:
            return self.client.post(API + path, json=body, headers=self.headers())
        return self.client.post(API + path, data=raw, content_type=content_type,
                                headers=self.headers())

    def step(self, case_id: UUID, slug: str, body: dict[str, Any]) -> TestResponse:
        """Record one step."""
        return self.post(f"/cases/{case_id}/steps/{slug.removesuffix('-2')}", body)

    def version(self, case_id: UUID) -> int:
        """The case's version, read through the API."""
        response = self.get(f"/cases/{case_id}")
        assert response.status_code == 200, response.get_json()
        return int(response.get_json()["version"])


def issue(app: Flask, account_id: str, days: int = 30) -> str:
    """A fresh token of ``account_id``."""
    store = ApiTokens(app.extensions["accounts"].engine)
    return store.issue(account_id, "tests", days)[1]


@pytest.fixture(scope="module")
def callers(app: Flask, second_worker: None) -> dict[str, Caller]:
    """Li and Wang (social workers of two regions), Zhao (supervisor), root, the public."""
    found = {name: Caller(app.test_client(), issue(app, account_id))
             for name, account_id in (("li", "sw-001"), ("wang", "sw-wh"), ("zhao", "sup-xn"),
                                      ("root", "adm-1"), ("chen", "sw-002"))}
    found["public"] = Caller(app.test_client())
    return found
