"""Helpers of the supervisor and admin tests: a case with a known story, told through the
application's commands with each entry recorded at 17:30 China time on its business date."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from stdnum.cn import uscc

from config import profiles
from domain.application import Recorded
from domain.clock import CHINA, recording_at
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    Enterprise,
    Representative,
    Role,
    Side,
    SignOffSubject,
    SurveyMethod,
    WorkerSelection,
)
from projections.runner import Background

LI = Actor("sw-001", "李社工", Role.SOCIAL_WORKER)
ZHAO = Actor("sup-xn", "赵督导", Role.SUPERVISOR)
SURVEY, APPOINTMENT, OFFER, CORRECTION, REQUEST = 2, 3, 4, 5, 6
_serial = itertools.count(1)


@pytest.fixture(scope="module")
def following(app: Flask) -> Iterator[None]:
    """Projections follow the log in the background, as in the running app."""
    background = Background(app.extensions["projector"]).start()
    yield
    background.close()


def credit_code(serial: int) -> str:
    """A valid unified social credit code, unlike any the demo generates."""
    body = f"91441481MB{serial:07d}"
    return body + uscc.calc_check_digit(body)


class Casework:
    """Records entries on one case as its social worker would, oldest first."""

    def __init__(self, app: Flask, name: str, opened_on: date = date(2025, 3, 1)):
        self.app = app
        self.negotiations = app.extensions["negotiations"]
        enterprise = Enterprise(name, credit_code(next(_serial)), "兴宁市", "电子", 40, 20, True,
                                legal_representative="王总")
        with recording_at(self.at(opened_on)):
            recorded = self.negotiations.open_case(
                by=LI, occurred_on=opened_on, enterprise=enterprise,
                contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
                assigned_to=LI, scope="兴宁市")
        self.case_id: UUID = recorded.case_id
        self.last = recorded

    @staticmethod
    def at(day: date) -> datetime:
        """When an entry that happened on ``day`` was typed in."""
        return datetime.combine(day, time(17, 30), tzinfo=CHINA)

    def step(self, command: str, day: date, by: Actor = LI, **facts: Any) -> Recorded:
        """One entry through the application command of that name."""
        with recording_at(self.at(day)):
            self.last = getattr(self.negotiations, command)(
                self.case_id, self.last.version, by, day, **facts)
        return self.last

    def synced(self) -> Casework:
        """Wait until the read models have every entry so far."""
        assert self.app.extensions["projector"].wait(self.last.notification_id, timeout=10)
        return self

    @property
    def version(self) -> int:
        """The case's version now."""
        return self.last.version


def told(app: Flask, name: str) -> Casework:
    """Opened 1 Mar 2025; surveyed 10 Mar (30 respondents); representatives 15 Mar; offer
    20 Mar; on 25 Mar a correction of the survey (32 respondents); a review sign-off
    requested on 1 Apr. Versions 1-6."""
    case = Casework(app, name)
    case.step("record_survey", date(2025, 3, 10), method=SurveyMethod.QUESTIONNAIRE,
              period_start=date(2025, 3, 2), period_end=date(2025, 3, 9), respondents=30,
              findings="工资偏低", demands=[{"text": "涨工资", "priority": 1}])
    case.step("appoint_representatives", date(2025, 3, 15),
              worker_side=[Representative(n, chief=i == 0) for i, n in enumerate("甲乙丙")],
              employer_side=[Representative(n, chief=i == 0) for i, n in enumerate("丁戊己")],
              worker_selection=WorkerSelection.UNION, chief_basis=ChiefBasis.UNION_CHAIR,
              employer_appointed_by="王总")
    case.step("send_offer", date(2025, 3, 20), from_side=Side.WORKERS,
              received_on=date(2025, 3, 21), agenda=["工资"], timetable="四月")
    case.step("correct_entry", date(2025, 3, 25), corrects_version=SURVEY,
              changes={"respondents": 32}, reason="问卷份数点错")
    case.step("request_sign_off", date(2025, 4, 1), subject=SignOffSubject.REVIEW,
              note="请督导审核要约")
    return case
