"""Text a person or a program sends is refused at the boundary when it holds NUL, another
control character or a lone surrogate, and one-line texts refuse line breaks and tabs:
in the step forms, the JSON API, query strings, login and account forms and attachment
names. The refusal names the field in the caller's language, and nothing is recorded.
Numbers are whole where whole numbers belong: 1000.5 workers is refused, not cut to 1000.
"""

from __future__ import annotations

import json
from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from flask.testing import FlaskClient
from steps_story import PASSWORD, PDF, Story, attachment_upload, projections, second_worker
from test_api_errors import problem

__all__ = ["callers", "projections", "second_worker"]
NUL_IN_NAME = "“企业名称”含有不允许的字符（U+0000）：不能包含 NUL 等控制字符或残缺的 Unicode 字符。"


@pytest.fixture(scope="module")
def story(app: Flask, projections: None, second_worker: None) -> Story:
    """Li, logged in."""
    return Story(app, app.test_client()).login("li")


@pytest.fixture(scope="module")
def case_id(story: Story) -> UUID:
    """A case of Li's, opened through the form."""
    return story.open_case(811)


def logged_in(app: Flask, username: str) -> FlaskClient:
    """A browser logged in as ``username``."""
    client = app.test_client()
    assert client.post("/login", data={"username": username,
                                       "password": PASSWORD}).status_code == 302
    return client


def test_a_nul_in_an_enterprise_name_opens_no_case(callers: dict[str, Caller],
                                                    unchanged: None) -> None:
    found = problem(callers["li"].post("/cases", opening_body(801, name="零\u0000字节")), 422)
    assert found["errors"] == {"name": [NUL_IN_NAME]}
    english = Caller(callers["li"].client, callers["li"].token, "en")
    found = problem(english.post("/cases", opening_body(801, name="零\u0000字节")), 422)
    assert found["errors"] == {"name": [
        "“Enterprise name” contains a character that is not allowed (U+0000): control "
        "characters such as NUL and broken Unicode are refused."]}


def test_a_lone_surrogate_is_refused_not_a_server_error(callers: dict[str, Caller],
                                                        case_id: UUID, unchanged: None) -> None:
    li = callers["li"]
    version = li.version(case_id)
    note = json.dumps(step_body("note", version, text="半\ud800个"))
    found = problem(li.post(f"/cases/{case_id}/steps/note", raw=note), 422)
    assert "U+D800" in found["errors"]["text"][0]  # type: ignore[index]
    named = json.dumps({**step_body("note", version), "\udfff": 1})
    found = problem(li.post(f"/cases/{case_id}/steps/note", raw=named), 422)
    assert set(found["errors"]) == {"\udfff"}  # type: ignore[arg-type]


def test_control_characters_typed_in_a_form_are_shown_at_their_field(story: Story,
                                                                      case_id: UUID) -> None:
    before = story.version(case_id)
    response = story.post(case_id, "note", {"text": "电话\x1b[31m沟通"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="text"' in page and "“备注”含有不允许的字符（U+001B）" in page
    response = story.post(case_id, "survey", {
        "method": "forum", "period_start": "2025-01-02", "period_end": "2025-01-05",
        "respondents": "30", "findings": "工资偏低", "demands-0-text": "涨工资\n减加班"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="demands-0-text"' in page and "只能填写一行" in page
    assert story.version(case_id) == before


def test_long_texts_keep_their_lines_and_tabs(story: Story, case_id: UUID) -> None:
    response = story.post(case_id, "note", {"text": "第一行\r\n\t第二行"})
    assert response.status_code == 302
    note = story.app.extensions["negotiations"].get_case(case_id).entries[-1]
    assert note["text"] == "第一行\r\n\t第二行"


def test_query_string_texts_are_refused(app: Flask, story: Story,
                                        callers: dict[str, Caller]) -> None:
    page = story.client.get("/cases?q=%E7%94%B5%00%E5%AD%90")
    assert page.status_code == 400
    assert "“搜索”含有不允许的字符（U+0000）" in page.get_data(as_text=True)
    assert app.test_client().get("/notices?town=%1B").status_code == 400
    found = problem(callers["li"].get("/cases", q="电\x00子"), 422)
    assert "“q”含有不允许的字符（U+0000）" in found["errors"]["q"][0]  # type: ignore[index]
    problem(callers["public"].get("/notices", town="兴\x07宁"), 422)


def test_login_refuses_control_characters_before_looking_anyone_up(app: Flask) -> None:
    response = app.test_client().post("/login", data={"username": "li\x00",
                                                      "password": PASSWORD})
    assert response.status_code == 400
    assert "“用户名”含有不允许的字符（U+0000）" in response.get_data(as_text=True)


def test_account_and_token_forms_refuse_control_characters(app: Flask) -> None:
    accounts = app.extensions["accounts"]
    root = logged_in(app, "root")
    response = root.post("/admin/accounts", data={
        "username": "nul-user", "name": "新\x00人", "role": "social_worker", "scope": "兴宁市",
        "password": "long-enough-1"})
    assert response.status_code == 422 and "“姓名”含有不允许的字符" in response.get_data(True)
    assert accounts.by_username("nul-user") is None
    response = root.post("/admin/accounts/sw-wh", data={"role": "social_worker",
                                                        "scope": "五华\n县"})
    assert response.status_code == 422 and accounts.get("sw-wh").scope == "五华县"
    response = root.post("/admin/accounts/sw-wh/active", data={"active": "\x00"})
    assert response.status_code == 400 and accounts.get("sw-wh").active
    li = logged_in(app, "li")
    from web.api.auth import tokens

    with app.app_context():
        before = len(tokens().tokens_of("sw-001"))
        response = li.post("/account/tokens", data={"name": "脚\x07本", "days": "90"})
        assert response.status_code == 400 and "“令牌名称”含有不允许的字符（U+0007）" in \
            response.get_data(True)
        assert len(tokens().tokens_of("sw-001")) == before


def test_an_attachment_named_with_a_control_character_is_refused(
        story: Story, case_id: UUID, callers: dict[str, Caller]) -> None:
    before = story.version(case_id)
    response = story.post(case_id, "attachment", {"description": "扫描件"},
                          **attachment_upload(PDF, "合\x00同.pdf"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="file"' in page and "文件名含有不允许的字符（U+0000）" in page
    body = step_body("attachment", before, filename="合\n同.pdf")
    found = problem(callers["li"].step(case_id, "attachment", body), 422)
    assert found["errors"] == {"filename": ["“文件名”只能填写一行，不能包含换行符或制表符。"]}
    assert story.version(case_id) == before


def test_a_fraction_is_refused_where_a_whole_number_belongs(
        callers: dict[str, Caller], case_id: UUID, unchanged: None) -> None:
    li = callers["li"]
    for headcount in (1000.5, 1e3):
        found = problem(li.post("/cases", opening_body(802, headcount=headcount)), 422)
        assert found["errors"] == {"headcount": ["请输入整数。"]}
    body = step_body("outreach", li.version(case_id), participants=12.0)
    assert problem(li.step(case_id, "outreach", body), 422)["errors"] == {
        "participants": ["请输入整数。"]}
    problem(li.get("/cases", page=1.5), 422)
    problem(li.get(f"/cases/{case_id}", version="1.0"), 422)


def test_a_whole_number_is_still_taken_as_json_or_as_typed(callers: dict[str, Caller],
                                                           story: Story) -> None:
    opened = callers["li"].post("/cases", opening_body(803, headcount=1000))
    assert opened.status_code == 201
    case = story.app.extensions["negotiations"].get_case(UUID(opened.get_json()["case_id"]))
    assert case.state.enterprise.headcount == 1000
    assert story.open_case(804, headcount=" 1000 ")
