"""The order of the procedure (docs/procedure.md): each step needs the one before it, a refused
step records nothing, and a review objection sends the case back to the table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.deadlines import DeadlineKind, deadlines
from domain.stages import Stage
from domain.values import Representative

D = date


def test_the_whole_story_passes_through_every_stage_in_order(story):
    case = story.open()
    seen = [case.stage]
    for step, _ in story.STEPS:
        getattr(story, step)(case)
        if case.stage is not seen[-1]:
            seen.append(case.stage)
    assert seen == list(Stage)
    assert [s.order for s in seen] == list(range(len(Stage)))


def test_no_offer_before_both_sides_are_appointed(story, worker, refused):
    case = story.survey(story.open())
    assert refused(case.send_offer, worker, D(2025, 3, 17), from_side="workers",
                   received_on=D(2025, 3, 18), agenda=["工资"],
                   timetable="四月") == {"offer_needs_representatives"}
    story.appoint(case)
    story.send_offer(case)
    assert case.stage is Stage.OFFER_SENT


def test_an_offer_needs_an_agenda_a_timetable_and_a_receipt_after_sending(story, worker, refused):
    case = story.up_to(Stage.REPRESENTATIVES)
    assert refused(case.send_offer, worker, D(2025, 3, 17), from_side="employer",
                   received_on=D(2025, 3, 16), agenda=[" "],
                   timetable="") == {"date_order", "required"}


def test_one_offer_at_a_time_until_one_is_accepted(story, worker, refused):
    case = story.up_to(Stage.OFFER_SENT)
    offer = {"from_side": "employer", "received_on": D(2025, 3, 20), "agenda": ["工时"],
             "timetable": "五月"}
    assert refused(case.send_offer, worker, D(2025, 3, 20), **offer) == {"offer_pending"}
    story.accept_offer(case)
    assert refused(case.send_offer, worker, D(2025, 3, 26),
                   **{**offer, "received_on": D(2025, 3, 26)}) == {"offer_already_accepted"}
    assert refused(case.answer_offer, worker, D(2025, 3, 26),
                   accepted=True) == {"no_offer_pending"}


@pytest.mark.parametrize("reason", ["", "   ", "\n"], ids=["empty", "spaces", "newline"])
def test_a_refusal_must_give_its_reason(story, worker, refused, reason):
    case = story.up_to(Stage.OFFER_SENT)
    assert refused(case.answer_offer, worker, D(2025, 3, 25), accepted=False,
                   reason=reason) == {"refusal_needs_reason"}


def test_after_a_reasoned_refusal_a_new_offer_may_be_sent(story, worker):
    case = story.up_to(Stage.OFFER_SENT)
    case.answer_offer(worker, D(2025, 3, 25), accepted=False, reason="企业正在重组")
    assert case.stage is Stage.OFFER_SENT
    story.send_offer(case, on=D(2025, 4, 1), received_on=D(2025, 4, 1))
    story.accept_offer(case, on=D(2025, 4, 3))
    assert case.stage is Stage.NEGOTIATING
    assert [d.kind for d in deadlines(case.state)] == [DeadlineKind.REPLY, DeadlineKind.REPLY]


def test_an_answer_cannot_precede_receipt_of_the_offer(story, worker, refused):
    case = story.up_to(Stage.OFFER_SENT)                        # received 18 March
    assert refused(case.answer_offer, worker, D(2025, 3, 17), accepted=True) == {"date_order"}


def test_no_session_before_an_accepted_offer(story, worker, refused):
    case = story.up_to(Stage.OFFER_SENT)
    session = {"chaired_by": "workers", "recorder": "赵记录",
               "items": [{"topic": "工资", "status": "open"}], "minutes": "",
               "minutes_signed": False}
    assert refused(case.hold_session, worker, D(2025, 3, 24),
                   **session) == {"session_needs_accepted_offer"}
    story.accept_offer(case)
    assert refused(case.hold_session, worker, D(2025, 3, 24), **session) == {"date_order"}
    case.hold_session(worker, D(2025, 3, 25), **session)
    assert case.stage is Stage.NEGOTIATING


def test_the_chiefs_chair_in_turn_and_the_recorder_is_neutral(story, worker, refused):
    case = story.up_to(Stage.NEGOTIATING)                       # workers chaired on 1 April
    items = [{"topic": "工资", "status": "disputed"}]
    assert refused(case.hold_session, worker, D(2025, 4, 3), chaired_by="workers",
                   recorder="赵记录", items=items, minutes="", minutes_signed=True) == {
        "chairs_alternate"}
    assert refused(case.hold_session, worker, D(2025, 4, 3), chaired_by="employer",
                   recorder=" 王2 ", items=items, minutes="", minutes_signed=True) == {
        "recorder_is_representative"}
    assert refused(case.hold_session, worker, D(2025, 4, 3), chaired_by="employer",
                   recorder="赵记录", items=[], minutes="", minutes_signed=True) == {"required"}
    case.hold_session(worker, D(2025, 4, 3), chaired_by="employer", recorder="赵记录",
                      items=items, minutes="", minutes_signed=True)
    assert [s["chaired_by"] for s in case.state.sessions] == ["workers", "employer"]


def test_an_open_vacancy_stops_offers_and_sessions(story, worker, refused):
    case = story.up_to(Stage.REPRESENTATIVES)
    case.record_vacancy(worker, D(2025, 3, 15), side="workers", name="张3", reason="离职")
    assert refused(case.send_offer, worker, D(2025, 3, 17), from_side="workers",
                   received_on=D(2025, 3, 18), agenda=["工资"],
                   timetable="四月") == {"vacancy_open"}
    case.replace_representative(worker, D(2025, 3, 16), side="workers", name="张3",
                                replacement=Representative("张5"))
    story.send_offer(case)
    assert case.stage is Stage.OFFER_SENT


def test_a_draft_needs_a_session_and_both_chiefs_signatures(story, worker, refused):
    case = story.up_to(Stage.OFFER_SENT)
    story.accept_offer(case)
    assert refused(case.agree_draft, worker, D(2025, 4, 8), text="草案", key_terms={},
                   signed_by_chiefs=True) == {"draft_needs_session"}
    story.hold_session(case)
    assert refused(case.agree_draft, worker, D(2025, 4, 8), text="草案", key_terms={},
                   signed_by_chiefs=False) == {"draft_unsigned"}
    assert refused(case.agree_draft, worker, D(2025, 4, 8), text=" ", key_terms={},
                   signed_by_chiefs=True) == {"required"}


def test_no_draft_while_a_dispute_is_open(story, worker, refused):
    case = story.up_to(Stage.NEGOTIATING)
    case.file_dispute(worker, D(2025, 4, 2), bureau="兴宁市人社局", accepted_on=D(2025, 4, 3),
                      issues="工资")
    assert refused(case.agree_draft, worker, D(2025, 4, 8), text="草案", key_terms={},
                   signed_by_chiefs=True) == {"dispute_open"}
    case.resolve_dispute(worker, D(2025, 4, 7), outcome="协调一致")
    story.agree_draft(case)
    assert case.stage is Stage.DRAFT_AGREED


def test_signing_filing_effect_and_publication_each_need_the_step_before(story, worker, refused):
    case = story.up_to(Stage.DRAFT_AGREED)
    assert refused(case.sign_contract, worker, D(2025, 4, 18), term_start=D(2025, 5, 1),
                   term_end=D(2028, 4, 30)) == {"signing_needs_ratification"}
    assert refused(case.file_contract, worker, D(2025, 4, 22),
                   bureau="兴宁市人社局") == {"filing_needs_signature"}
    assert refused(case.record_effect, worker, D(2025, 5, 8),
                   basis="confirmed") == {"review_needs_filing"}
    assert refused(case.record_objection, worker, D(2025, 5, 8),
                   issues="条款违法") == {"review_needs_filing"}
    assert refused(case.publish_contract, worker, D(2025, 5, 12), channels="公告栏",
                   monitoring_contact="工会") == {"publication_needs_effect"}
    story.ratify(case)
    story.sign(case)
    assert refused(case.sign_contract, worker, D(2025, 4, 19), term_start=D(2025, 5, 1),
                   term_end=D(2028, 4, 30)) == {"already_signed"}
    assert refused(case.file_contract, worker, D(2025, 4, 17),
                   bureau="兴宁市人社局") == {"date_order"}        # before signing
    story.file(case)
    assert refused(case.file_contract, worker, D(2025, 4, 23),
                   bureau="兴宁市人社局") == {"already_filed"}
    story.take_effect(case)
    assert refused(case.record_effect, worker, D(2025, 5, 9),
                   basis="confirmed") == {"review_decided"}
    assert refused(case.record_objection, worker, D(2025, 5, 6),
                   issues="条款违法") == {"review_decided"}
    story.publish(case)
    assert refused(case.publish_contract, worker, D(2025, 5, 13), channels="公告栏",
                   monitoring_contact="工会") == {"already_published"}
    assert case.stage is Stage.PUBLISHED


def test_an_objection_sends_the_case_back_to_the_table(story, worker, refused):
    case = story.up_to(Stage.FILED)                             # received 22 April
    case.record_objection(worker, D(2025, 4, 30), issues="工资条款低于最低工资标准")
    assert case.stage is Stage.NEGOTIATING
    assert len(case.state.tracks) == 2

    # The old draft, vote and signature belong to the first attempt: start again.
    assert refused(case.agree_draft, worker, D(2025, 5, 6), text="修改稿", key_terms={},
                   signed_by_chiefs=True) == {"draft_needs_session"}
    assert refused(case.hold_ratification_vote, worker, D(2025, 5, 6), body="workers_congress",
                   members=40, present=40, votes_for=40) == {"ratification_needs_draft"}
    assert refused(case.sign_contract, worker, D(2025, 5, 6), term_start=D(2025, 6, 1),
                   term_end=D(2028, 5, 31)) == {"signing_needs_ratification"}
    assert refused(case.file_contract, worker, D(2025, 5, 6),
                   bureau="兴宁市人社局") == {"filing_needs_signature"}

    story.hold_session(case, on=D(2025, 5, 6))
    story.agree_draft(case, on=D(2025, 5, 7), text="修改稿")
    story.ratify(case, on=D(2025, 5, 9))
    story.sign(case, on=D(2025, 5, 12), term_start=D(2025, 6, 1), term_end=D(2028, 5, 31))
    story.file(case, on=D(2025, 5, 13))
    assert case.stage is Stage.FILED
    kinds = [d.kind for d in deadlines(case.state)]
    assert kinds.count(DeadlineKind.FILING) == 2 and kinds.count(DeadlineKind.REVIEW) == 2
    story.take_effect(case, on=D(2025, 5, 29))                  # 13 May + 15 = 28 May
    assert case.state.track.effect["effective_on"] == D(2025, 5, 29)


def test_an_objection_must_be_about_something(story, worker, refused):
    case = story.up_to(Stage.FILED)
    assert refused(case.record_objection, worker, D(2025, 4, 30), issues=" ") == {"required"}
    assert refused(case.record_objection, worker, D(2025, 4, 21),
                   issues="条款违法") == {"date_order"}           # before receipt


def test_dates_cannot_precede_opening_or_follow_today(story, worker, refused, fixed_clock):
    case = story.open()
    survey = {"method": "interview", "period_start": D(2025, 3, 1), "period_end": D(2025, 3, 2),
              "respondents": 3, "findings": "加班多", "demands": []}
    assert refused(case.record_survey, worker, D(2025, 3, 2), **survey) == {"before_opening"}
    assert refused(case.add_note, worker, fixed_clock + timedelta(days=1),
                   text="明天的事") == {"date_in_future"}
    case.record_survey(worker, fixed_clock, **survey)
    assert case.stage is Stage.SURVEYED


@pytest.mark.parametrize(("facts", "expected"), [
    pytest.param({"respondents": 0}, {"at_least"}, id="nobody-surveyed"),
    pytest.param({"findings": " "}, {"required"}, id="no-findings"),
    pytest.param({"demands": [{"text": "", "priority": 1}]}, {"required"}, id="blank-demand"),
    pytest.param({"demands": [{"text": "涨工资", "priority": None}]}, {"priority_range"},
                 id="demand-priority-missing"),
    pytest.param({"demands": [{"text": "涨工资", "priority": 6}]}, {"priority_range"},
                 id="demand-priority-above-5"),
    pytest.param({"period_start": D(2025, 3, 8)}, {"date_order"}, id="period-ends-before-start"),
    pytest.param({"period_end": D(2025, 3, 11)}, {"date_order"}, id="survey-recorded-too-early"),
])
def test_a_survey_is_refused(story, refused, worker, facts, expected):
    case = story.open()
    survey = {"method": "questionnaire", "period_start": D(2025, 3, 4),
              "period_end": D(2025, 3, 7), "respondents": 30, "findings": "工资偏低",
              "demands": [{"text": "涨工资", "priority": 1}], **facts}
    assert refused(case.record_survey, worker, D(2025, 3, 10), **survey) == expected


def test_outreach_is_optional_and_repeatable(story, worker, refused):
    case = story.open()
    case.record_outreach(worker, D(2025, 3, 5), kind="training", participants=12,
                         description="集体协商培训")
    case.record_outreach(worker, D(2025, 3, 6), kind="observation", participants=5,
                         description="观摩")
    assert len(case.state.outreach) == 2
    assert case.stage is Stage.OPENED
    assert refused(case.record_outreach, worker, D(2025, 3, 6), kind="publicity",
                   participants=0, description="") == {"at_least"}


def test_supervisors_sign_off_but_do_not_record_steps(story, supervisor, refused):
    case = story.up_to(Stage.REPRESENTATIVES)
    assert refused(case.send_offer, supervisor, D(2025, 3, 17), from_side="workers",
                   received_on=D(2025, 3, 18), agenda=["工资"],
                   timetable="四月") == {"role_records_steps"}
    case.add_note(supervisor, D(2025, 3, 17), text="请尽快发出要约")
    assert case.state.entries[-1].by == supervisor
