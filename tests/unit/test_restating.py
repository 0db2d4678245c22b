"""Correcting an entry in her own terms: the step is filled in again, its own command checks
the facts, and the correction names exactly the facts that changed."""

from __future__ import annotations

from datetime import date

from domain.entries import as_recorded
from domain.stages import Stage
from domain.values import Enterprise, Representative
from tests.unit.conftest import side

D = date
FIX_DAY = D(2025, 6, 1)


def version_of(case, event_type: str) -> int:
    """The version of the first entry of ``event_type``."""
    return next(r["version"] for r in case.records if r["type"] == event_type)


def last_correction(case) -> dict:
    """The facts of the case's newest entry, a correction."""
    newest = as_recorded(case.records)[-1]
    assert newest.type == "EntryCorrected"
    return newest.facts


def test_a_miscounted_vote_restated_records_only_the_changed_count(story, worker):
    case = story.up_to(Stage.RATIFIED)
    vote = version_of(case, "RatificationVoted")
    case.restate_entry(worker, FIX_DAY, corrects_version=vote, reason="点票有误",
                       restated_on=D(2025, 4, 15),
                       facts={"body": "workers_congress", "members": 40, "present": 27,
                              "votes_for": 25})
    assert last_correction(case) == {"corrects_version": vote, "changes": {"votes_for": 25},
                                     "reason": "点票有误"}
    assert case.state.track.ratifications[0]["votes_for"] == 25


def test_a_restated_step_is_checked_by_its_own_command(story, worker, refused):
    case = story.up_to(Stage.RATIFIED)
    vote = version_of(case, "RatificationVoted")
    assert "votes_within_present" in refused(
        case.restate_entry, worker, FIX_DAY, corrects_version=vote, reason="点票有误",
        restated_on=D(2025, 4, 15),
        facts={"body": "workers_congress", "members": 40, "present": 27, "votes_for": 30})


def test_a_representative_misnamed_is_corrected_by_restating_the_side(story, worker):
    case = story.up_to(Stage.NEGOTIATING)
    appointed = version_of(case, "RepresentativesAppointed")
    entry = next(e for e in case.entries if e.version == appointed)
    workers = side("张")
    workers[1] = Representative(name="李四", position=workers[1].position)
    facts = {**entry.facts, "employer_side": [Representative(**r) for r in
                                              entry["employer_side"]]}
    case.restate_entry(worker, FIX_DAY, corrects_version=appointed, reason="姓名写错",
                       restated_on=entry.occurred_on, facts={**facts, "worker_side": workers})
    changes = last_correction(case)["changes"]
    assert list(changes) == ["worker_side"]
    assert [r.name for r in case.state.worker_side] == [w.name for w in workers]


def test_unchanged_facts_are_refused_as_an_empty_correction(story, worker, refused):
    case = story.up_to(Stage.RATIFIED)
    vote = version_of(case, "RatificationVoted")
    assert refused(case.restate_entry, worker, FIX_DAY, corrects_version=vote, reason="无",
                   restated_on=D(2025, 4, 15),
                   facts={"body": "workers_congress", "members": 40, "present": 27,
                          "votes_for": 21}) == {"correction_empty"}


def test_the_enterprise_is_corrected_fact_by_fact(story, worker):
    case = story.up_to(Stage.SURVEYED)
    enterprise = story.enterprise(name="兴宁市某某电子科技有限公司", headcount=42)
    case.restate_entry(worker, FIX_DAY, corrects_version=1, reason="营业执照为准",
                       restated_on=story.OPENED_ON,
                       facts={"enterprise": enterprise, "contract_kind": "wage"})
    assert last_correction(case)["changes"] == {
        "enterprise.name": "兴宁市某某电子科技有限公司", "enterprise.headcount": 42}
    assert case.state.enterprise == Enterprise(**{**story.enterprise().to_dict(),
                                                  "name": "兴宁市某某电子科技有限公司",
                                                  "headcount": 42})
