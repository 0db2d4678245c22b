"""Sanity warnings (domain/rules/sanity.py; docs/procedure.md, *Sanity warnings*): a
minimum wage below Guangdong's statutory minimum, a week over 40 hours and a vote of all
workers that does not count the headcount are recorded only when the worker confirms, and
the warnings confirmed stay on the entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.rules import sanity
from domain.rules.sanity import Caution, WarningsUnconfirmed
from domain.stages import Stage

AFTER_2025 = date(2025, 4, 8)   # the draft's day in the story: Guangdong's 2025 table applies


@pytest.mark.parametrize(("town", "wage", "warned", "minimum"), [
    ("兴宁市宁新街道", 1749, True, 1750),         # 梅州市: tier four
    ("兴宁市宁新街道", 1750, False, 1750),        # the minimum itself is allowed
    ("广州市天河区", 2499, True, 2500),
    ("深圳市南山区粤海街道", 2510, True, 2520),
    ("东莞市长安镇", 2080, False, 2080),
    ("梅江区金山街道", 1700, True, 1750),          # a district typed without its city
    ("某某工业园", 1749, True, 1750),             # no known city: the province's lowest tier
])
def test_a_minimum_wage_below_the_city_minimum_is_warned(town: str, wage: int, warned: bool,
                                                        minimum: int) -> None:
    found = sanity.below_minimum_wage({"minimum_wage": wage}, town, AFTER_2025, "guangdong")
    assert bool(found) is warned
    if warned:
        assert found[0].params["minimum"] == minimum
        assert "粤府函〔2025〕23号" in found[0].message("zh")
        assert "第四十八条" in found[0].message("zh")


def test_no_minimum_wage_check_without_a_table_or_outside_guangdong() -> None:
    assert sanity.below_minimum_wage({"minimum_wage": 500}, "兴宁市", date(2025, 2, 28),
                                     "guangdong") == []
    assert sanity.below_minimum_wage({"minimum_wage": 500}, "南京市玄武区", AFTER_2025,
                                     "national") == []
    assert sanity.below_minimum_wage({}, "兴宁市", AFTER_2025, "guangdong") == []


@pytest.mark.parametrize(("hours", "warned"),
                         [(40, False), (40.5, True), (72, True), (None, False)])
def test_more_than_forty_hours_a_week_is_warned(hours: float | None, warned: bool) -> None:
    found = sanity.over_standard_hours({"weekly_hours": hours})
    assert bool(found) is warned
    if warned:
        assert "第三条" in found[0].message("zh") and "Art. 3" in found[0].message("en")


def test_a_vote_of_all_workers_counts_the_headcount() -> None:
    assert sanity.all_workers_differ("all_workers", 40, 120)[0].params == {
        "members": 40, "headcount": 120}
    assert sanity.all_workers_differ("all_workers", 120, 120) == []
    assert sanity.all_workers_differ("workers_congress", 40, 120) == []


def test_a_draft_below_the_minimum_is_refused_until_confirmed_then_kept(story) -> None:
    case = story.up_to(Stage.NEGOTIATING)
    version = case.version
    terms = {"minimum_wage": 500, "weekly_hours": 72}
    with pytest.raises(WarningsUnconfirmed) as refused:
        story.agree_draft(case, key_terms=terms)
    assert [c.key for c in refused.value.cautions] == ["minimum_wage_below", "weekly_hours_over"]
    assert {b.field for b in refused.value.breaches} == {"confirm_warnings"}
    assert case.version == version                       # nothing recorded
    story.agree_draft(case, key_terms=terms, confirm_warnings=True)
    entry = case.entries[-1]
    assert [c.key for c in sanity.entry_warnings(entry)] == ["minimum_wage_below",
                                                             "weekly_hours_over"]
    assert "500 元/月低于梅州市法定最低工资标准 1750 元/月" in sanity.warning_texts(entry)[0]


def test_a_draft_without_anything_to_warn_keeps_no_warnings(story) -> None:
    case = story.up_to(Stage.DRAFT_AGREED)
    assert case.entries[-1].facts["warnings"] is None
    assert sanity.entry_warnings(case.entries[-1]) == []


def test_a_vote_of_all_workers_short_of_the_headcount_waits_for_confirmation(story) -> None:
    case = story.up_to(Stage.DRAFT_AGREED, headcount=120, women=20)
    with pytest.raises(WarningsUnconfirmed):
        story.ratify(case, body="all_workers", members=40, present=27, votes_for=21)
    story.ratify(case, body="all_workers", members=40, present=27, votes_for=21,
                 confirm_warnings=True)
    assert sanity.entry_warnings(case.entries[-1]) == [
        Caution("all_workers_differ", {"members": 40, "headcount": 120})]


def test_an_entry_recorded_before_warnings_existed_has_none(story) -> None:
    case = story.up_to(Stage.DRAFT_AGREED)
    old = case.entries[-1]
    facts = {k: v for k, v in old.facts.items() if k != "warnings"}
    assert sanity.entry_warnings(replace(old, facts=facts)) == []


def test_restating_a_draft_names_the_warnings_only_when_they_change(story, worker) -> None:
    case = story.agree_draft(story.up_to(Stage.NEGOTIATING), key_terms={"minimum_wage": 2000})
    draft = case.entries[-1]

    def restate(wage: int, **confirm: bool) -> dict:
        case.restate_entry(worker, draft.occurred_on, corrects_version=draft.version,
                           reason="更正最低工资", restated_on=draft.occurred_on,
                           facts={"text": draft["text"], "key_terms": {"minimum_wage": wage},
                                  "signed_by_chiefs": True, **confirm})
        return case.entries[-1].facts["changes"]

    with pytest.raises(WarningsUnconfirmed):
        restate(500)
    changes = restate(500, confirm_warnings=True)
    assert changes["key_terms.minimum_wage"] == 500
    assert [w["key"] for w in changes["warnings"]] == ["minimum_wage_below"]
    assert [c.key for c in sanity.entry_warnings(case.state.track.draft)] == [
        "minimum_wage_below"]
    assert restate(1800) == {"key_terms.minimum_wage": 1800, "warnings": None}
    assert sanity.entry_warnings(case.state.track.draft) == []
    assert restate(1900) == {"key_terms.minimum_wage": 1900}      # none before, none now
