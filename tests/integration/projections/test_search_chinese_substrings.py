"""Search: Chinese substrings of an enterprise's name, in the case list and the notices."""

from __future__ import annotations

from datetime import date

from casebook import ELECTRONICS, FOOD, TEXTILE, Cases
from sqlalchemy.engine import Engine
from storyteller import Story

from projections.queries import CaseFilter, list_cases, search_notices
from projections.runner import Projector

TODAY = date(2025, 7, 1)


def cases_found(engine: Engine, text: str) -> set[str]:
    return {row["enterprise"] for row in list_cases(engine, CaseFilter(text=text)).rows}


def notices_found(engine: Engine, text: str) -> set[str]:
    return {row["enterprise"] for row in search_notices(engine, TODAY, text=text).rows}


def test_a_two_character_substring_of_the_name_finds_the_enterprise(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    assert ELECTRONICS == "兴宁市某某电子有限公司"
    for fragment in ("某某", "电子", "某电", "兴宁", "有限公司"):
        assert cases_found(engine, fragment) >= {ELECTRONICS}, fragment
        assert ELECTRONICS in notices_found(engine, fragment), fragment
    assert cases_found(engine, "某某") == notices_found(engine, "某某") == {ELECTRONICS}
    assert cases_found(engine, "嘉应") == notices_found(engine, "嘉应") == {TEXTILE}


def test_a_substring_the_name_does_not_contain_finds_nothing(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    for fragment in ("电器", "某某纺织", "子电", "某某某"):
        assert cases_found(engine, fragment) == set(), fragment
        assert notices_found(engine, fragment) == set(), fragment


def test_every_term_must_match_and_width_and_case_do_not_matter(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    assert cases_found(engine, "兴宁 电子") == {ELECTRONICS}
    assert cases_found(engine, "兴宁 纺织") == set()
    assert cases_found(engine, "工资专项") == {ELECTRONICS, FOOD}, "the kind's label"
    assert cases_found(engine, "WAGE agreement") == {ELECTRONICS, FOOD}, "and its English"
    assert cases_found(engine, "ｗａｇｅ") == {ELECTRONICS, FOOD}, "full-width letters"
    code = next(r["credit_code"] for r in list_cases(engine, CaseFilter()).rows
                if r["enterprise"] == ELECTRONICS)
    assert cases_found(engine, code.lower()) == notices_found(engine, code) == {ELECTRONICS}
    assert cases_found(engine, "100%") == set(), "LIKE wildcards are taken literally"
    assert cases_found(engine, "_") == set()


def test_the_public_search_sees_only_published_notices_and_no_internal_text(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    assert cases_found(engine, "华城") == {FOOD}
    assert notices_found(engine, "华城") == set(), "not published"
    assert len(cases_found(engine, "李社工")) == 3, "the assigned worker is searchable inside"
    assert notices_found(engine, "李社工") == set(), "but not in public"
    assert notices_found(engine, "已公示") == set(), "nor the internal stage"


def test_a_corrected_name_is_found_by_the_new_name_only(
        engine: Engine, story: Story, cases: Cases, projected: Projector) -> None:
    story.step("correct_entry", cases.electronics, date(2025, 6, 1), corrects_version=1,
               changes={"enterprise.name": "兴宁市新科电子有限公司"}, reason="名称录入错误")
    projected.catch_up()
    assert cases_found(engine, "新科") == notices_found(engine, "新科") == {
        "兴宁市新科电子有限公司"}
    assert cases_found(engine, "某某") == notices_found(engine, "某某") == set()
