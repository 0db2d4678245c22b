"""Bad input on every form: shown next to its field with what was typed; nothing recorded."""

from __future__ import annotations

from uuid import UUID

import pytest
from flask import Flask
from steps_story import Story, opening, projections, second_worker

__all__ = ["projections", "second_worker"]

# slug -> (the form's fields, the input whose error must show, a typed value shown again)
BAD: dict[str, tuple[dict[str, str], str, str]] = {
    "survey": ({"method": "forum", "period_start": "2025-01-02", "period_end": "2025-01-05",
                "respondents": "0", "findings": "工资偏低"}, "respondents", "工资偏低"),
    "outreach": ({"kind": "training", "participants": "-3", "description": "培训课"},
                 "participants", "培训课"),
    "representatives": ({"worker_side-0-position": "车间主任", "worker_side-0-chief": "y",
                         "employer_appointed_by": "王总", "worker_selection": "union",
                         "chief_basis": "union_chair"}, "worker_side-0-name", "车间主任"),
    "vacancy": ({"side": "workers", "name": "张一", "reason": " "}, "reason", "张一"),
    "replacement": ({"side": "workers", "name": "张一", "new_name": "", "position": "组长"},
                    "new_name", "组长"),
    "offer": ({"from_side": "workers", "received_on": "2025-13-45", "agenda-0": "工资调整",
               "timetable": "每周一次"}, "received_on", "工资调整"),
    "answer": ({"accepted": "maybe", "reason": "再议"}, "accepted", "再议"),
    "session": ({"chaired_by": "workers", "recorder": "赵记录", "items-0-topic": "工资",
                 "items-0-status": "done"}, "items-0-status", "赵记录"),
    "suspension": ({"resume_on": "", "topics-0": "加班费"}, "resume_on", "加班费"),
    "dispute": ({"bureau": "兴宁市人社局", "accepted_on": "yesterday", "issues": "工资"},
                "accepted_on", "兴宁市人社局"),
    "dispute-extension": ({"reason": "   "}, "reason", ""),
    "dispute-resolution": ({"outcome": ""}, "outcome", ""),
    "draft": ({"text": "草案全文", "wage_increase_pct": "150", "signed_by_chiefs": "y"},
              "wage_increase_pct", "草案全文"),
    "ratification": ({"body": "workers_congress", "members": "forty", "present": "27",
                      "votes_for": "21"}, "members", "forty"),
    "signing": ({"term_start": "2025-05-01", "term_end": ""}, "term_end", "2025-05-01"),
    "filing": ({"bureau": "", "received_on": "2025-05-06"}, "bureau", "2025-05-06"),
    "completion-request": ({"items": ""}, "items", ""),
    "completion-supply": ({"supplied": "材料", "received_on": "2025-13-01"}, "received_on",
                          "材料"),
    "objection": ({"issues": ""}, "issues", ""),
    "effect": ({"basis": "whatever"}, "basis", ""),
    "publication": ({"channels": "公告栏", "monitoring_contact": "电" * 300},
                    "monitoring_contact", "公告栏"),
    "implementation": ({"findings": "", "problems": "拖欠"}, "findings", "拖欠"),
    "renewal": ({"requested_by": "union"}, "requested_by", ""),
    "note": ({"text": ""}, "text", ""),
    "attachment": ({"description": "扫描件"}, "file", "扫描件"),
    "reassignment": ({"to": "nobody", "reason": "休假"}, "to", "休假"),
    "sign-off": ({"subject": "holiday", "note": "请审核"}, "subject", "请审核"),
    "reopening": ({"reason": ""}, "reason", ""),
}


@pytest.fixture(scope="module")
def story(app: Flask, projections: None, second_worker: None) -> Story:
    """Li, logged in."""
    return Story(app, app.test_client()).login("li")


@pytest.fixture(scope="module")
def case_id(story: Story) -> UUID:
    """A fresh case to send bad forms to."""
    return story.open_case(201)


def test_every_step_has_a_bad_input_case() -> None:
    from web.forms.registry import STEPS

    assert {s.slug for s in STEPS if not s.step.rewrites_history} == set(BAD)


@pytest.mark.parametrize("slug", list(BAD))
def test_bad_input_is_shown_at_its_field_and_records_nothing(story: Story, case_id: UUID,
                                                            slug: str) -> None:
    fields, field, typed = BAD[slug]
    before = story.version(case_id)
    response = story.post(case_id, slug, fields, offset=100)
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page[:2000]
    assert f'class="error field-error" data-field="{field}"' in page
    assert typed in page
    assert story.version(case_id) == before


def test_a_bad_date_is_shown_at_the_date(story: Story, case_id: UUID) -> None:
    before = story.version(case_id)
    response = story.client.post(f"/cases/{case_id}/record/note", data={
        "occurred_on": "2025-02-30", "expected_version": str(before), "text": "电话沟通"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="occurred_on"' in page and "YYYY-MM-DD" in page and "电话沟通" in page
    assert story.version(case_id) == before


def test_bad_input_when_opening_a_case_opens_nothing(app: Flask, story: Story) -> None:
    fields = opening(202, headcount="很多", women="")
    response = story.client.post("/cases/new", data=fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="headcount"' in page and 'data-field="women"' in page
    assert "兴宁市测试电子有限公司202" in page
    assert "“职工人数”：请输入整数。" in page and "请填写“女职工人数”。" in page
    with pytest.raises(LookupError):
        app.extensions["negotiations"].get_case(UUID(fields["case_token"]))


def test_the_forms_show_in_chinese_with_today_as_the_date(story: Story, case_id: UUID) -> None:
    from domain import clock

    page = story.client.get(f"/cases/{case_id}/record/representatives").get_data(as_text=True)
    assert "产生协商代表" in page and "首席代表" in page
    assert f'value="{clock.today().isoformat()}"' in page
    assert page.count('name="worker_side-9-name"') == 1
    english = story.client.get(f"/cases/{case_id}/record/survey?lang=en").get_data(as_text=True)
    assert "Worker demands" in english and "Questionnaire" in english
    story.client.get("/?lang=zh")
    assert story.client.get(f"/cases/{case_id}/record/no-such-step").status_code == 404
