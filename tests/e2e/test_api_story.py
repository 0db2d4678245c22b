"""One case carried through every step by a program using the API, to a published notice
that anyone can then read without a token."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from api_kit import Caller, callers, opening_body, step_body
from steps_story import EVENTS, ORDER, day, projections, second_worker

from domain import clock
from web.usecases.notices import NOTICE_FIELDS

__all__ = ["callers", "projections", "second_worker"]
SEED = 501


@pytest.fixture(scope="module")
def story(callers: dict[str, Caller], projections: None) -> dict[str, Any]:
    """Li records every step through the API; Zhao gives the closure sign-off."""
    li, zhao = callers["li"], callers["zhao"]
    opened = li.post("/cases", opening_body(SEED))
    assert opened.status_code == 201, opened.get_json()
    case_id = UUID(opened.get_json()["case_id"])
    answers: dict[str, Any] = {"case_id": case_id, "opened": opened}
    version = opened.get_json()["version"]
    for slug in ORDER:
        changes: dict[str, Any] = {}
        if slug == "reopening":
            request_version = version
            decided = zhao.post(f"/cases/{case_id}/sign-off-decisions", {
                "occurred_on": day(399), "expected_version": version,
                "request_version": request_version, "decision": "give", "note": "同意结案"})
            assert decided.status_code == 201, decided.get_json()
            version = decided.get_json()["version"]
            answers["closed"] = li.get(f"/cases/{case_id}").get_json()
        if slug == "correction":
            history = li.get(f"/cases/{case_id}/history").get_json()["entries"]
            vote = next(e for e in history if e["type"] == "RatificationVoted")
            changes["corrects_version"] = str(vote["version"])
        response = li.step(case_id, slug, step_body(slug, version, **changes))
        assert response.status_code == 201, (slug, response.get_json())
        answers[slug] = response
        version = response.get_json()["version"]
    return answers


def test_every_step_is_recorded_once_in_order(story: dict[str, Any],
                                              callers: dict[str, Caller]) -> None:
    history = callers["li"].get(f"/cases/{story['case_id']}/history").get_json()["entries"]
    types = [e["type"] for e in history]
    expected = [EVENTS[slug] for slug in ORDER]
    recorded = [t for t in types if t not in ("CaseOpened", "SignOffGiven", "CaseClosed")]
    assert recorded == expected
    assert [e["version"] for e in history] == list(range(1, len(history) + 1))
    versions = [story[slug].get_json()["version"] for slug in ORDER]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)


def test_the_published_notice_is_read_without_a_token(story: dict[str, Any],
                                                      callers: dict[str, Caller]) -> None:
    public = callers["public"]
    notice = public.get(f"/notices/{story['case_id']}")
    assert notice.status_code == 200
    body = notice.get_json()
    assert body["enterprise"] == f"兴宁市测试电子有限公司{SEED}"
    assert body["worker_chief"] == "张一" and body["employer_chief"] == "王一"
    assert body["ratification_votes_for"] == 25, "the correction reached the notice"
    assert body["effect_basis"] == "deemed"
    found = public.get("/notices", q=f"测试电子有限公司{SEED}").get_json()
    assert [n["id"] for n in found["items"]] == [str(story["case_id"])]


def test_the_notice_carries_nothing_beyond_the_public_fields(story: dict[str, Any],
                                                             callers: dict[str, Caller]) -> None:
    body = callers["public"].get(f"/notices/{story['case_id']}").get_json()
    assert set(body) == {*NOTICE_FIELDS, "id"}
    text = str(body)
    for private in ("工资偏低，加班多", "双方就工资调整交换意见", "王总", "签字版合同扫描件"):
        assert private not in text


def test_the_case_reads_as_it_stands_and_as_it_stood(story: dict[str, Any],
                                                     callers: dict[str, Caller]) -> None:
    li, case_id = callers["li"], story["case_id"]
    now = li.get(f"/cases/{case_id}").get_json()
    assert now["stage"] == "published" and now["closed"] is False
    assert now["assigned_to"]["id"] == "sw-002"
    assert "note" in now["next_steps"] and "survey" not in now["next_steps"]
    today = clock.today()
    then = li.get(f"/cases/{case_id}", as_of=today.isoformat()).get_json()
    assert then["version"] == now["version"] and then["as_of"] == today.isoformat()
    before = li.get(f"/cases/{case_id}", as_of=(today - timedelta(days=1)).isoformat())
    assert before.status_code == 404, "nothing of the case had been recorded yesterday"
    assert story["closed"]["closed"] is True and story["closed"]["stage"] == "closed"
    early = li.get(f"/cases/{case_id}", version=2).get_json()
    assert early["version"] == 2 and early["stage"] == "surveyed"


def test_the_case_is_listed_found_and_audited(story: dict[str, Any],
                                              callers: dict[str, Caller]) -> None:
    li, zhao, case_id = callers["li"], callers["zhao"], str(story["case_id"])
    listed = li.get("/cases", q=f"有限公司{SEED}").get_json()
    assert [row["case_id"] for row in listed["items"]] == [case_id]
    audit = zhao.get("/audit", case=case_id, per_page=200).get_json()
    history = li.get(f"/cases/{case_id}/history").get_json()["entries"]
    assert audit["total"] == len(history)
    assert {row["actor_id"] for row in audit["items"]} == {"sw-001", "sup-xn"}
    assert zhao.get("/statistics").get_json()["contracts_in_force"] >= 1


def test_the_attachment_was_checked_and_kept(story: dict[str, Any],
                                             callers: dict[str, Caller]) -> None:
    history = callers["li"].get(f"/cases/{story['case_id']}/history").get_json()["entries"]
    attached = next(e for e in history if e["type"] == "AttachmentAdded")
    assert attached["facts"]["media_type"] == "application/pdf"
    assert attached["facts"]["filename"] == "合同.pdf"
    assert len(attached["facts"]["sha256"]) == 64


def test_deadlines_due_come_in_pages(story: dict[str, Any], callers: dict[str, Caller]) -> None:
    zhao = callers["zhao"]
    everything = zhao.get("/deadlines", days=366, per_page=200).get_json()
    assert everything["total"] > 2
    first, second = (zhao.get("/deadlines", days=366, per_page=2, page=n).get_json()
                     for n in (1, 2))
    assert first["items"] + second["items"] == everything["items"][:4]
    assert all(row["status"] in ("pending", "overdue", "waiting_review", "waiting_bureau")
               for row in everything["items"])
