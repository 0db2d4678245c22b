"""A supervisor reads a case's full history, sees it as it stood on a date, and signs off."""

from __future__ import annotations

import re
from datetime import date

import pytest
from casework import CORRECTION, OFFER, REQUEST, SURVEY, told
from casework import following as following
from flask import Flask
from flask.testing import FlaskClient

from domain.history import changes_by_version

pytestmark = pytest.mark.usefixtures("following")


def entry(page: str, version: int) -> str:
    """The history page's item for one version."""
    found = re.search(rf'<li id="v{version}".*?</li>', page, re.S)
    assert found, f"no entry v{version}"
    return found.group(0)


def test_the_history_shows_who_when_what_and_what_changed(app: Flask, client: FlaskClient,
                                                          auth) -> None:
    case = told(app, "兴宁市历史电子有限公司")
    auth.login("zhao")
    page = client.get(f"/cases/{case.case_id}/history").get_data(as_text=True)
    survey = entry(page, SURVEY)
    assert "李社工" in survey and "sw-001" in survey
    assert "2025-03-10 17:30" in survey and "2025年3月10日" in survey
    assert "30" in survey and "工资偏低" in survey          # as first recorded
    assert f'href="#v{CORRECTION}"' in survey and "已被更正" in survey
    assert "调查摸底" in survey and "接案" in survey          # stage: before → after
    correction = entry(page, CORRECTION)
    assert f'href="#v{SURVEY}"' in correction and "问卷份数点错" in correction
    assert "更正：参与人数" in correction and "<td>30</td><td>32</td>" in correction
    offer = entry(page, OFFER)
    assert "要约回应期限" in offer                            # a deadline started
    assert page.index(f'id="v{REQUEST}"') < page.index(f'id="v{SURVEY}"')  # newest first


def test_the_diff_of_a_correction_names_the_corrected_fact(app: Flask) -> None:
    case = told(app, "兴宁市差异电子有限公司")
    records = app.extensions["negotiations"].get_case(case.case_id).records
    changes = changes_by_version(records)
    assert [(c.key, c.before, c.after) for c in changes[CORRECTION]] == [
        ("fact:respondents", 30, 32)]
    stage = next(c for c in changes[SURVEY] if c.key == "stage")
    assert (stage.before, stage.after) == ("opened", "surveyed")
    assert any(c.key.startswith("deadline_due:reply") for c in changes[OFFER])
    assert [c.key for c in changes[REQUEST]] == ["pending_sign_offs"]


def test_the_case_as_it_stood_on_a_past_date(app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市旧貌电子有限公司")
    auth.login("zhao")
    then = client.get(f"/cases/{case.case_id}/as-of?date=2025-03-12")
    assert then.status_code == 200
    text = then.get_data(as_text=True)
    assert "<strong>调查摸底</strong>" in text and "第 2 版" in text
    now = client.get(f"/cases/{case.case_id}/as-of?date=2025-06-01").get_data(as_text=True)
    assert "<strong>要约已发出</strong>" in now
    before = client.get(f"/cases/{case.case_id}/as-of?date=2025-02-01")
    assert before.status_code == 200 and "尚未接案" in before.get_data(as_text=True)
    wrong = client.get(f"/cases/{case.case_id}/as-of?date=2025-13-01")
    assert wrong.status_code == 400 and "YYYY-MM-DD" in wrong.get_data(as_text=True)


def test_a_supervisor_gives_a_sign_off(app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市同意电子有限公司").synced()
    auth.login("zhao")
    page = client.get(f"/cases/{case.case_id}/sign-off").get_data(as_text=True)
    assert "请督导审核要约" in page and f'name="expected_version" value="{REQUEST}"' in page
    done = client.post(f"/cases/{case.case_id}/sign-off", data={
        "decision": "give", "request_version": REQUEST, "expected_version": REQUEST,
        "note": "同意"})
    assert done.status_code == 302
    state = app.extensions["negotiations"].get_case(case.case_id).state
    assert state.sign_offs[0].end is not None and state.sign_offs[0].end.type == "SignOffGiven"
    audit = client.get(f"/audit?case={case.case_id}").get_data(as_text=True)
    assert "督导同意第 6 条申请" in audit      # the read models caught up before the redirect


def test_a_refusal_needs_a_reason_and_a_stale_form_conflicts(app: Flask, client: FlaskClient,
                                                             auth) -> None:
    case = told(app, "兴宁市退回电子有限公司")
    auth.login("zhao")
    url = f"/cases/{case.case_id}/sign-off"
    form = {"decision": "refuse", "request_version": REQUEST, "expected_version": REQUEST}
    missing = client.post(url, data={**form, "reason": ""})
    assert missing.status_code == 422
    case.step("add_note", date(2025, 4, 2), text="补充材料")
    stale = client.post(url, data={**form, "reason": "材料不全，请补充"})
    assert stale.status_code == 409
    assert "材料不全，请补充" in stale.get_data(as_text=True)       # the input is kept
    assert f'name="expected_version" value="{REQUEST + 1}"' in stale.get_data(as_text=True)
    fresh = client.post(url, data={**form, "expected_version": REQUEST + 1,
                                   "reason": "材料不全，请补充"})
    assert fresh.status_code == 302
    end = app.extensions["negotiations"].get_case(case.case_id).state.sign_offs[0].end
    assert end.type == "SignOffRefused" and end["reason"] == "材料不全，请补充"


def test_a_worker_cannot_sign_off(app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市社工电子有限公司")
    auth.login("li")
    page = client.get(f"/cases/{case.case_id}/sign-off").get_data(as_text=True)
    assert "请督导审核要约" in page and 'name="decision"' not in page
    refused = client.post(f"/cases/{case.case_id}/sign-off", data={
        "decision": "give", "request_version": REQUEST, "expected_version": REQUEST})
    assert refused.status_code == 403


def test_another_region_cannot_see_the_history(app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市外区电子有限公司")
    auth.login("wang")
    assert client.get(f"/cases/{case.case_id}/history").status_code == 404
    assert client.get(f"/cases/{case.case_id}/as-of?date=2025-03-12").status_code == 404



def test_pending_requests_are_queued_for_the_supervisor(app: Flask, client: FlaskClient,
                                                        auth) -> None:
    case = told(app, "兴宁市排队电子有限公司").synced()
    auth.login("zhao")
    queue = client.get("/sign-offs").get_data(as_text=True)
    assert "兴宁市排队电子有限公司" in queue and "请督导审核要约" in queue
    assert f"/cases/{case.case_id}/sign-off" in queue
    client.post("/logout")
    auth.login("li")
    assert client.get("/sign-offs").status_code == 403


def test_the_audit_log_of_a_case_by_china_day(app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市日志电子有限公司").synced()
    auth.login("zhao")
    url = f"/audit?case={case.case_id}"
    assert "(6)</h1>" in client.get(url).get_data(as_text=True)
    one_day = client.get(f"{url}&since=2025-03-10&until=2025-03-10").get_data(as_text=True)
    assert "(1)</h1>" in one_day and "调查摸底：30 人参与" in one_day
    march = client.get(f"{url}&since=2025-03-01&until=2025-03-31").get_data(as_text=True)
    assert "(5)</h1>" in march
