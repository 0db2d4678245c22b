"""Schemathesis against the API's own OpenAPI document, with a valid token: no response is a
server error, and every response matches what the document says (status, media type, body).

Calls are generated both to fit the document and not to (negative cases must be refused
with a documented problem, never a 500). Half of the calls aim at a real case of the
caller's, so bodies reach the rules of the procedure and the version check, not only the
404 of an unknown case.
"""

from __future__ import annotations

from uuid import UUID

import pytest
import schemathesis
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from schemathesis.generation.modes import GenerationMode
from schemathesis.openapi.loaders import from_wsgi
from steps_story import projections, second_worker

__all__ = ["callers", "projections", "second_worker"]
EXAMPLES = 30
CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(app: Flask) -> schemathesis.BaseSchema:
    """The API's OpenAPI document, loaded from the app itself (WSGI, no network)."""
    return from_wsgi("/api/v1/openapi.json", app)


@pytest.fixture(scope="module")
def real_case(callers: dict[str, Caller], projections: None) -> UUID:
    """A surveyed case of Li's to aim half of the calls at."""
    li = callers["li"]
    opened = li.post("/cases", opening_body(701))
    case = UUID(opened.get_json()["case_id"])
    assert li.step(case, "survey", step_body("survey", 1)).status_code == 201
    return case


def test_every_response_is_documented_and_none_is_a_server_error(
        api_schema: schemathesis.BaseSchema, callers: dict[str, Caller],
        real_case: UUID) -> None:
    headers = {"Authorization": f"Bearer {callers['li'].token}",
               "Accept-Encoding": "identity"}   # the WSGI transport does not decompress
    failures: dict[str, str] = {}
    calls = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()

        strategy = (operation.as_strategy(GenerationMode.POSITIVE)
                    | operation.as_strategy(GenerationMode.NEGATIVE))

        @given(case=strategy)
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def exercise(case: schemathesis.Case) -> None:
            nonlocal calls
            if "case_id" in (case.path_parameters or {}) and calls % 2:
                case.path_parameters["case_id"] = str(real_case)
            calls += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            exercise()
        except Exception as error:  # noqa: BLE001 - every operation's failure is reported
            failures[operation.label] = str(error)[:2000]
    assert calls >= EXAMPLES * 30
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
