"""Every step of the procedure (docs/procedure.md) recorded through its form, in the order a
real case takes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from steps_story import EVENTS, ORDER, Story, day, projections, second_worker

from domain.labels import label
from domain.values import Actor, Role

__all__ = ["projections", "second_worker"]


@dataclass
class Told:
    """What posting one step did."""

    status: int
    before: int
    after: int
    last_type: str
    page: str
    summary: dict[str, Any]


@pytest.fixture(scope="module")
def told(app: Flask, projections: None, second_worker: None) -> dict[str, Told]:
    """The whole story, each step posted through its form; what each did."""
    story = Story(app, app.test_client()).login("li")
    negotiations = app.extensions["negotiations"]
    case_id = story.open_case(101)
    results: dict[str, Told] = {"open": Told(302, 0, story.version(case_id), "CaseOpened",
                                             story.client.get(f"/cases/{case_id}")
                                             .get_data(as_text=True), story.summary(case_id))}
    for slug in ORDER:
        if slug == "reopening":
            request = negotiations.get_case(case_id).state.sign_offs[-1].start.version
            negotiations.give_sign_off(case_id, story.version(case_id),
                                       Actor("sup-xn", "赵督导", Role.SUPERVISOR),
                                       date.fromisoformat(day(399)), request_version=request)
        before = story.version(case_id)
        response = story.tell(case_id, slug)
        case = negotiations.get_case(case_id)
        page = story.client.get(f"/cases/{case_id}").get_data(as_text=True)
        results[slug] = Told(response.status_code, before, case.version, case.entries[-1].type,
                             page, story.summary(case_id))
        assert response.status_code == 302, (slug, response.get_data(as_text=True)[:2000])
    results["case_id"] = case_id  # type: ignore[assignment]
    return results


def test_a_case_opened_through_the_form_is_listed(told: dict[str, Told]) -> None:
    opened = told["open"]
    assert opened.after == 1
    assert "兴宁市测试电子有限公司101" in opened.page
    assert opened.summary["stage"] == "opened"
    assert opened.summary["scope"] == "兴宁市"
    assert opened.summary["assigned_id"] == "sw-001"


@pytest.mark.parametrize("slug", ORDER)
def test_each_step_is_recorded_shown_and_listed(told: dict[str, Told], slug: str) -> None:
    result = told[slug]
    assert result.status == 302
    assert result.after == result.before + 1
    assert result.last_type == EVENTS[slug]
    assert label("event", EVENTS[slug]) in result.page
    assert ("已修改" if slug == "correction" else "已记录") in result.page
    assert result.summary["version"] == result.after


def test_the_read_model_follows_the_stages(told: dict[str, Told]) -> None:
    stages = {slug: told[slug].summary["stage"] for slug in ORDER}
    assert stages["representatives"] == "representatives"
    assert stages["offer"] == "offer_sent"
    assert stages["answer"] == "negotiating"
    assert stages["draft"] == "draft_agreed"
    assert stages["ratification"] == "ratified"
    assert stages["signing"] == "signed"
    assert stages["filing"] == "filed"
    assert stages["effect"] == "in_force"
    assert stages["publication"] == "published"
    assert told["reassignment"].summary["assigned_id"] == "sw-002"
    assert stages["reopening"] == "published"


def test_the_correction_and_the_key_terms_reach_the_case(app: Flask,
                                                        told: dict[str, Told]) -> None:
    case = app.extensions["negotiations"].get_case(UUID(str(told["case_id"])))
    vote = next(e for e in case.entries if e.type == "RatificationVoted")
    assert vote["votes_for"] == 25 and vote.corrected_by
    assert case.state.track.draft["key_terms"] == {
        "wage_increase_pct": 5.5, "minimum_wage": 2100, "weekly_hours": 40.0,
        "summary": "工资年增5.5%"}
    assert [r.name for r in case.state.employer_side] == ["王一", "王二", "王四"]
