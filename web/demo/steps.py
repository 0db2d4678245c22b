"""The steps of the procedure (docs/procedure.md) as a story: survey to publication, then
aftercare and renewal."""

from __future__ import annotations

from datetime import timedelta

from domain.deadlines import reply_due
from domain.stages import Stage
from domain.values import (
    ChiefBasis,
    ItemStatus,
    OutreachKind,
    ProofKind,
    Side,
    SurveyMethod,
    WorkerSelection,
)
from web.demo import data
from web.demo.contract import ContractStory
from web.demo.story import OutOfTime


class Story(ContractStory):
    """A case from opening to wherever ``target`` (or the calendar) stops it."""

    def run(self, target: Stage, abandon_at: Stage | None = None) -> None:
        """Record steps until the case reaches ``target``; with ``abandon_at`` the case is
        closed there instead (and sometimes reopened later and carried on)."""
        phases = (self.survey, self.appoint, self.offer, self.negotiate, self.draft,
                  self.ratify, self.sign, self.file, self.review, self.publish, self.aftercare)
        try:
            for phase in phases:
                if abandon_at and self.case.stage.order >= abandon_at.order:
                    abandon_at = None
                    self.close(self.rng.choice(data.CLOSE_EARLY))
                    if self.rng.random() > 0.4:
                        return
                    self.later(30, 200)
                    self.do("reopen", reason=self.rng.choice(data.REOPEN))
                if self.case.stage.order >= target.order and phase != self.aftercare:
                    return
                phase()
                self.extras()
        except OutOfTime:
            return

    def survey(self) -> None:
        """Step 1, and sometimes step 2: survey the workers, publicise, train."""
        rng, headcount = self.rng, self.setting.enterprise.headcount
        for method in ([SurveyMethod.QUESTIONNAIRE] if rng.random() < 0.6 else
                       [rng.choice(list(SurveyMethod))]) + (
                           [SurveyMethod.FORUM] if rng.random() < 0.15 else []):
            start = self.later(2, 12)
            end = start + timedelta(rng.randint(3, 14))
            self.go(end + timedelta(rng.randint(0, 4)))
            demands = rng.sample(data.DEMANDS, 3)
            self.do("record_survey", method=method, period_start=start, period_end=end,
                    respondents=rng.randint(max(1, headcount // 5), max(2, headcount * 3 // 5)),
                    findings=rng.choice(data.FINDINGS),
                    demands=[{"text": d, "priority": p} for p, d in enumerate(demands, 1)])
            self.attach(0.3, "职工问卷汇总表.xlsx", ProofKind.OTHER, "调查摸底汇总")
        if rng.random() < 0.45:
            kind = rng.choice(list(OutreachKind))
            self.later(2, 10)
            self.do("record_outreach", kind=kind,
                    participants=rng.randint(1, max(1, min(headcount, 200))),
                    description={"publicity": "张贴集体协商宣传海报、发放政策读本",
                                 "observation": "组织职工代表观摩兄弟企业集体协商",
                                 "training": "协商代表能力培训"}[kind])

    def appoint(self) -> None:
        """Step 3: both sides (Arts. 19-24); perhaps a seat falls vacant before the offer."""
        rng, enterprise = self.rng, self.setting.enterprise
        workers, employer = self.sides(rng.choice((3, 3, 3, 4, 5, 5, 6, 7)))
        self.later(5, 20)
        if enterprise.has_union:
            basis = rng.choices((ChiefBasis.UNION_CHAIR, ChiefBasis.CHAIR_WRITTEN_DELEGATION,
                                 ChiefBasis.UNION_LEADER), (75, 15, 10))[0]
            selection, approving = WorkerSelection.UNION, None
        else:
            basis, selection = ChiefBasis.DEMOCRATICALLY_ELECTED, WorkerSelection.DEMOCRATIC
            half = enterprise.headcount // 2 + 1
            approving = rng.randint(half, max(half, enterprise.headcount))
        self.do("appoint_representatives", worker_side=workers, employer_side=employer,
                worker_selection=selection, chief_basis=basis, workers_approving=approving,
                employer_appointed_by=enterprise.legal_representative)
        if self.twists.vacancy == "early":
            self.vacancy()

    def vacancy(self) -> None:
        """Step 3a: a representative leaves; the seat is filled, mostly within 15 days."""
        rng, state = self.rng, self.case.state
        side = rng.choice((Side.WORKERS, Side.EMPLOYER))
        leaving = rng.choice(state.worker_side if side is Side.WORKERS else state.employer_side)
        self.later(2, 15)
        self.do("record_vacancy", side=side, name=leaving.name,
                reason=rng.choice(data.VACANCY_REASONS))
        self.later(*((2, 14) if rng.random() < 0.85 else (16, 30)))
        position = "一线员工" if leaving.outsider else leaving.position
        self.do("replace_representative", side=side, name=leaving.name,
                replacement=self.representative(position, chief=leaving.chief))

    def offer(self) -> None:
        """Step 4: the written offer, mostly from the workers' side."""
        rng = self.rng
        self.later(3, 15)
        if not self.agenda:
            topics = data.AGENDA[self.setting.kind]
            self.agenda = rng.sample(topics, rng.randint(3, min(5, len(topics))))
        self.do("send_offer", from_side=Side.WORKERS if rng.random() < 0.88 else
                Side.EMPLOYER, received_on=self.capped(self.day + timedelta(rng.randint(0, 3))),
                agenda=self.agenda,
                timetable=f"收到要约后{rng.choice((10, 15, 20))}日内首次协商，"
                          f"{rng.choice((1, 2, 3))}个月内完成")
        self.attach(0.4, "集体协商要约书.pdf", ProofKind.SIGNED_OFFER, "要约书（盖章扫描件）")

    def answer(self, *, accepted: bool, late: bool) -> None:
        """Step 4a: the reply, refused with a reason or accepted; sometimes late."""
        pending = self.case.state.pending_offer
        assert pending is not None
        received = pending.start["received_on"]
        due = reply_due(received, self.case.state)
        if late:
            self.go(due + timedelta(self.rng.randint(1, 20)))
        else:
            self.go(received + timedelta(self.rng.randint(1, (due - received).days - 1)))
        self.do("answer_offer", accepted=accepted,
                reason="" if accepted else self.rng.choice(data.REFUSALS))

    def negotiate(self) -> None:
        """Steps 4a-5b: the reply (perhaps a refusal and a new offer), then sessions with
        perhaps a vacancy, a suspension or a dispute between them."""
        twists = self.twists
        if twists.once("refuse"):
            self.answer(accepted=False, late=False)
            self.offer()
        self.answer(accepted=True, late=twists.once("late"))
        interludes = [name for name in ("vacancy", "suspend", "dispute")
                      if (twists.vacancy == "mid" if name == "vacancy" else getattr(twists, name))]
        count = max(self.rng.choices((1, 2, 3, 4), (25, 35, 25, 15))[0], len(interludes) + 1)
        self.sessions(count, interludes)

    def sessions(self, count: int, interludes: list[str] | None = None) -> None:
        """Step 5: ``count`` sessions chaired in turn; the last one agrees every item."""
        rng, interludes = self.rng, list(interludes or [])
        for number in range(count):
            pause = self.case.state.open_suspension
            if pause:  # mostly resumed on the agreed day (Art. 35), sometimes later
                self.go(pause.start["resume_on"] + timedelta(rng.choice((0, 0, 0, 0, 3, 9, 15))))
            else:
                self.later(5, 20)
            self.session(final=number == count - 1)
            if number == 0 and self.twists.fix == "date" and self.twists.once("fix"):
                self.correct_session()
            if number < count - 1 and interludes:
                getattr(self, interludes.pop(0))()

    def session(self, *, final: bool) -> None:
        """One session: the chiefs chair in turn, a neutral recorder writes the minutes."""
        state, rng = self.case.state, self.rng
        previous = state.sessions[-1]["chaired_by"] if state.sessions else Side.EMPLOYER
        chair = Side.WORKERS if previous == Side.EMPLOYER else Side.EMPLOYER
        items = [{"topic": t, "status": ItemStatus.AGREED if final else
                  rng.choice(list(ItemStatus))} for t in self.agenda]
        self.do("hold_session", chaired_by=chair, recorder=self.recorder, items=items,
                minutes=f"第{len(state.sessions) + 1}次协商：双方就{'、'.join(self.agenda)}"
                        f"{'达成一致' if final else '充分交换意见'}。",
                minutes_signed=rng.random() < 0.95)
        self.attach(0.25, "协商会议纪要.pdf", ProofKind.SIGNED_MINUTES,
                    "双方首席代表签字的会议纪要")

    def correct_session(self) -> None:
        """A correction: the session was held a day earlier than first written down."""
        state = self.case.state
        session = state.sessions[-1]
        earlier = session.occurred_on - timedelta(1)
        previous = state.entries[session.version - 2].occurred_on  # the entry before it
        self.later(1, 5)
        if earlier >= previous:
            self.do("correct_entry", corrects_version=session.version,
                    changes={"occurred_on": earlier}, reason="会议日期登记有误，按签到表更正")
        else:
            self.recorder = self.name()
            self.do("correct_entry", corrects_version=session.version,
                    changes={"recorder": self.recorder}, reason="记录人姓名登记有误，按签到表更正")

    def suspend(self) -> None:
        """Step 5a: suspended by agreement, with a resume date and the open topics."""
        self.later(0, 2)
        self.do("suspend_negotiation", resume_on=self.day + timedelta(
            self.rng.randint(10, 40)), topics=self.rng.sample(self.agenda, 2))

    def dispute(self) -> None:
        """Step 5b: the labour bureau coordinates; sometimes it extends its handling."""
        rng = self.rng
        self.later(1, 10)
        accepted = self.capped(self.day + timedelta(rng.randint(1, 5)))
        self.do("file_dispute", bureau=self.bureau, accepted_on=accepted,
                issues=rng.choice(data.DISPUTE_ISSUES))
        extended = self.twists.once("extend")
        if extended:
            self.go(accepted + timedelta(rng.randint(15, 28)))
            self.do("extend_dispute", reason="案情复杂，经批准延长处理期限")
        self.go(accepted + timedelta(rng.randint(32, 44) if extended else rng.randint(8, 29)))
        self.do("resolve_dispute", outcome="经协调，双方签署协调处理协议书")
