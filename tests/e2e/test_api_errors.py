"""Bad requests to the API: each is answered with the right status and a clear problem
document in the caller's language, and nothing is recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from steps_story import projections, second_worker
from werkzeug.test import TestResponse

from web.accounts.api_tokens import ApiTokens

__all__ = ["callers", "projections", "second_worker"]
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def case_id(callers: dict[str, Caller], projections: None) -> UUID:
    """A case of Li's (兴宁市), freshly opened and surveyed."""
    li = callers["li"]
    opened = li.post("/cases", opening_body(601))
    assert opened.status_code == 201
    case = UUID(opened.get_json()["case_id"])
    assert li.step(case, "survey", step_body("survey", 1)).status_code == 201
    return case


def problem(response: TestResponse, status: int) -> dict[str, object]:
    """The response's problem document, after checking its status and media type."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"]
    return body  # type: ignore[no-any-return]


def test_malformed_json_is_a_400(callers: dict[str, Caller], case_id: UUID,
                                 unchanged: None) -> None:
    body = problem(callers["li"].post(f"/cases/{case_id}/steps/note", raw=b'{"text": "x",'), 400)
    assert body["type"].endswith("/malformed")
    assert body["detail"] == "请求体不是有效的 JSON。"


def test_a_body_that_is_not_json_is_a_415(callers: dict[str, Caller], case_id: UUID,
                                          unchanged: None) -> None:
    response = callers["li"].post(f"/cases/{case_id}/steps/note", raw="text=hi",
                                  content_type="application/x-www-form-urlencoded")
    problem(response, 415)


def test_wrong_types_are_named_field_by_field(callers: dict[str, Caller], case_id: UUID,
                                              unchanged: None) -> None:
    body = step_body("outreach", 2, participants="many", kind=3)
    found = problem(callers["li"].step(case_id, "outreach", body), 422)
    assert found["errors"] == {"participants": ["请输入整数。"], "kind": ["请从选项中选择。"]}


def test_missing_fields_are_named(callers: dict[str, Caller], case_id: UUID,
                                  unchanged: None) -> None:
    body = step_body("outreach", 2)
    del body["occurred_on"], body["participants"]
    found = problem(callers["li"].step(case_id, "outreach", body), 422)
    assert set(found["errors"]) == {"occurred_on", "participants"}  # type: ignore[arg-type]


def test_unknown_fields_are_refused_even_inside_rows(callers: dict[str, Caller], case_id: UUID,
                                                     unchanged: None) -> None:
    body = step_body("representatives", 2, approved_by_boss=True)
    body["worker_side"][0]["salary"] = 9000
    found = problem(callers["li"].step(case_id, "representatives", body), 422)
    assert set(found["errors"]) == {"approved_by_boss", "worker_side.0.salary"}  # type: ignore[arg-type]


def test_an_oversized_body_is_a_413(callers: dict[str, Caller], case_id: UUID,
                                    unchanged: None) -> None:
    body = step_body("note", 2, text="长" * 700_000)
    problem(callers["li"].step(case_id, "note", body), 413)


def test_an_invalid_credit_code_opens_nothing(callers: dict[str, Caller],
                                              unchanged: None) -> None:
    found = problem(callers["li"].post("/cases", opening_body(602, credit_code="91441481MA4U000")),
                    422)
    assert "credit_code" in found["errors"]  # type: ignore[operator]


def test_dates_in_the_wrong_order_are_refused(callers: dict[str, Caller], case_id: UUID,
                                              unchanged: None) -> None:
    body = step_body("survey", 2, period_start="2026-03-10", period_end="2026-03-01")
    found = problem(callers["li"].step(case_id, "survey", body), 422)
    assert found["type"].endswith("/rule-broken")  # type: ignore[union-attr]
    assert found["errors"]
    audit = callers["zhao"].get("/audit", since="2026-03-10", until="2026-03-01")
    assert "until" in problem(audit, 422)["errors"]  # type: ignore[operator]


def test_a_stale_version_is_a_409_naming_the_current_one(callers: dict[str, Caller],
                                                         case_id: UUID,
                                                         unchanged: None) -> None:
    found = problem(callers["li"].step(case_id, "note", step_body("note", 1)), 409)
    assert found["current_version"] == callers["li"].version(case_id)
    assert found["type"].endswith("/stale-version")  # type: ignore[union-attr]


def test_another_regions_case_is_not_found(callers: dict[str, Caller], case_id: UUID,
                                           unchanged: None) -> None:
    wang = callers["wang"]
    problem(wang.get(f"/cases/{case_id}"), 404)
    problem(wang.get(f"/cases/{case_id}/history"), 404)
    problem(wang.step(case_id, "note", step_body("note", 2)), 404)
    assert str(case_id) not in str(wang.get("/cases", per_page=200).get_json())


def test_a_supervisor_may_not_record_a_step(callers: dict[str, Caller], case_id: UUID,
                                            unchanged: None) -> None:
    problem(callers["zhao"].step(case_id, "outreach", step_body("outreach", 2)), 403)
    problem(callers["li"].get("/audit"), 403)


@pytest.mark.parametrize("token", [None, "xs_not-a-real-token", "Basic abc"])
def test_no_or_an_unknown_token_is_a_401(app: Flask, token: str | None, case_id: UUID,
                                         unchanged: None) -> None:
    caller = Caller(app.test_client(), token)
    response = caller.step(case_id, "note", step_body("note", 2))
    problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_is_refused(app: Flask, case_id: UUID, unchanged: None) -> None:
    store = ApiTokens(app.extensions["accounts"].engine)
    past = datetime.now(tz=UTC) - timedelta(days=31)
    _token, secret = store.issue("sw-001", "old", days=30, now=past)
    found = problem(Caller(app.test_client(), secret).get(f"/cases/{case_id}"), 401)
    assert "过期" in str(found["detail"])


def test_a_revoked_token_is_refused(app: Flask, case_id: UUID, unchanged: None) -> None:
    store = ApiTokens(app.extensions["accounts"].engine)
    token, secret = store.issue("sw-001", "to revoke", days=30)
    caller = Caller(app.test_client(), secret)
    assert caller.get(f"/cases/{case_id}").status_code == 200
    assert store.revoke(token.id)
    found = problem(caller.step(case_id, "note", step_body("note", 2)), 401)
    assert "吊销" in str(found["detail"])


def test_problems_speak_english_when_asked(callers: dict[str, Caller], case_id: UUID,
                                           unchanged: None) -> None:
    english = Caller(callers["li"].client, callers["li"].token, "en-GB,en;q=0.8")
    found = problem(english.step(case_id, "outreach", step_body("outreach", 2,
                                                                participants="x")), 422)
    assert found["errors"] == {"participants": ["Enter a whole number."]}
    chinese = problem(callers["li"].step(case_id, "outreach",
                                         step_body("outreach", 2, participants="x")), 422)
    assert chinese["title"] != found["title"]


def test_bad_query_parameters_are_a_422(callers: dict[str, Caller], unchanged: None) -> None:
    problem(callers["li"].get("/cases", per_page=5000), 422)
    problem(callers["li"].get("/cases", stage="nowhere"), 422)
    problem(callers["public"].get("/notices", year="soon"), 422)


@pytest.mark.parametrize(("content", "words"), [("不是base64", "base64"),
                                                 ("aGVsbG8=", "PDF")])
def test_an_attachment_must_be_base64_of_an_accepted_file(
        callers: dict[str, Caller], case_id: UUID, content: str, words: str,
        unchanged: None) -> None:
    body = step_body("attachment", callers["li"].version(case_id), content_base64=content)
    found = problem(callers["li"].step(case_id, "attachment", body), 422)
    assert words in found["errors"]["content_base64"][0]  # type: ignore[index]
