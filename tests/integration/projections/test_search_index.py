"""The search index (projections.search_index) finds exactly what the scan finds: terms of
one, two and more characters, Latin letters in any case and width, parts of a town stored
with its county, corrected values; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from casebook import ELECTRONICS, FOOD, TEXTILE, Cases, dump
from searching import PREFIXED, cases_found, notices_found, same_as_the_scan, tell_prefixed
from sqlalchemy.engine import Engine
from storyteller import Story

from projections import search_index
from projections.runner import Projector
from projections.search_index import text_search
from projections.tables import case_summaries


@pytest.fixture
def prefixed(story: Story, cases: Cases, projected: Projector) -> Projector:
    """The scenario, and a food firm whose town is stored with its county's prefix."""
    return tell_prefixed(story, projected)


def test_one_two_and_more_characters_find_what_the_scan_finds(
        engine: Engine, prefixed: Projector) -> None:
    same_as_the_scan(engine)
    assert set(cases_found(engine, "宁")) == {ELECTRONICS, PREFIXED}
    assert cases_found(engine, "兴宁 电子") == [ELECTRONICS]
    assert set(cases_found(engine, "食品")) == {FOOD, PREFIXED}
    assert cases_found(engine, "嘉应") == notices_found(engine, "嘉应") == [TEXTILE]
    assert cases_found(engine, "子电") == cases_found(engine, "某某某") == []
    assert cases_found(engine, "100%") == cases_found(engine, "_") == []


def test_latin_letters_are_found_in_any_case_and_width(
        engine: Engine, prefixed: Projector) -> None:
    wage = {ELECTRONICS, FOOD, PREFIXED}
    for term in ("wage", "WAGE", "Wage Agreement", "ｗａｇｅ", "wAgEaGrEeMeNt"):
        assert set(cases_found(engine, term)) == wage, term
    code = dump(engine, case_summaries)[0][3]
    assert cases_found(engine, code.lower()) == cases_found(engine, code.upper()) != []


def test_a_town_stored_with_its_county_prefix_is_found_by_its_parts(
        engine: Engine, prefixed: Projector) -> None:
    for part in ("宁新街道", "兴宁", "宁新", "新街", "兴宁市宁新街道", "宁新 食品"):
        assert PREFIXED in cases_found(engine, part), part
    assert cases_found(engine, "宁新街道", scopes=["xingning"]) == [PREFIXED]
    assert cases_found(engine, "宁新街道", scopes=["meijiang"]) == []


def test_corrected_values_are_found_by_the_new_value_only(
        engine: Engine, story: Story, cases: Cases, projected: Projector) -> None:
    story.step("correct_entry", cases.electronics, date(2025, 6, 1), corrects_version=1,
               changes={"enterprise.name": "兴宁市新科电子有限公司"}, reason="名称录入错误")
    story.step("correct_entry", cases.food, date(2025, 6, 2), corrects_version=1,
               changes={"enterprise.town": "五华县水寨镇"}, reason="镇名录入错误")
    projected.catch_up()
    renamed = ["兴宁市新科电子有限公司"]
    assert cases_found(engine, "新科") == notices_found(engine, "新科") == renamed
    assert cases_found(engine, "某某") == notices_found(engine, "某某") == []
    assert cases_found(engine, "水寨") == [FOOD]
    same_as_the_scan(engine)


def test_sqlite_reads_the_index_for_few_candidates_and_scans_for_many(
        engine: Engine, prefixed: Projector, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite weighs the two ways itself (PostgreSQL's planner does): with no floor of
    candidates, a term in two of the five cases is scanned for at one in three, one in a
    single case is looked up; both find what the scan finds."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner chooses")
    monkeypatch.setattr(search_index, "FEW", 0)
    monkeypatch.setattr(search_index, "SCAN_SHARE", 3)
    assert text_search(engine, case_summaries, "兴宁")[0] is case_summaries
    assert text_search(engine, case_summaries, "嘉应")[0] is not case_summaries
    same_as_the_scan(engine)
