"""Every route × every role gets what docs/architecture.md (users and roles) allows, a
refused POST records nothing, and
no answer of a route with personal data may be kept by a cache.

The matrix itself is in ``access_matrix.py``; a route missing from it fails the first test.
"""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

import pytest
from access_matrix import REFUSED, ROLES, ROWS, WHO, Row
from api_kit import issue
from flask import Flask
from flask.testing import FlaskClient
from steps_story import PASSWORD, PDF, Story, projections
from werkzeug.test import TestResponse

from domain import clock
from projections.base import engine_of

__all__ = ["projections"]


def _tell(app: Flask, username: str, seed: int) -> dict[str, Any]:
    """A case opened by ``username`` through the forms, up to a session, with an attachment
    and a pending sign-off request; the ids and versions that fill the matrix's URLs."""
    story = Story(app, app.test_client()).login(username)
    case_id = story.open_case(seed)
    story.walk(case_id, ["survey", "representatives", "offer", "answer", "session"])
    upload = (io.BytesIO(PDF + username.encode()), "合同.pdf")
    assert story.post(case_id, "attachment", {"description": "扫描件"}, file=upload
                      ).status_code == 302
    assert story.post(case_id, "sign-off", {"subject": "review", "note": "请审核"}
                      ).status_code == 302
    case = app.extensions["negotiations"].get_case(case_id)
    first: dict[str, Any] = {}
    for entry in case.entries:
        first.setdefault(entry.type, entry)
    return {"case": case_id, "offer": first["OfferSent"].version,
            "minutes": first["SessionHeld"].version, "sha": first["AttachmentAdded"]["sha256"],
            "survey": first["SurveyRecorded"].version,
            "request": first["SignOffRequested"].version,
            "account": "sw-001", "today": clock.today().isoformat()}


@pytest.fixture(scope="module")
def cases(app: Flask, projections: None) -> dict[str, dict[str, Any]]:
    """A 兴宁市 case told by li and a 五华县 case told by wang; a published demo case."""
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        notice = connection.exec_driver_sql("select case_id from public_notices").scalar()
    assert notice, "the demo cases include no published contract"
    return {"xn": {**_tell(app, "li", 7001), "notice": notice},
            "wh": {**_tell(app, "wang", 7002), "notice": notice}}


@pytest.fixture(scope="module")
def sessions(app: Flask) -> dict[str, str]:
    """Each account's session cookie, logged in once."""
    cookies = {}
    for username in {name for name, _ in WHO.values() if name}:
        client = app.test_client()
        assert client.post("/login", data={"username": username,
                                           "password": PASSWORD}).status_code == 302
        cookie = client.get_cookie("session")
        assert cookie is not None
        cookies[username] = cookie.value
    return cookies


@pytest.fixture(scope="module")
def tokens(app: Flask) -> dict[str, str]:
    """Each account's API token."""
    return {username: issue(app, app.extensions["accounts"].by_username(username).id)
            for username in {name for name, _ in WHO.values() if name}}


def _call(client: FlaskClient, row: Row, url: str, token: str | None,
          form: dict[str, Any]) -> TestResponse:
    """An API call: the bearer token (if any) and a JSON body."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if row.method == "GET":
        return client.get(url, headers=headers)
    return client.post(url, json=form, headers=headers)


def _client(app: Flask, sessions: dict[str, str], role: str, own: bool = False) -> FlaskClient:
    """A client with the role's shared session cookie, or (``own``) a login of its own: logging
    out ends a session wherever its cookie is."""
    client = app.test_client()
    username = WHO[role][0]
    if username and own:
        assert client.post("/login", data={"username": username,
                                           "password": PASSWORD}).status_code == 302
    elif username:
        client.set_cookie("session", sessions[username])
    return client


def _footprint(app: Flask, case_id: UUID) -> tuple[Any, ...]:
    """The newest event, the case's version, and every account as stored."""
    negotiations = app.extensions["negotiations"]
    with engine_of(negotiations).connect() as connection:
        accounts = connection.exec_driver_sql("select * from accounts order by id").all()
    return (negotiations.recorder.max_notification_id(),
            negotiations.get_case(case_id).version, [tuple(a) for a in accounts])


def _outcome(response: TestResponse) -> str:
    if response.status_code == 302:
        target = urlsplit(response.headers["Location"])
        if target.path == "/login" and "next=" in target.query:
            return "L"
    return str(response.status_code)


def _id(value: Any) -> str:
    return re.sub(r"\{(\w+)\}", r"<\1>", value) if isinstance(value, str) else str(value)


CELLS = [pytest.param(row, role, id=f"{role}-{row.method}-{_id(row.url)}")
         for row in ROWS for role in ROLES]


def test_every_route_and_method_is_in_the_matrix(app: Flask) -> None:
    routes = {(rule.rule, method) for rule in app.url_map.iter_rules()
              if rule.endpoint != "static"
              for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}}
    listed = {(row.rule, row.method) for row in ROWS}
    assert routes - listed == set(), "add these routes to tests/e2e/access_matrix.py"
    assert listed - routes == set(), "these matrix rows name no route"


@pytest.mark.parametrize(("row", "role"), CELLS)
def test_access(app: Flask, cases: dict[str, dict[str, Any]], sessions: dict[str, str],
                tokens: dict[str, str], row: Row, role: str) -> None:
    params = cases[WHO[role][1]]
    expected = row.outcomes()[role]
    username = WHO[role][0]
    client = (app.test_client() if row.api
              else _client(app, sessions, role, own=row.rule == "/logout"))
    url = row.url.format(**params)
    if row.method == "GET":
        response = (_call(client, row, url, tokens.get(username or ""), {}) if row.api
                    else client.get(url))
    else:
        before = _footprint(app, params["case"])
        params = {**params, "version": before[1]}
        refused = REFUSED | {"401"} if row.api else REFUSED
        form = (row.attack if expected in refused else row.harmless)(params)
        response = (_call(client, row, url, tokens.get(username or ""), form) if row.api
                    else client.post(url, data=form))
        assert _footprint(app, params["case"]) == before, "a refused or harmless POST changed state"
    assert _outcome(response) == expected, response.get_data(as_text=True)[:800]
    if row.personal:
        assert "no-store" in response.headers.get("Cache-Control", ""), "a cache could keep it"
    if expected == "302":
        assert urlsplit(response.headers["Location"]).path in ("/login", "/admin/accounts/sw-001")


def test_a_worker_of_another_region_sees_nothing_of_a_case_by_url(
        app: Flask, cases: dict[str, dict[str, Any]], sessions: dict[str, str]) -> None:
    """The 404 page names nothing of the case: not its enterprise, not its id."""
    client = _client(app, sessions, "worker-elsewhere")
    token = issue(app, "sw-wh")
    case = app.extensions["negotiations"].get_case(cases["xn"]["case"])
    for row in ROWS:
        if "{case}" in row.url and row.method == "GET":
            url = row.url.format(**cases["xn"])
            answer = _call(client, row, url, token, {}) if row.api else client.get(url)
            page = answer.get_data(as_text=True)
            assert case.state.enterprise.name not in page
            assert str(case.id) not in page
