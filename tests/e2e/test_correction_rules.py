"""A correction changes a fact only within the rules of the step that recorded it: the
enterprise's name stays within 200 characters and on one line, counts stay in their range,
dates within their bounds, and no text takes a control character. The refusal is shown at
the new value (naming the corrected field where its own rule refuses it); a correction
within the rules is recorded.
"""

from __future__ import annotations

from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from flask import Flask
from steps_story import Story, opening, projections, second_worker
from test_api_errors import problem

__all__ = ["callers", "projections", "second_worker"]
OPENED, SURVEYED = 1, 2


@pytest.fixture(scope="module")
def case_id(callers: dict[str, Caller], projections: None) -> UUID:
    """A case of Li's, opened and surveyed through the API."""
    li = callers["li"]
    opened = li.post("/cases", opening_body(831))
    assert opened.status_code == 201
    case = UUID(opened.get_json()["case_id"])
    assert li.step(case, "survey", step_body("survey", OPENED)).status_code == 201
    return case


@pytest.fixture(scope="module")
def story(app: Flask, second_worker: None) -> Story:
    """Li, logged in."""
    return Story(app, app.test_client()).login("li")


def correction(callers: dict[str, Caller], case_id: UUID, version: int, field: str,
               value: str) -> dict[str, object]:
    """The body of a correction of ``field`` of the entry at ``version``."""
    return step_body("correction", callers["li"].version(case_id),
                     corrects_version=str(version), field=field, value=value)


@pytest.mark.parametrize(("version", "field", "value", "words"), [
    (OPENED, "enterprise.name", "长" * 5000, "最多 200 个字符。"),
    (OPENED, "enterprise.name", "新\x00名", "“新值”含有不允许的字符（U+0000）"),
    (OPENED, "enterprise.name", "第一行\n第二行", "“企业名称”只能填写一行"),
    (OPENED, "enterprise.headcount", "0", "应在 1 到 1000000 之间。"),
    (OPENED, "occurred_on", "0001-01-01", "请输入 1995-01-01 至 2100-12-31 之间的日期。"),
    (SURVEYED, "respondents", "2000000", "应在 1 到 1000000 之间。"),
    (SURVEYED, "period_end", "9999-12-31", "请输入 1995-01-01 至 2100-12-31 之间的日期。"),
    (SURVEYED, "findings", "工资\x1b偏低", "“新值”含有不允许的字符（U+001B）"),
    (SURVEYED, "method", "nowhere", "请从选项中选择。"),
])
def test_a_correction_outside_the_steps_rules_is_refused_at_the_value(
        callers: dict[str, Caller], case_id: UUID, version: int, field: str, value: str,
        words: str, unchanged: None) -> None:
    body = correction(callers, case_id, version, field, value)
    found = problem(callers["li"].step(case_id, "correction", body), 422)
    assert list(found["errors"]) == ["value"]  # type: ignore[call-overload]
    assert words in found["errors"]["value"][0]  # type: ignore[index]


def test_the_form_shows_the_refusal_at_the_field_it_corrects(story: Story, case_id: UUID,
                                                             unchanged: None) -> None:
    form = story.client.get(f"/cases/{case_id}/entries/{OPENED}/correct")
    assert form.status_code == 200 and "兴宁市测试电子有限公司" in form.get_data(as_text=True)
    fields = {**opening(831), "name": "长" * 5000, "reason": "名称有误"}
    response = story.correct(case_id, OPENED, fields, offset=0)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-field="name"' in page and "最多 200 个字符。" in page


def test_a_correction_within_the_rules_is_recorded(callers: dict[str, Caller],
                                                   case_id: UUID, app: Flask) -> None:
    for field, value in (("enterprise.name", "兴宁市更正电子有限公司"), ("respondents", "31")):
        version = OPENED if field.startswith("enterprise") else SURVEYED
        response = callers["li"].step(case_id, "correction",
                                      correction(callers, case_id, version, field, value))
        assert response.status_code == 201, response.get_json()
    state = app.extensions["negotiations"].get_case(case_id).state
    assert state.enterprise.name == "兴宁市更正电子有限公司"


def test_every_correctable_entry_is_checked_by_the_form_that_recorded_it() -> None:
    from domain.events import StepEvent
    from web.forms.correction_fields import SCHEMAS

    assert set(SCHEMAS) == set(StepEvent.named)


def test_every_correctable_entry_has_its_steps_form_to_be_corrected_by() -> None:
    from domain.events import StepEvent
    from web.forms.restating import schema_for

    missing = {name for name in StepEvent.named if schema_for(name) is None}
    assert missing == set()
