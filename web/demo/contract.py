"""The contract part of a story: draft, vote, signing, filing, review, publication, aftercare."""

from __future__ import annotations

from datetime import date, timedelta

from domain.deadlines import deemed_effective_on, review_due
from domain.rules.contract import anniversary, renewal_window_opens
from domain.rules.ratification import quorum, votes_needed
from domain.values import ContractKind, EffectBasis, ProofKind, RatifyingBody, Side, SignOffSubject
from web.demo import data
from web.demo.story import StoryBase

FINDINGS = ("工资按约定增幅调整到位", "加班工资按实际工资基数计发", "女职工专项条款落实良好",
            "劳动防护用品按时发放")
PROBLEMS = ("", "", "个别车间加班时长超出约定", "高温津贴发放滞后一个月",
            "部分新入职员工未知悉合同内容")


class ContractStory(StoryBase):
    """Steps 6-14 of a story."""

    def key_terms(self, revised: bool) -> dict[str, object]:
        """The key terms of the draft, by contract kind (a revised draft offers a bit more)."""
        rng, kind = self.rng, self.setting.kind
        pct = round(rng.uniform(3, 8) + (1 if revised else 0), 1)
        wage = self.setting.county.min_wage + rng.randrange(0, 400, 10)
        if kind is ContractKind.GENERAL:
            return {"wage_increase_pct": pct, "min_monthly_wage": wage,
                    "weekly_hours": rng.choice((40, 40, 44)), "paid_leave_days": rng.choice((5, 7))}
        if kind is ContractKind.WAGE:
            return {"wage_increase_pct": pct, "min_monthly_wage": wage,
                    "overtime_base": "正常工作时间工资",
                    "night_allowance": rng.choice((10, 15, 20))}
        if kind is ContractKind.WOMEN:
            return {"maternity_leave_days": 178, "nursing_minutes_per_day": 60,
                    "gynaecological_checkups_per_year": 1}
        if kind is ContractKind.SAFETY:
            return {"high_temperature_allowance": rng.choice((300, 350, 400)),
                    "safety_training_hours": rng.choice((24, 32, 48)),
                    "health_checkups_per_year": 1}
        return {"piece_rate_increase_pct": pct, "rest_days_per_month": 4}

    def agree(self, *, revised: bool) -> None:
        """Step 6: a draft (or a revised draft) signed by both chiefs."""
        name, label = self.setting.enterprise.name, data.KIND_LABEL[self.setting.kind]
        self.do("agree_draft", key_terms=self.key_terms(revised), signed_by_chiefs=True,
                confirm_warnings=True,   # a 44-hour week is a warning the worker confirms
                text=f"《{name}{label}》{'（修订稿）' if revised else '（草案）'}"
                     f"共{self.rng.randint(12, 40)}条，涵盖{'、'.join(self.agenda)}。")

    def draft(self) -> None:
        """Step 6 after the last session."""
        self.later(2, 12)
        self.agree(revised=len(self.case.state.tracks) > 1)
        self.attach(0.3, "合同草案.pdf", ProofKind.OTHER, "双方首席代表签字的草案")

    def vote(self, *, passing: bool) -> None:
        """Step 7: the workers' congress (100 workers or more) or all workers vote."""
        rng, enterprise, profile = self.rng, self.setting.enterprise, self.setting.profile
        body, members = RatifyingBody.ALL_WORKERS, enterprise.headcount
        if enterprise.headcount >= 100:
            body, members = RatifyingBody.WORKERS_CONGRESS, max(30, min(150, members // 10))
        low, need = quorum(members, profile), votes_needed(members, profile)
        present = rng.randint(max(low, members * 17 // 20), members)
        votes = rng.randint(max(need, present * 7 // 10), present)
        if not passing and rng.random() < 0.5:
            present = rng.randint(members // 2, low - 1)
            votes = rng.randint(present // 2, present)
        elif not passing:
            votes = rng.randint(need * 3 // 4, need - 1)
        self.do("hold_ratification_vote", body=body, members=members, present=present,
                votes_for=votes)

    def ratify(self) -> None:
        """Step 7: sometimes a vote fails, the draft is revised and the next vote passes."""
        if len(self.case.state.tracks) == 1 and self.twists.once("fail_vote"):
            self.later(5, 20)
            self.vote(passing=False)
            if self.rng.random() < 0.5:
                self.sessions(1)
            self.later(5, 20)
            self.agree(revised=True)
        self.later(5, 20)
        self.vote(passing=True)
        if self.twists.fix == "tally" and self.twists.once("fix"):
            self.correct_tally()

    def correct_tally(self) -> None:
        """A correction of the passing vote's tally (it still passes)."""
        vote = self.case.state.passed_ratification
        assert vote is not None
        need = votes_needed(vote["members"], self.setting.profile)
        options = [n for n in range(need, vote["present"] + 1) if n != vote["votes_for"]]
        if options:
            self.later(1, 5)
            self.do("correct_entry", corrects_version=vote.version,
                    changes={"votes_for": self.rng.choice(options)},
                    reason="点票记录有误，按表决票原件更正")

    def term_years(self) -> int:
        """Wage contracts mostly run a year; the others mostly three (Art. 38)."""
        if self.setting.kind is ContractKind.WAGE:
            return self.rng.choices((1, 2, 3), (7, 2, 1))[0]
        return self.rng.choices((1, 2, 3), (1, 2, 7))[0]

    def term(self) -> tuple[date, date]:
        """Term start (the next day or the first of next month) and last day."""
        start = self.day + timedelta(1)
        if self.rng.random() < 0.7:
            start = (self.day.replace(day=1) + timedelta(32)).replace(day=1)
        return start, anniversary(start, self.term_years()) - timedelta(1)

    def sign(self) -> None:
        """Step 8: both chiefs sign; the term runs one to three years."""
        self.later(1, 10)
        start, end = self.term()
        self.do("sign_contract", term_start=start, term_end=end)
        self.attach(0.5, "集体合同文本.pdf", ProofKind.SIGNED_CONTRACT, "签字盖章的合同文本")

    def file(self) -> None:
        """Step 9: filed with the bureau, mostly within the 10 days."""
        self.later(*((11, 20) if self.rng.random() < 0.06 else (1, 9)))
        self.do("file_contract", bureau=self.bureau,
                received_on=self.capped(self.day + timedelta(self.rng.randint(0, 2))))

    def review(self) -> None:
        """Step 10: an objection now and then (renegotiate and refile), else the contract
        takes effect: mostly deemed after the review period, sometimes confirmed."""
        rng, state = self.rng, self.case.state
        filed = state.track.filed
        assert filed is not None
        received = filed["received_on"]
        due = review_due(received, state)
        if len(state.tracks) == 1 and self.twists.once("objection"):
            self.go(received + timedelta(rng.randint(2, (due - received).days)))
            self.do("record_objection", issues=rng.choice(data.OBJECTIONS))
            self.sessions(rng.randint(1, 2))
            for step in (self.draft, self.ratify, self.sign, self.file, self.review):
                step()
            return
        basis = EffectBasis.DEEMED if rng.random() < 0.75 else EffectBasis.CONFIRMED
        if basis is EffectBasis.DEEMED:
            self.go(deemed_effective_on(received, state) + timedelta(rng.choice((0, 0, 1, 3, 6))))
        else:
            self.go(received + timedelta(rng.randint(1, (due - received).days)))
        self.do("record_effect", basis=basis)

    def publish(self) -> None:
        """Step 11: made known to all workers, mostly within 10 days of taking effect."""
        rng, effect = self.rng, self.case.state.track.effect
        assert effect is not None
        late = rng.random() < 0.08
        self.go(effect["effective_on"] + timedelta(rng.randint(12, 25) if late else
                                                    rng.randint(0, 8)))
        county = self.setting.county
        self.do("publish_contract", channels=rng.choice(data.CHANNELS),
                monitoring_contact=f"{county.scope}总工会 {county.phone}-"
                                   f"{rng.randint(2_000_000, 8_999_999)}")
        self.attach(0.3, "公示照片.png", ProofKind.NOTICE_PHOTO, "厂区公告栏公示照片")
        if self.twists.once("review_sign_off"):
            self.do("request_sign_off", subject=SignOffSubject.REVIEW,
                    note="请督导审阅合同文本及公示材料")
            request = self.case.version
            self.later(1, 10)
            self.do("give_sign_off", by=self.supervisor(), request_version=request,
                    note="已审阅，材料齐全")

    def aftercare(self) -> None:
        """Steps 12-14: implementation reviews, a renewal request within the window
        (Art. 38), closure after expiry; rarely the case is reopened."""
        rng, contract = self.rng, self.case.state.contract()
        assert contract is not None and contract.signed is not None
        term_end = contract.signed["term_end"]
        opens = renewal_window_opens(term_end, self.setting.profile)
        renew_on = (opens + timedelta(rng.randint(0, min(60, (term_end - opens).days)))
                    if rng.random() < 0.75 else None)
        day = self.day + timedelta(rng.randint(90, 300))
        while day < (renew_on or term_end):
            self.go(day)
            self.do("review_implementation", findings=rng.choice(FINDINGS),
                    problems=(problem := rng.choice(PROBLEMS)),
                    follow_up="已约谈企业人事部门限期整改" if problem else "")
            day += timedelta(rng.randint(150, 360))
        if renew_on:
            self.go(renew_on)
            self.do("request_renewal", requested_by=Side.WORKERS if rng.random() < 0.8
                    else Side.EMPLOYER)
            self.renewal_requested = renew_on
        self.go(term_end + timedelta(rng.randint(1, 30)))
        self.close("合同期满，续订协商另案办理" if renew_on else "合同期满，企业暂未续订")
        if rng.random() < 0.04:
            self.later(10, 90)
            self.do("reopen", reason="职工反映原合同部分条款未兑现，重新跟进履约情况")
