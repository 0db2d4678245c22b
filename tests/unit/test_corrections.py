"""Corrections: a new entry names the entry it corrects, what changes and why; the original
stays in the history, the derived state follows the corrected facts, and a correction that
would leave the case breaking a rule is refused."""

from __future__ import annotations

from datetime import date

import pytest

from domain.deadlines import DeadlineKind, deadlines
from domain.entries import as_recorded
from domain.invariants import invariant_breaches
from domain.stages import Stage

D = date
FIX_DAY = D(2025, 6, 1)


def version_of(case, event_type: str) -> int:
    """The version of the first entry of ``event_type``."""
    return next(r["version"] for r in case.records if r["type"] == event_type)


def test_a_miscounted_vote_is_corrected_and_the_original_stays(story, worker):
    case = story.up_to(Stage.PUBLISHED)
    vote = version_of(case, "RatificationVoted")
    case.correct_entry(worker, FIX_DAY, corrects_version=vote, changes={"votes_for": 25},
                       reason="点票有误，重新核对")
    correction = case.version

    (ratification,) = case.state.track.ratifications
    assert ratification["votes_for"] == 25
    assert ratification.corrected_by == (correction,)

    history = {e.version: e for e in as_recorded(case.records)}
    assert history[vote]["votes_for"] == 21                   # as first recorded
    assert history[vote].corrected_by == (correction,)
    assert history[correction].type == "EntryCorrected"
    assert history[correction].facts == {"corrects_version": vote,
                                         "changes": {"votes_for": 25},
                                         "reason": "点票有误，重新核对"}
    assert case.stage is Stage.PUBLISHED


def test_a_second_correction_of_the_same_entry_wins(story, worker):
    case = story.up_to(Stage.RATIFIED)
    vote = version_of(case, "RatificationVoted")
    case.correct_entry(worker, FIX_DAY, corrects_version=vote, changes={"votes_for": 26},
                       reason="第一次更正")
    case.correct_entry(worker, FIX_DAY, corrects_version=vote, changes={"votes_for": 22},
                       reason="第二次更正")
    (ratification,) = case.state.track.ratifications
    assert ratification["votes_for"] == 22
    assert ratification.corrected_by == (case.version - 1, case.version)


def test_correcting_a_failed_vote_that_was_miscounted_ratifies_the_draft(story, worker):
    case = story.up_to(Stage.DRAFT_AGREED)
    story.ratify(case, present=26)
    assert case.stage is Stage.DRAFT_AGREED
    case.correct_entry(worker, FIX_DAY, corrects_version=case.version,
                       changes={"present": 27}, reason="签到表漏记一人")
    assert case.stage is Stage.RATIFIED


def test_correcting_the_date_of_receipt_moves_the_review_deadline(story, worker):
    case = story.up_to(Stage.FILED)                             # received 22 April
    review = next(d for d in deadlines(case.state) if d.kind is DeadlineKind.REVIEW)
    assert review.due_on == D(2025, 5, 7)
    case.correct_entry(worker, FIX_DAY, corrects_version=version_of(case, "ContractFiled"),
                       changes={"received_on": D(2025, 4, 24)}, reason="以回执日期为准")
    review = next(d for d in deadlines(case.state) if d.kind is DeadlineKind.REVIEW)
    assert review.due_on == D(2025, 5, 9)                       # 24 April + 15, a Friday


def test_a_nested_fact_is_corrected_by_its_path(story, worker):
    case = story.up_to(Stage.DRAFT_AGREED)
    case.correct_entry(worker, FIX_DAY, corrects_version=version_of(case, "DraftAgreed"),
                       changes={"key_terms.wage_increase_pct": 6}, reason="笔误")
    assert case.state.track.draft["key_terms"] == {"wage_increase_pct": 6}
    case.correct_entry(worker, FIX_DAY, corrects_version=1,
                       changes={"enterprise.headcount": 42}, reason="人数更新")
    assert case.state.enterprise.headcount == 42


BREAKING = [
    pytest.param("RatificationVoted", {"votes_for": 20}, {"signing_needs_ratification"},
                 id="signed-contract-loses-its-ratification"),
    pytest.param("RatificationVoted", {"occurred_on": D(2025, 4, 19)},
                 {"signing_needs_ratification"}, id="ratification-moved-after-signing"),
    pytest.param("RatificationVoted", {"members": 0},
                 {"members_positive", "present_within_members", "signing_needs_ratification"},
                 id="vote-with-no-members"),
    pytest.param("ContractSigned", {"term_end": D(2029, 4, 30)}, {"term_length"},
                 id="term-of-four-years"),
    pytest.param("ContractSigned", {"occurred_on": D(2025, 4, 23)},
                 {"filing_needs_signature"}, id="signed-after-it-was-filed"),
    pytest.param("CaseOpened", {"enterprise.credit_code": "91441481MA4UM3K2X0"},
                 {"credit_code_invalid"}, id="invalid-credit-code"),
    pytest.param("CaseOpened", {"enterprise.headcount": 10}, {"women_within_headcount"},
                 id="fewer-workers-than-women"),
    pytest.param("CaseOpened", {"occurred_on": D(2025, 3, 11)}, {"before_opening"},
                 id="opened-after-the-survey"),
    pytest.param("OfferAnswered", {"accepted": False}, {"session_needs_accepted_offer"},
                 id="sessions-held-on-a-refused-offer"),
]


@pytest.mark.parametrize(("event_type", "changes", "expected"), BREAKING)
def test_a_correction_that_would_break_a_rule_is_refused(story, worker, refused, event_type,
                                                         changes, expected):
    case = story.up_to(Stage.PUBLISHED)
    assert refused(case.correct_entry, worker, FIX_DAY,
                   corrects_version=version_of(case, event_type), changes=changes,
                   reason="更正") == expected
    assert invariant_breaches(case.state) == []


MALFORMED = [
    pytest.param({"votes_againt": 3}, {"correction_field_unknown"}, id="misspelt-field"),
    pytest.param({"votes_for.count": 3}, {"correction_field_unknown"},
                 id="path-into-a-number"),
    pytest.param({"profile": {}}, {"correction_field_unknown"}, id="profile-is-fixed"),
    pytest.param({"votes_for": "25"}, {"correction_type"}, id="number-as-text"),
    pytest.param({"votes_for": True}, {"correction_type"}, id="bool-for-a-number"),
    pytest.param({"votes_for": 25.0}, {"correction_type"}, id="float-for-a-whole-number"),
    pytest.param({"occurred_on": "2025-04-15"}, {"correction_type"}, id="date-as-text"),
    pytest.param({}, {"correction_empty"}, id="nothing-to-change"),
    pytest.param({"body": "board_of_directors"}, {"correction_type"},
                 id="ratifying-body-outside-its-vocabulary"),
]


@pytest.mark.parametrize(("changes", "expected"), MALFORMED)
def test_a_malformed_correction_is_refused(story, worker, refused, changes, expected):
    case = story.up_to(Stage.RATIFIED)
    assert refused(case.correct_entry, worker, FIX_DAY,
                   corrects_version=version_of(case, "RatificationVoted"), changes=changes,
                   reason="更正") == expected


@pytest.mark.parametrize(("changes", "expected"), [
    pytest.param({"scope": "meizhou"}, {"correction_field_unknown"}, id="scope-is-fixed"),
    pytest.param({"assigned_to": {}}, {"correction_field_unknown"}, id="assignee-is-fixed"),
    pytest.param({"enterprise.founded": 1990}, {"correction_field_unknown"},
                 id="enterprise-has-no-such-fact"),
    pytest.param({"enterprise.has_union": 1}, {"correction_type"}, id="number-for-a-yes-no"),
])
def test_the_opening_entry_keeps_its_fixed_facts(story, worker, refused, changes, expected):
    case = story.open()
    assert refused(case.correct_entry, worker, FIX_DAY, corrects_version=1, changes=changes,
                   reason="更正") == expected


def test_only_recorded_steps_can_be_corrected(story, worker, refused):
    case = story.up_to(Stage.SURVEYED)
    case.add_note(worker, FIX_DAY, text="企业负责人出差")
    note = case.version
    case.correct_entry(worker, FIX_DAY, corrects_version=2, changes={"respondents": 31},
                       reason="漏计一份问卷")
    correction = case.version
    for target in (0, 99, note, correction):
        assert refused(case.correct_entry, worker, FIX_DAY, corrects_version=target,
                       changes={"text": "x"}, reason="更正") == {"correction_target"}


def test_a_correction_needs_a_reason_a_social_worker_and_an_open_case(story, worker, supervisor,
                                                                      refused):
    case = story.up_to(Stage.SURVEYED)
    assert refused(case.correct_entry, worker, FIX_DAY, corrects_version=2,
                   changes={"respondents": 31}, reason=" ") == {"required"}
    assert refused(case.correct_entry, supervisor, FIX_DAY, corrects_version=2,
                   changes={"respondents": 31}, reason="更正") == {"role_records_steps"}
    story.close(case, on=D(2025, 3, 20))
    assert refused(case.correct_entry, worker, FIX_DAY, corrects_version=2,
                   changes={"respondents": 31}, reason="更正") == {"case_closed"}


VOCABULARY = [
    pytest.param("SessionHeld", {"chaired_by": "union"}, {"correction_type"},
                 id="session-chaired-by-an-unknown-side"),
    pytest.param("OfferSent", {"from_side": "government"}, {"correction_type"},
                 id="offer-from-an-unknown-side"),
    pytest.param("SurveyRecorded", {"method": "telephone"}, {"correction_type"},
                 id="unknown-survey-method"),
    pytest.param("CaseOpened", {"contract_kind": "pension"}, {"correction_type"},
                 id="unknown-contract-kind"),
    pytest.param("RepresentativesAppointed", {"chief_basis": "appointed_by_boss"},
                 {"correction_type"}, id="unknown-chief-basis"),
    pytest.param("RepresentativesAppointed", {"worker_side": [{"name": "张1"}]},
                 {"correction_type"}, id="a-side-restated-by-records-of-other-facts"),
    pytest.param("SessionHeld", {"items": [{"topic": "工资", "status": "postponed"}]},
                 {"correction_type"}, id="an-agenda-item-outside-the-vocabulary"),
    pytest.param("SessionHeld", {"items": "工资"}, {"correction_type"},
                 id="agenda-items-are-a-list-of-records"),
]


@pytest.mark.parametrize(("event_type", "changes", "expected"), VOCABULARY)
def test_a_correction_keeps_vocabulary_and_the_shape_of_record_lists(story, worker, refused,
                                                                event_type, changes, expected):
    case = story.up_to(Stage.NEGOTIATING)
    assert refused(case.correct_entry, worker, FIX_DAY,
                   corrects_version=version_of(case, event_type), changes=changes,
                   reason="更正") == expected


def test_a_correction_within_the_vocabulary_is_kept_and_followed(story, worker, refused):
    case = story.up_to(Stage.NEGOTIATING)                       # workers chaired on 1 April
    session = version_of(case, "SessionHeld")
    case.correct_entry(worker, FIX_DAY, corrects_version=session,
                       changes={"chaired_by": "employer"}, reason="主持人记错")
    case.correct_entry(worker, FIX_DAY, corrects_version=version_of(case, "OfferSent"),
                       changes={"agenda": ["工资", "工时", "休假"]}, reason="补记议题")
    assert case.state.sessions[0]["chaired_by"] == "employer"
    assert case.state.offers[0].start["agenda"] == ["工资", "工时", "休假"]
    assert refused(case.hold_session, worker, D(2025, 4, 3), chaired_by="employer",
                   recorder="赵记录", items=[{"topic": "工资", "status": "open"}], minutes="",
                   minutes_signed=True) == {"chairs_alternate"}


def test_a_correction_cannot_move_an_entry_into_the_future(story, worker, refused):
    case = story.up_to(Stage.PUBLISHED)
    assert refused(case.correct_entry, worker, FIX_DAY,
                   corrects_version=version_of(case, "ContractPublished"),
                   changes={"occurred_on": D(2027, 1, 4)}, reason="更正") == {"date_in_future"}
