"""Mei hands her case over and moves to another region: from then on she reads nothing of
it, whichever moment of it she asks for, on the screens or through the API.

Access is judged on the case as it is now (its region, who holds it), never on the past
version or day that is asked for; the reads are every case URL of the access matrix.
"""

from __future__ import annotations

import io
from typing import Any
from uuid import UUID

import pytest
from access_matrix import ROWS, Row
from api_kit import issue
from flask import Flask
from flask.testing import FlaskClient
from steps_story import PASSWORD, PDF, Story, projections, second_worker
from werkzeug.test import TestResponse

from domain import clock
from domain.values import Role
from projections.base import engine_of

__all__ = ["projections", "second_worker"]
READS = [row for row in ROWS if row.method == "GET" and "{case}" in row.url]


@pytest.fixture(scope="module")
def mei(app: Flask, projections: None, second_worker: None) -> Story:
    """Mei, a social worker of 兴宁市, logged in."""
    app.extensions["accounts"].add("mei", "梅社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                                   account_id="sw-mei")
    return Story(app, app.test_client()).login("mei")


def _handed_over(app: Flask, mei: Story) -> dict[str, Any]:
    """Mei's case up to a session, with a scan attached, then reassigned to Chen (兴宁市)."""
    case_id = mei.open_case(8101)
    mei.walk(case_id, ["survey", "representatives", "offer", "answer", "session"])
    upload = (io.BytesIO(PDF + b"mei"), "会议纪要.pdf")
    assert mei.post(case_id, "attachment", {"description": "纪要"}, file=upload
                    ).status_code == 302
    assert mei.post(case_id, "reassignment", {"to": "sw-002", "reason": "调往五华县"}
                    ).status_code == 302
    case = app.extensions["negotiations"].get_case(case_id)
    assert case.state.assigned_to.id == "sw-002"
    first = {entry.type: entry for entry in reversed(case.entries)}
    return {"case": case_id, "offer": first["OfferSent"].version,
            "survey": first["SurveyRecorded"].version,
            "minutes": first["SessionHeld"].version, "sha": first["AttachmentAdded"]["sha256"],
            "today": clock.today().isoformat()}


def _read(client: FlaskClient, token: str, row: Row, url: str) -> TestResponse:
    headers = {"Authorization": f"Bearer {token}"} if row.api else {}
    return client.get(url, headers=headers)


def _outcomes(mei: Story, token: str, params: dict[str, Any]) -> dict[str, str]:
    """What each case URL answers Mei, by URL."""
    found = {}
    for row in READS:
        url = row.url.format(**params)
        found[url] = str(_read(mei.client, token, row, url).status_code)
    return found


def test_a_worker_moved_to_another_region_reads_nothing_more_of_her_old_case(
        app: Flask, mei: Story) -> None:
    token = issue(app, "sw-mei")
    params = _handed_over(app, mei)
    case_id = params["case"]

    before = _outcomes(mei, token, params)
    as_a_worker_of_the_region = {row.url.format(**params): row.outcomes()["worker"]
                                 for row in READS}
    assert before == as_a_worker_of_the_region, "still in 兴宁市, she reads the case"

    root = app.test_client()
    root.post("/login", data={"username": "root", "password": PASSWORD})
    moved = root.post("/admin/accounts/sw-mei", data={"role": "social_worker",
                                                      "scope": "五华县"})
    assert moved.status_code == 302
    assert app.extensions["accounts"].get("sw-mei").scope == "五华县"

    after = _outcomes(mei.login("mei"), token, params)
    as_a_worker_of_another_region = {row.url.format(**params): row.outcomes()["worker-elsewhere"]
                                     for row in READS}
    assert after == as_a_worker_of_another_region
    first_version = f"/api/v1/cases/{case_id}?version=1"
    assert after[first_version] == "404", "version 1 was hers, but the case is not now"
    assert after[f"/api/v1/cases/{case_id}?as_of={params['today']}"] == "404"
    assert after[f"/cases/{case_id}/print/offer/{params['offer']}.pdf"] == "404"
    assert after[f"/cases/{case_id}/attachments/{params['sha']}"] == "404"


def test_a_version_and_a_day_at_once_are_refused_and_a_version_to_come_is_not_found(
        app: Flask) -> None:
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        case_id = connection.exec_driver_sql("select case_id from case_summaries").scalar()
    case = app.extensions["negotiations"].get_case(UUID(case_id))
    client, token = app.test_client(), issue(app, "adm-1")
    headers = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/cases/{case.id}"
    both = client.get(f"{url}?version=1&as_of={clock.today()}", headers=headers)
    assert both.status_code == 422 and both.mimetype == "application/problem+json"
    assert both.get_json()["detail"] == "请只按版本或只按日期查询案件，不要同时指定。"
    assert list(both.get_json()["errors"]) == ["as_of"]
    newest = client.get(f"{url}?version={case.version}", headers=headers).get_json()
    assert newest["version"] == case.version
    assert client.get(f"{url}?version={case.version + 1}", headers=headers).status_code == 404
