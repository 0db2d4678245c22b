"""A case told through every step that takes a person's name or free text, each text
carrying one marker (for the tests of encryption at rest)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from storyteller import Story, credit_code, recorded_at

from config import profiles
from domain.clock import recording_at
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    EffectBasis,
    Enterprise,
    ItemStatus,
    OutreachKind,
    RatifyingBody,
    Representative,
    Side,
    SignOffSubject,
    SurveyMethod,
    WorkerSelection,
)

MARK = "MARKER7f3a密标"
ENTERPRISE = "梅县区保密电子有限公司"   # public register facts: stored in the clear
CREDIT_CODE = credit_code(77)
OPENED = date(2024, 3, 4)


def day(offset: int) -> date:
    """The business date ``offset`` days after the opening."""
    return OPENED + timedelta(days=offset)


def marked(text: str) -> str:
    """``text`` with the marker."""
    return f"{text}{MARK}"


def session_then_draft(story: Story, case_id: UUID, start: int, chair: Side) -> None:
    """A session, the draft and the vote that passes it, a day apart from ``start``."""
    story.step("hold_session", case_id, day(start), chaired_by=chair,
               recorder=marked("赵记录"), minutes=marked("纪要"), minutes_signed=True,
               items=[{"topic": marked("议题"), "status": ItemStatus.AGREED}])
    story.step("agree_draft", case_id, day(start + 1), text=marked("合同文本"),
               key_terms={"wage_increase_pct": 5, "summary": marked("工资增长"),
                          "internal_note": marked("底线")}, signed_by_chiefs=True)
    story.step("hold_ratification_vote", case_id, day(start + 2),
               body=RatifyingBody.WORKERS_CONGRESS, members=40, present=30, votes_for=25)


def sign_and_file(story: Story, case_id: UUID, start: int) -> None:
    """Signed, then filed with the bureau the next day."""
    story.step("sign_contract", case_id, day(start), term_start=day(start + 20),
               term_end=day(start + 20 + 2 * 365))
    story.step("file_contract", case_id, day(start + 1), bureau=marked("梅州市人社局"))


def tell_marked_case(story: Story, supervisor: Story, moved_to: Actor) -> UUID:
    """Every step that takes a name or free text, each with the marker in it: ``story``'s
    clerk records them, ``supervisor`` refuses and then gives the closure sign-off."""
    enterprise = Enterprise(ENTERPRISE, CREDIT_CODE, "梅县区", "电子", 40, 20, True,
                            legal_representative=marked("王总"))
    with recording_at(recorded_at(OPENED)):
        opened = story.app.open_case(
            by=story.by, occurred_on=OPENED, enterprise=enterprise,
            contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
            assigned_to=story.by, scope="meixian")
    case_id = opened.case_id
    story.versions[case_id] = opened.version
    step = story.step
    step("record_survey", case_id, day(9), method=SurveyMethod.FORUM, period_start=day(1),
         period_end=day(8), respondents=30, findings=marked("工资偏低"),
         demands=[{"text": marked("涨工资"), "priority": 1}])
    step("record_outreach", case_id, day(10), kind=OutreachKind.TRAINING, participants=12,
         description=marked("培训"))

    def rep(name: str, chief: bool = False) -> Representative:
        return Representative(marked(name), position=marked("车间主任"), chief=chief,
                              phone=marked("138"))
    step("appoint_representatives", case_id, day(14),
         worker_side=[rep("刘一", True), rep("刘二"), rep("刘三")],
         employer_side=[rep("陈一", True), rep("陈二"), rep("陈三")],
         worker_selection=WorkerSelection.UNION, chief_basis=ChiefBasis.UNION_CHAIR,
         employer_appointed_by=marked("王总"))
    step("record_vacancy", case_id, day(15), side=Side.WORKERS, name=marked("刘二"),
         reason=marked("离职"))
    step("replace_representative", case_id, day(16), side=Side.WORKERS, name=marked("刘二"),
         replacement=rep("刘四"))
    step("send_offer", case_id, day(19), from_side=Side.WORKERS, received_on=day(20),
         agenda=[marked("工资")], timetable=marked("四月"))
    step("answer_offer", case_id, day(25), accepted=False, reason=marked("拒绝理由"))
    step("file_dispute", case_id, day(26), bureau=marked("梅县区人社局"), accepted_on=day(27),
         issues=marked("争议事项"))
    step("extend_dispute", case_id, day(40), reason=marked("延期理由"))
    step("resolve_dispute", case_id, day(45), outcome=marked("协调结果"))
    step("send_offer", case_id, day(46), from_side=Side.WORKERS, received_on=day(47),
         agenda=[marked("工资")], timetable=marked("五月"))
    step("answer_offer", case_id, day(50), accepted=True)
    step("hold_session", case_id, day(52), chaired_by=Side.WORKERS, recorder=marked("赵记录"),
         items=[{"topic": marked("议题"), "status": ItemStatus.OPEN}],
         minutes=marked("纪要"), minutes_signed=True)
    step("suspend_negotiation", case_id, day(53), resume_on=day(60),
         topics=[marked("中止议题")])
    session_then_draft(story, case_id, 60, Side.EMPLOYER)
    sign_and_file(story, case_id, 63)
    step("record_objection", case_id, day(66), issues=marked("审查意见"))
    session_then_draft(story, case_id, 67, Side.WORKERS)
    sign_and_file(story, case_id, 70)
    step("record_effect", case_id, day(73), basis=EffectBasis.CONFIRMED)
    step("publish_contract", case_id, day(75), channels=marked("公告栏"),
         monitoring_contact=marked("工会联系人"))
    step("review_implementation", case_id, day(120), findings=marked("履约"),
         problems=marked("加班"), follow_up=marked("跟进"))
    story.note(case_id, marked("备注"), occurred_on=day(121))
    step("attach_file", case_id, day(121), filename=marked("名单") + ".pdf",
         media_type="application/pdf", size=1024, sha256="a" * 64,
         description=marked("附件说明"))
    step("correct_entry", case_id, day(122), corrects_version=2,
         changes={"findings": marked("更正")}, reason=marked("更正理由"))
    step("reassign", case_id, day(123), to=moved_to, reason=marked("改派理由"))
    refused = step("request_sign_off", case_id, day(124), subject=SignOffSubject.CLOSURE,
                   note=marked("结案申请"))
    supervisor.step("refuse_sign_off", case_id, day(125), request_version=refused.version,
                    reason=marked("退回理由"))
    given = step("request_sign_off", case_id, day(126), subject=SignOffSubject.CLOSURE,
                 note=marked("结案理由"))
    supervisor.step("give_sign_off", case_id, day(127), request_version=given.version,
                    note=marked("同意"))
    step("reopen", case_id, day(128), reason=marked("重新开案理由"))
    return case_id
