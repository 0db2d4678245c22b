"""Sanity warnings at the forms and the API (domain/rules/sanity.py): a 500 元/月 minimum
wage and a 72-hour week, or a vote of all workers short of the headcount, are shown back
with the box that confirms them; nothing is saved until it is ticked (or, through the API,
until ``confirm_warnings`` is sent); the confirmed warnings stay on the entry, in its
history, in Chinese and in English."""

from __future__ import annotations

from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from steps_story import STORY, Story, li, projections, second_worker

from domain.rules.sanity import entry_warnings

__all__ = ["callers", "li", "projections", "second_worker"]

LOW = {**STORY["draft"][1], "minimum_wage": "500", "weekly_hours": "72"}
SHORT_VOTE = {"body": "all_workers", "members": "30", "present": "30", "votes_for": "30"}


@pytest.fixture(scope="module")
def case_id(li: Story) -> UUID:
    """A case of 兴宁市 (梅州市: 1,750 元/月 from March 2025) negotiating, 40 workers."""
    case = li.open_case(1101)
    li.walk(case, ["survey", "representatives", "offer", "answer", "session"])
    return case


def _entry(app: Flask, case_id: UUID, kind: str):
    case = app.extensions["negotiations"].get_case(case_id)
    return [e for e in case.entries if e.type == kind]


def test_a_low_wage_and_long_week_are_warned_and_saved_only_when_confirmed(
        app: Flask, li: Story, case_id: UUID) -> None:
    before = li.version(case_id)
    warned = li.post(case_id, "draft", LOW, offset=55)
    page = warned.get_data(as_text=True)
    assert warned.status_code == 200
    assert 'role="alert" id="warnings"' in page and 'name="confirm_warnings"' in page
    assert "最低工资 500 元/月低于梅州市法定最低工资标准 1750 元/月" in page
    assert "粤府函〔2025〕23号" in page and "72 小时，超过标准工时每周 40 小时" in page
    assert 'value="500"' in page                      # what she typed is kept
    assert li.version(case_id) == before

    saved = li.post(case_id, "draft", {**LOW, "confirm_warnings": "y"}, offset=55)
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
    (draft,) = _entry(app, case_id, "DraftAgreed")
    assert [c.key for c in entry_warnings(draft)] == ["minimum_wage_below", "weekly_hours_over"]

    case_file = li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "已确认的提示" in case_file and "低于梅州市法定最低工资标准 1750 元/月" in case_file
    history = li.client.get(f"/cases/{case_id}/history").get_data(as_text=True)
    assert "已确认的提示" in history and "低于梅州市法定最低工资标准" in history
    english = li.client.get(f"/cases/{case_id}/history?lang=en").get_data(as_text=True)
    assert "Warnings confirmed" in english
    assert "statutory minimum of 1750 yuan a month (粤府函〔2025〕23号" in english
    li.client.get("/cases?lang=zh")                   # the language sticks: back to Chinese


def test_the_box_is_not_needed_when_nothing_is_warned(li: Story, case_id: UUID) -> None:
    page = li.client.get(f"/cases/{case_id}/record/ratification").get_data(as_text=True)
    assert 'name="confirm_warnings"' not in page


def test_a_vote_of_all_workers_short_of_the_headcount_is_warned(
        app: Flask, li: Story, case_id: UUID) -> None:
    before = li.version(case_id)
    warned = li.post(case_id, "ratification", SHORT_VOTE, offset=57)
    assert warned.status_code == 200
    assert "应到人数（30 人）与企业职工人数（40 人）不一致" in warned.get_data(as_text=True)
    assert li.version(case_id) == before
    english = li.post(case_id, "ratification", SHORT_VOTE, offset=57,
                      path=f"/cases/{case_id}/record/ratification?lang=en")
    assert "A vote of all workers counts 30 members, but the enterprise has 40" in \
        english.get_data(as_text=True)
    li.client.get("/cases?lang=zh")
    saved = li.post(case_id, "ratification", {**SHORT_VOTE, "confirm_warnings": "y"},
                    offset=57)
    assert saved.status_code == 302
    (vote,) = _entry(app, case_id, "RatificationVoted")
    assert entry_warnings(vote)[0].params == {"members": 30, "headcount": 40}


def test_the_api_answers_a_problem_listing_the_warnings_until_confirmed(
        app: Flask, callers: dict[str, Caller], projections: None) -> None:
    li = callers["li"]
    opened = li.post("/cases", opening_body(1102))
    assert opened.status_code == 201, opened.get_json()
    case_id, version = UUID(opened.get_json()["case_id"]), opened.get_json()["version"]
    for slug in ("survey", "representatives", "offer", "answer", "session"):
        done = li.step(case_id, slug, step_body(slug, version))
        assert done.status_code == 201, (slug, done.get_json())
        version = done.get_json()["version"]
    low = step_body("draft", version, minimum_wage=500, weekly_hours=72)
    problem = li.step(case_id, "draft", low)
    body = problem.get_json()
    assert problem.status_code == 422 and problem.mimetype == "application/problem+json"
    assert body["type"].endswith("/warnings-unconfirmed")
    assert [w["key"] for w in body["warnings"]] == ["minimum_wage_below", "weekly_hours_over"]
    assert body["warnings"][0]["params"]["minimum"] == 1750
    assert "低于梅州市法定最低工资标准" in body["errors"]["confirm_warnings"][0]
    assert li.version(case_id) == version
    done = li.step(case_id, "draft", {**low, "confirm_warnings": True})
    assert done.status_code == 201, done.get_json()
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    assert "confirm_warnings" in str(spec) and "warnings-unconfirmed" in str(spec)
