"""Refusals by the rules, stale forms, and who may record what."""

from __future__ import annotations

import re
from uuid import UUID

import pytest
from flask import Flask
from steps_story import (
    STORY,
    Story,
    day,
    li,
    opening,
    projections,
    reps,
    second_worker,
)

__all__ = ["li", "projections", "second_worker"]



@pytest.fixture(scope="module")
def case_id(li: Story) -> UUID:
    """A case of 兴宁市 with its representatives appointed."""
    case = li.open_case(301)
    li.walk(case, ["survey", "representatives"])
    return case


def test_a_bad_credit_code_is_refused_at_its_field(app: Flask, li: Story) -> None:
    fields = opening(302, credit_code="91441481MA4U000000")
    response = li.client.post("/cases/new", data=fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'data-field="credit_code"' in page and "统一社会信用代码" in page
    assert "91441481MA4U000000" in page
    with pytest.raises(LookupError):
        app.extensions["negotiations"].get_case(UUID(fields["case_token"]))


def test_a_rule_of_the_procedure_is_shown_at_its_field(li: Story, case_id: UUID) -> None:
    before = li.version(case_id)
    fields = {**STORY["survey"][1], "period_start": day(8), "period_end": day(2)}
    response = li.post(case_id, "survey", fields, offset=9)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'data-field="period_end"' in page and "日期不能早于调查开始日期" in page
    assert "工资偏低，加班多" in page
    assert li.version(case_id) == before


def test_a_rule_without_a_field_is_shown_at_the_top(li: Story, case_id: UUID) -> None:
    before = li.version(case_id)
    response = li.post(case_id, "answer", {"accepted": "false", "reason": ""}, offset=30)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="error form-errors"' in page and "没有等待回应的要约" in page
    assert 'data-field="reason"' in page and "拒绝要约须书面说明理由" in page
    assert li.version(case_id) == before


def test_sides_are_checked_by_the_articles(li: Story) -> None:
    case = li.open_case(303)
    fields = {**reps("张", "worker_side", 2), **reps("王", "employer_side", 3),
              "worker_selection": "union", "chief_basis": "union_chair",
              "employer_appointed_by": "王总"}
    response = li.post(case, "representatives", fields, offset=14)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'data-field="worker_side"' in page and "第十九条" in page
    assert "张二" in page and li.version(case) == 1


def _typed_version(page: str) -> str:
    return re.search(r'name="expected_version" value="(\d+)"', page)[1]  # type: ignore[index]


def test_a_stale_form_is_refused_with_the_input_kept(app: Flask, li: Story,
                                                     case_id: UUID) -> None:
    chen = Story(app, app.test_client()).login("chen")
    first = li.client.get(f"/cases/{case_id}/record/note").get_data(as_text=True)
    second = chen.client.get(f"/cases/{case_id}/record/note").get_data(as_text=True)
    seen = _typed_version(first)
    assert seen == _typed_version(second)
    assert li.post(case_id, "note", {"text": "李社工的备注"}, version=int(seen)).status_code == 302
    after_first = li.version(case_id)
    response = chen.post(case_id, "note", {"text": "陈社工写了很久的备注"}, version=int(seen))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "其他人已在本案记录了新内容" in page and "陈社工写了很久的备注" in page
    assert li.version(case_id) == after_first
    retry = chen.post(case_id, "note", {"text": "陈社工写了很久的备注"},
                      version=int(_typed_version(page)))
    assert retry.status_code == 302
    texts = [e["text"] for e in app.extensions["negotiations"].get_case(case_id).entries
             if e.type == "NoteAdded"]
    assert texts[-2:] == ["李社工的备注", "陈社工写了很久的备注"]


@pytest.mark.parametrize(("who", "status"), [("zhao", 403), ("root", 403), ("wang", 404)])
def test_others_may_not_record_steps(app: Flask, li: Story, case_id: UUID, who: str,
                                     status: int) -> None:
    other = Story(app, app.test_client()).login(who)
    before = li.version(case_id)
    assert other.client.get(f"/cases/{case_id}/record/offer").status_code == status
    assert other.tell(case_id, "offer").status_code == status
    assert li.version(case_id) == before


def test_a_supervisor_may_add_a_note_but_not_open_a_case(app: Flask, li: Story,
                                                         case_id: UUID) -> None:
    zhao = Story(app, app.test_client()).login("zhao")
    assert zhao.client.get("/cases/new").status_code == 403
    assert zhao.client.post("/cases/new", data=opening(304)).status_code == 403
    page = zhao.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "/record/note" in page and "/record/offer" not in page
    assert zhao.post(case_id, "note", {"text": "督导意见：注意时限"}).status_code == 302


def test_the_case_page_offers_the_steps_that_come_next(li: Story, case_id: UUID) -> None:
    page = li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    for slug in ("offer", "vacancy", "note", "attachment", "sign-off"):
        assert f"/cases/{case_id}/record/{slug}" in page
    assert f"/cases/{case_id}/entries/2/correct" in page
    assert f"/cases/{case_id}/record/correction" not in page
    for slug in ("representatives", "session", "signing", "reopening"):
        assert f"/cases/{case_id}/record/{slug}\"" not in page
