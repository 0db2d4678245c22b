"""A case of the dashboard tests, told through the application's commands, each entry
recorded at 17:30 China time on its business date."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from flask import Flask
from stdnum.cn import uscc

from config import profiles
from domain.clock import CHINA, recording_at
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    Enterprise,
    ItemStatus,
    RatifyingBody,
    Representative,
    Role,
    Side,
    SurveyMethod,
    WorkerSelection,
)

SUN = Actor("sw-dash", "孙社工", Role.SOCIAL_WORKER)


class Case:
    """One case of 孙社工, each entry recorded at 17:30 on its business date."""

    def __init__(self, app: Flask, name: str, opened_on: date, serial: int):
        self.app, self.negotiations = app, app.extensions["negotiations"]
        enterprise = Enterprise(name, _code(serial), "兴宁市", "电子", 40, 20, True,
                                legal_representative="王总")
        with recording_at(datetime.combine(opened_on, time(17, 30), tzinfo=CHINA)):
            self.last = self.negotiations.open_case(
                by=SUN, occurred_on=opened_on, enterprise=enterprise,
                contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
                assigned_to=SUN, scope="兴宁市")
        self.id = self.last.case_id

    def step(self, command: str, day: date, by: Actor = SUN, **facts: Any) -> Case:
        """One entry through the application command of that name."""
        with recording_at(datetime.combine(day, time(17, 30), tzinfo=CHINA)):
            self.last = getattr(self.negotiations, command)(self.id, self.last.version, by,
                                                            day, **facts)
        return self

    def filed(self, start: date, received: date) -> Case:
        """Surveyed, bargained, ratified and signed from ``start``; filed, received by
        the bureau on ``received``."""
        day = start.toordinal()
        self.step("record_survey", date.fromordinal(day + 1), method=SurveyMethod.QUESTIONNAIRE,
                  period_start=start, period_end=date.fromordinal(day + 1), respondents=30,
                  findings="工资偏低", demands=[{"text": "涨工资", "priority": 1}])
        self.step("appoint_representatives", date.fromordinal(day + 2),
                  worker_side=[Representative(n, chief=i == 0) for i, n in enumerate("甲乙丙")],
                  employer_side=[Representative(n, chief=i == 0) for i, n in enumerate("丁戊己")],
                  worker_selection=WorkerSelection.UNION, chief_basis=ChiefBasis.UNION_CHAIR,
                  employer_appointed_by="王总")
        self.step("send_offer", date.fromordinal(day + 3), from_side=Side.WORKERS,
                  received_on=date.fromordinal(day + 3), agenda=["工资"], timetable="本月")
        self.step("answer_offer", date.fromordinal(day + 5), accepted=True)
        self.step("hold_session", date.fromordinal(day + 6), chaired_by=Side.WORKERS,
                  recorder="赵记录", items=[{"topic": "工资", "status": ItemStatus.AGREED}],
                  minutes="双方同意工资增长5%", minutes_signed=True)
        self.step("agree_draft", date.fromordinal(day + 7), text="工资专项集体合同文本",
                  key_terms={"wage_increase_pct": 5}, signed_by_chiefs=True)
        self.step("hold_ratification_vote", date.fromordinal(day + 8),
                  body=RatifyingBody.WORKERS_CONGRESS, members=40, present=30, votes_for=25)
        signed = date.fromordinal(day + 9)
        self.step("sign_contract", signed, term_start=signed.replace(day=1, month=1,
                                                                     year=signed.year + 1),
                  term_end=date(signed.year + 3, 12, 31))
        return self.step("file_contract", received, bureau="兴宁市人社局")

    def synced(self) -> Case:
        """Wait until the read models have every entry so far."""
        assert self.app.extensions["projector"].wait(self.last.notification_id, timeout=10)
        return self


def _code(serial: int) -> str:
    body = f"91441481MC{serial:07d}"
    return body + uscc.calc_check_digit(body)
