"""The case file tells a case as a social worker reads it: what each step recorded, a vote
that failed and why, then one that passed; a representative's misspelt name and a minimum
wage corrected through their own forms, each shown corrected with the original a click
away, in Chinese and in English."""

from __future__ import annotations

import re
from uuid import UUID

import pytest
from flask import Flask
from steps_story import STORY, Story, credit_code, opening, projections, second_worker

__all__ = ["projections", "second_worker"]
FAILED_VOTE = {**STORY["ratification"][1], "present": "26"}


@pytest.fixture(scope="module")
def li(app: Flask, projections: None, second_worker: None) -> Story:
    """Li, logged in."""
    return Story(app, app.test_client()).login("li")


@pytest.fixture(scope="module")
def case_id(li: Story) -> UUID:
    """A case carried to its draft: survey, representatives, offer, reply, one session."""
    case = li.open_case(7301)
    li.walk(case, ["survey", "representatives", "offer", "answer", "session", "draft"])
    return case


def page(li: Story, case_id: UUID, lang: str = "zh") -> str:
    """The case page as Li sees it."""
    response = li.client.get(f"/cases/{case_id}?lang={lang}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def dashboard_row(li: Story, enterprise: str) -> str:
    """The row of the worker's dashboard that lists ``enterprise``."""
    html = li.client.get("/?lang=zh").get_data(as_text=True)
    html = html[html.index('class="cards dashboard"'):]
    found = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{enterprise}(?:(?!</tr>).)*</tr>", html, re.S)
    assert found, f"{enterprise} is not on the dashboard"
    return found[0]


def version_of(li: Story, case_id: UUID, event_type: str) -> int:
    """The version of the case's last entry of ``event_type``."""
    case = li.app.extensions["negotiations"].get_case(case_id)
    return [e.version for e in case.entries if e.type == event_type][-1]


def entry(html: str, version: int) -> str:
    """The part of the case file that shows entry ``version``."""
    found = re.search(rf'<article[^>]*id="entry-{version}">(.*?)</article>', html, re.S)
    assert found, f"entry {version} is not in the case file"
    return found[1]


def test_the_file_shows_what_each_step_recorded(li: Story, case_id: UUID) -> None:
    html = page(li, case_id)
    survey = entry(html, version_of(li, case_id, "SurveyRecorded"))
    assert survey.index("涨工资") < survey.index("减少加班")           # by priority
    reps = entry(html, version_of(li, case_id, "RepresentativesAppointed"))
    assert "张一" in reps and "王三" in reps and "首席代表" in reps
    draft = entry(html, version_of(li, case_id, "DraftAgreed"))
    assert "2100元/月" in draft and "5.5%" in draft and "40小时/周" in draft
    assert "wage_increase_pct" not in html and "minimum_wage" not in html


def test_a_failed_vote_says_why_after_saving_and_on_the_file(li: Story, case_id: UUID) -> None:
    response = li.post(case_id, "ratification", FAILED_VOTE, offset=57)
    assert response.status_code == 302
    html = li.client.get(response.headers["Location"]).get_data(as_text=True)
    why = "未通过：实到26人，不足全体40人的三分之二（27人）"
    assert f"已记录：职代会/全体职工审议。{why}" in html
    assert why in entry(html, version_of(li, case_id, "RatificationVoted"))
    assert 'class="case-flags"' in html
    english = page(li, case_id, "en")
    assert "Not passed: 26 present, fewer than 2/3 of all 40 members (27)" in english
    assert "职代会/全体职工审议：未通过" in dashboard_row(li, "兴宁市测试电子有限公司7301")


def test_a_passed_vote_clears_the_flag(li: Story, case_id: UUID) -> None:
    assert li.post(case_id, "ratification", STORY["ratification"][1], offset=58).status_code == 302
    html = page(li, case_id)
    assert "通过：实到27人，赞成21票，超过全体40人的半数" in entry(
        html, version_of(li, case_id, "RatificationVoted"))
    assert 'class="case-flags"' not in html
    assert "未通过" not in dashboard_row(li, "兴宁市测试电子有限公司7301")


def test_a_representative_is_corrected_through_the_representatives_form(
        li: Story, case_id: UUID) -> None:
    version = version_of(li, case_id, "RepresentativesAppointed")
    form = li.client.get(f"/cases/{case_id}/entries/{version}/correct")
    assert form.status_code == 200
    assert 'value="张二"' in form.get_data(as_text=True)      # filled in as recorded
    fields = {**STORY["representatives"][1], "worker_side-1-name": "章二",
              "reason": "姓名写错，以身份证为准"}
    assert li.correct(case_id, version, fields, offset=14).status_code == 302
    shown = entry(page(li, case_id), version)
    assert "章二" in shown and "已更正" in shown
    original = shown[shown.index("原记录"):]
    assert "张二" in original


def test_a_minimum_wage_is_corrected_and_the_original_is_a_click_away(
        li: Story, case_id: UUID) -> None:
    version, before = version_of(li, case_id, "DraftAgreed"), li.version(case_id)
    refused = li.correct(case_id, version, {**STORY["draft"][1], "minimum_wage": "abc",
                                            "reason": "笔误"}, offset=55)
    assert refused.status_code == 400
    assert li.version(case_id) == before
    fields = {**STORY["draft"][1], "minimum_wage": "2200", "reason": "以签字文本为准"}
    assert li.correct(case_id, version, fields, offset=55).status_code == 302
    case = li.app.extensions["negotiations"].get_case(case_id)
    correction = case.entries[-1]
    assert correction.facts["changes"] == {"key_terms.minimum_wage": 2200.0}
    shown = entry(page(li, case_id), version)
    assert "2200元/月" in shown and "<details><summary>原记录</summary>2100元/月" in shown
    english = entry(page(li, case_id, "en"), version)
    assert "2200 yuan/month" in english and "As first recorded" in english


def test_an_old_free_text_town_is_kept_when_the_opening_is_corrected(
        li: Story, case_id: UUID) -> None:
    from datetime import date

    from config import profiles
    from domain.values import Actor, ContractKind, Enterprise, Role

    worker = Actor("sw-001", "李社工", Role.SOCIAL_WORKER)
    enterprise = Enterprise(name="兴宁市旧城电子有限公司", credit_code=credit_code(7302),
                            town="兴宁市老城片区", industry="电子", headcount=40, women=20,
                            has_union=True, legal_representative="王总")
    opened = li.app.extensions["negotiations"].open_case(
        by=worker, occurred_on=date(2025, 3, 3), enterprise=enterprise,
        contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
        assigned_to=worker, scope="兴宁市")
    fields = {**opening(7302), "name": enterprise.name, "town": "兴宁市老城片区",
              "industry": "电子", "headcount": "42", "occurred_on": "2025-03-03",
              "reason": "人数以花名册为准"}
    response = li.correct(opened.case_id, 1, fields, offset=0)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    case = li.app.extensions["negotiations"].get_case(opened.case_id)
    assert case.entries[-1].facts["changes"] == {"enterprise.headcount": 42}
    refused = li.correct(opened.case_id, 1, {**fields, "town": "兴宁市新城片区"}, offset=0)
    assert refused.status_code == 400


def test_a_contract_filed_with_materials_missing_is_flagged_for_the_supervisor(
        app: Flask, li: Story, case_id: UUID) -> None:
    li.walk(case_id, ["signing", "filing"])
    state = li.app.extensions["negotiations"].get_case(case_id).state
    from domain.filing_packet import missing_items

    missing = len(missing_items(state))
    assert missing > 0
    assert f"报送材料缺 {missing} 项" in dashboard_row(li, "兴宁市测试电子有限公司7301")
    zhao = Story(app, app.test_client()).login("zhao")
    home = zhao.client.get("/?lang=zh").get_data(as_text=True)
    count = re.search(r'id="count-incomplete">(\d+)<', home)
    assert count and int(count[1]) >= 1
    listed = zhao.client.get("/cases?incomplete=1&lang=zh").get_data(as_text=True)
    assert "兴宁市测试电子有限公司7301" in listed
    assert "兴宁市旧城电子有限公司" not in listed                  # opened, never filed
