"""Extreme input that used to be a server error is refused with a clear 400 or 422 and
records nothing: days far outside any real question, business dates before collective
contracts existed, page numbers of twenty digits, JSON nested a hundred thousand levels
deep, numbers of thousands of digits.

Days asked about lie between 1949-10-01 and 2100-12-31; business dates between 1995-01-01
(the Labour Law, which brought collective contracts, took effect) and 2100-12-31, and what
happened is not after today; pages run from 1 to 100,000.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from flask.testing import FlaskClient
from steps_story import PASSWORD, Story, opening, projections, second_worker
from test_api_errors import problem

from domain import clock

__all__ = ["callers", "projections", "second_worker"]
QUERY_RANGE = "请输入 1949-10-01 至 2100-12-31 之间的日期。"
BUSINESS_RANGE = "请输入 1995-01-01 至 2100-12-31 之间的日期。"
TWENTY_DIGITS = "1" * 20


@pytest.fixture(scope="module")
def case_id(callers: dict[str, Caller], projections: None) -> UUID:
    """A case of Li's, opened through the API."""
    opened = callers["li"].post("/cases", opening_body(821))
    assert opened.status_code == 201
    return UUID(opened.get_json()["case_id"])


@pytest.fixture(scope="module")
def zhao(app: Flask) -> FlaskClient:
    """Zhao, a supervisor of 兴宁市, in a browser."""
    client = app.test_client()
    assert client.post("/login", data={"username": "zhao",
                                       "password": PASSWORD}).status_code == 302
    return client


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1949-09-30", "2101-01-01"])
def test_the_api_answers_days_asked_about_outside_1949_to_2100_with_a_422(
        callers: dict[str, Caller], case_id: UUID, day: str, unchanged: None) -> None:
    found = problem(callers["li"].get(f"/cases/{case_id}", as_of=day), 422)
    assert found["errors"] == {"as_of": [QUERY_RANGE]}
    for name in ("since", "until"):
        found = problem(callers["zhao"].get("/audit", **{name: day}), 422)
        assert found["errors"] == {name: [QUERY_RANGE]}


def test_the_first_and_last_days_in_range_are_still_read(
        callers: dict[str, Caller], zhao: FlaskClient, case_id: UUID) -> None:
    assert callers["li"].get(f"/cases/{case_id}", as_of="2100-12-31").status_code == 200
    assert callers["zhao"].get("/audit", since="1949-10-01").status_code == 200
    assert zhao.get(f"/cases/{case_id}/as-of?date=2100-12-31").status_code == 200
    assert zhao.get("/audit?since=1949-10-01&until=2100-12-31").status_code == 200


@pytest.mark.parametrize("url", ["/audit?until=9999-12-31", "/audit?since=0001-01-01",
                                 "/cases/{case}/as-of?date=9999-12-31",
                                 "/audit/export.csv?until=9999-12-31"])
def test_the_screens_answer_far_days_with_a_400(zhao: FlaskClient, case_id: UUID,
                                                url: str) -> None:
    response = zhao.get(url.format(case=case_id))
    assert response.status_code == 400
    if "export" not in url:
        assert QUERY_RANGE in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/cases", "/audit", "/notices"])
def test_a_page_number_of_twenty_digits_is_a_400(zhao: FlaskClient, url: str) -> None:
    response = zhao.get(f"{url}?page={TWENTY_DIGITS}")
    assert response.status_code == 400
    assert "“页码”：应在 1 到 100000 之间。" in response.get_data(as_text=True)


def test_the_api_bounds_pages_and_page_sizes(callers: dict[str, Caller]) -> None:
    li = callers["li"]
    found = problem(li.get("/cases", page=TWENTY_DIGITS), 422)
    assert found["errors"] == {"page": ["应在 1 到 100000 之间。"]}
    assert problem(li.get("/deadlines", per_page=0), 422)["errors"] == {
        "per_page": ["应在 1 到 200 之间。"]}
    problem(callers["public"].get("/notices", page=100_001), 422)


def test_business_dates_before_1995_are_refused(app: Flask, callers: dict[str, Caller],
                                                case_id: UUID, unchanged: None) -> None:
    story = Story(app, app.test_client()).login("li")
    response = story.client.post("/cases/new", data=opening(822, occurred_on="0001-01-01"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="occurred_on"' in page and BUSINESS_RANGE in page
    found = problem(callers["li"].post("/cases", opening_body(823, occurred_on="1994-12-31")),
                    422)
    assert found["errors"] == {"occurred_on": [BUSINESS_RANGE]}
    version = callers["li"].version(case_id)
    body = step_body("survey", version, period_start="0001-01-01", period_end="9999-12-31")
    found = problem(callers["li"].step(case_id, "survey", body), 422)
    assert found["errors"] == {"period_start": [BUSINESS_RANGE], "period_end": [BUSINESS_RANGE]}


def test_what_happened_is_still_not_after_today(callers: dict[str, Caller], case_id: UUID,
                                                unchanged: None) -> None:
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    body = step_body("note", callers["li"].version(case_id), occurred_on=tomorrow)
    found = problem(callers["li"].step(case_id, "note", body), 422)
    assert found["type"].endswith("/rule-broken")  # type: ignore[union-attr]


def test_json_nested_too_deeply_is_a_400_problem(callers: dict[str, Caller], case_id: UUID,
                                                 unchanged: None) -> None:
    path = f"/cases/{case_id}/steps/note"
    found = problem(callers["li"].post(path, raw=b"[" * 100_000 + b"]" * 100_000), 400)
    assert found["type"].endswith("/malformed")  # type: ignore[union-attr]
    assert found["detail"] == "JSON 嵌套超过 32 层。"
    deep_field = b'{"text": ' + b"[" * 33 + b"]" * 33 + b"}"
    assert problem(callers["li"].post(path, raw=deep_field), 400)["detail"] == \
        "JSON 嵌套超过 32 层。"
    quoted = b'{"text": "' + b"[" * 100 + b'"}'
    assert problem(callers["li"].post(path, raw=quoted), 422)


def test_a_number_of_five_thousand_digits_is_a_400_problem(callers: dict[str, Caller],
                                                           case_id: UUID,
                                                           unchanged: None) -> None:
    raw = b'{"expected_version": ' + b"9" * 5000 + b"}"
    found = problem(callers["li"].post(f"/cases/{case_id}/steps/note", raw=raw), 400)
    assert found["detail"] == "请求体不是有效的 JSON。"
