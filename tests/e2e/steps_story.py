"""A story told through the step forms: one case, every step, posted in order.

Business dates are counted back from today, so the story stays in the past and its
renewal request falls in the window before the contract ends, whenever the tests run.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient
from stdnum.cn import uscc
from werkzeug.test import TestResponse

from domain import clock
from domain.values import Role
from projections.base import engine_of

PASSWORD = "correct-horse-battery"  # the e2e fixtures' password (tests/e2e/conftest.py)

TODAY = clock.today()
BASE = TODAY - timedelta(days=400)


def day(offset: int) -> str:
    """The business date ``offset`` days after the story began."""
    return (BASE + timedelta(days=offset)).isoformat()


def credit_code(seed: int) -> str:
    """A valid unified social credit code (its check digit computed)."""
    body = f"91441481MA4U{seed:05d}"[:17]
    return body + uscc.calc_check_digit(body)


def reps(prefix: str, side: str, count: int = 3) -> dict[str, str]:
    """``count`` representative rows of one side; the first is the chief."""
    rows = {}
    for index in range(count):
        rows[f"{side}-{index}-name"] = f"{prefix}{'一二三四五六七八九十'[index]}"
        rows[f"{side}-{index}-position"] = "代表"
        rows[f"{side}-{index}-phone"] = "0753-1234567"
    rows[f"{side}-0-chief"] = "y"
    return rows


# slug -> (offset in days, form fields); "expected_version" is added when posting.
STORY: dict[str, tuple[int, dict[str, str]]] = {
    "survey": (9, {"method": "questionnaire", "period_start": day(1), "period_end": day(8),
                   "respondents": "30", "findings": "工资偏低，加班多",
                   "demands-0-text": "涨工资", "demands-0-priority": "1",
                   "demands-1-text": "减少加班", "demands-1-priority": "2"}),
    "outreach": (11, {"kind": "training", "participants": "12", "description": "协商能力培训"}),
    "representatives": (14, {**reps("张", "worker_side"), **reps("王", "employer_side"),
                             "worker_selection": "union", "chief_basis": "union_chair",
                             "employer_appointed_by": "王总"}),
    "vacancy": (15, {"side": "employer", "name": "王三", "reason": "调离公司"}),
    "replacement": (17, {"side": "employer", "name": "王三", "new_name": "王四",
                         "position": "人事主管"}),
    "offer": (19, {"from_side": "workers", "received_on": day(20), "agenda-0": "工资调整幅度",
                   "agenda-1": "加班费计算", "timetable": "四月中旬起每周协商一次"}),
    "answer": (30, {"accepted": "true"}),
    "session": (34, {"chaired_by": "workers", "recorder": "赵记录", "items-0-topic": "工资调整幅度",
                     "items-0-status": "open", "items-1-topic": "加班费计算",
                     "items-1-status": "agreed", "minutes": "双方就工资调整交换意见。",
                     "minutes_signed": "y"}),
    "suspension": (35, {"resume_on": day(39), "topics-0": "工资调整幅度"}),
    "session-2": (39, {"chaired_by": "employer", "recorder": "赵记录",
                       "items-0-topic": "工资调整幅度", "items-0-status": "disputed",
                       "minutes": "分歧较大。", "minutes_signed": "y"}),
    "dispute": (40, {"bureau": "兴宁市人社局", "accepted_on": day(41), "issues": "工资调整幅度"}),
    "dispute-extension": (49, {"reason": "需进一步调查"}),
    "dispute-resolution": (54, {"outcome": "达成协调处理协议书"}),
    "draft": (55, {"text": "工资专项集体合同（草案）全文", "wage_increase_pct": "5.5",
                   "minimum_wage": "2100", "weekly_hours": "40", "summary": "工资年增5.5%",
                   "signed_by_chiefs": "y"}),
    "ratification": (57, {"body": "workers_congress", "members": "40", "present": "27",
                          "votes_for": "21"}),
    "signing": (58, {"term_start": day(60), "term_end": (TODAY + timedelta(days=30)).isoformat()}),
    "filing": (62, {"bureau": "兴宁市人社局", "received_on": day(63)}),
    "completion-request": (64, {"items": "职工代表大会决议原件"}),
    "completion-supply": (66, {"supplied": "决议原件", "received_on": day(66)}),
    "effect": (110, {"basis": "deemed"}),
    "publication": (112, {"channels": "厂区公告栏", "monitoring_contact": "工会 0753-1234567"}),
    "implementation": (200, {"findings": "按约支付", "problems": "", "follow_up": "半年后回访"}),
    "renewal": (399, {"requested_by": "workers"}),
    "note": (399, {"text": "与工会主席电话沟通"}),
    "reassignment": (399, {"to": "sw-002", "reason": "李社工休产假"}),
    "attachment": (399, {"description": "签字版合同扫描件"}),
    "correction": (57, {"body": "workers_congress", "members": "40", "present": "27",
                        "votes_for": "25", "reason": "点票有误"}),
    "sign-off": (399, {"subject": "closure", "note": "合同已生效并公示，履约正常"}),
    "reopening": (400, {"reason": "续订协商"}),
}
ORDER = list(STORY)
API_CORRECTION = {"corrects_version": "", "field": "votes_for", "value": "25",
                  "reason": "点票有误"}
"""The same correction through the API, which names the fact and its new value."""
EVENTS = {"survey": "SurveyRecorded", "outreach": "OutreachRecorded",
          "representatives": "RepresentativesAppointed", "vacancy": "RepresentativeLeft",
          "replacement": "RepresentativeReplaced", "offer": "OfferSent",
          "answer": "OfferAnswered", "session": "SessionHeld", "session-2": "SessionHeld",
          "suspension": "SessionSuspended", "dispute": "DisputeFiled",
          "dispute-extension": "DisputeExtended", "dispute-resolution": "DisputeResolved",
          "draft": "DraftAgreed", "ratification": "RatificationVoted",
          "signing": "ContractSigned", "filing": "ContractFiled",
          "completion-request": "CompletionRequested", "completion-supply": "CompletionSupplied",
          "objection": "ReviewObjected",
          "effect": "ContractTookEffect", "publication": "ContractPublished",
          "implementation": "ImplementationReviewed", "renewal": "RenewalRequested",
          "note": "NoteAdded", "attachment": "AttachmentAdded",
          "reassignment": "CaseReassigned", "correction": "EntryCorrected",
          "sign-off": "SignOffRequested", "reopening": "CaseReopened"}


def opening(seed: int, **changes: str) -> dict[str, str]:
    """The fields of the form that opens a case."""
    return {"name": f"兴宁市测试电子有限公司{seed}", "credit_code": credit_code(seed),
            "town": "兴宁市宁新街道", "industry": "计算机、通信和其他电子设备制造业",
            "headcount": "40", "women": "20",
            "has_union": "y", "legal_representative": "王总", "contract_kind": "wage",
            "occurred_on": day(0), "case_token": str(UUID(int=seed)), **changes}


@dataclass
class Story:
    """Posts forms as one logged-in user and reads what they did to the case."""

    app: Flask
    client: FlaskClient

    def login(self, username: str) -> Story:
        """Log this story's client in (fresh cookies)."""
        self.client = self.app.test_client()
        assert self.client.post("/login", data={"username": username,
                                                "password": PASSWORD}).status_code == 302
        return self

    def open_case(self, seed: int, **changes: str) -> UUID:
        """Open a case through the form; return its id."""
        response = self.client.post("/cases/new", data=opening(seed, **changes))
        assert response.status_code == 302, response.get_data(as_text=True)
        return UUID(re.search(r"/cases/([0-9a-f-]{36})", response.headers["Location"])[1])

    def version(self, case_id: UUID) -> int:
        """The case's version now."""
        return int(self.app.extensions["negotiations"].get_case(case_id).version)

    def post(self, case_id: UUID, slug: str, fields: dict[str, Any], offset: int = 399,
             version: int | None = None, path: str | None = None,
             **files: Any) -> TestResponse:
        """Submit a step form as the user would (the version seen, the date it happened)."""
        data = {"occurred_on": day(offset),
                "expected_version": str(self.version(case_id) if version is None else version),
                **fields, **files}
        return self.client.post(path or f"/cases/{case_id}/record/{slug.removesuffix('-2')}",
                                data=data)

    def correct(self, case_id: UUID, version: int, fields: dict[str, Any],
                offset: int) -> TestResponse:
        """Correct the entry at ``version`` through its own step's form, with a reason."""
        return self.post(case_id, "correction", fields, offset,
                         path=f"/cases/{case_id}/entries/{version}/correct")

    def tell(self, case_id: UUID, slug: str) -> TestResponse:
        """Post the story's step ``slug``."""
        offset, fields = STORY[slug]
        if slug == "attachment":
            return self.post(case_id, slug, fields, offset, **attachment_upload(PDF, "合同.pdf"))
        if slug == "correction":
            case = self.app.extensions["negotiations"].get_case(case_id)
            vote = next(e for e in case.entries if e.type == "RatificationVoted")
            return self.correct(case_id, vote.version, fields, offset)
        return self.post(case_id, slug, fields, offset)

    def walk(self, case_id: UUID, slugs: list[str],
             check: Callable[[str, TestResponse], None] | None = None) -> None:
        """Post each step in turn, asserting each was recorded."""
        for slug in slugs:
            response = self.tell(case_id, slug)
            assert response.status_code == 302, (slug, response.get_data(as_text=True)[:3000])
            if check:
                check(slug, response)

    def summary(self, case_id: UUID) -> dict[str, Any]:
        """The case's row in the case list's read model, as the user's next list page finds
        it (that page waits for the user's own writes: see web.usecases.read_your_writes)."""
        assert self.client.get("/cases").status_code == 200
        with engine_of(self.app.extensions["negotiations"]).connect() as connection:
            row = connection.exec_driver_sql(
                "select * from case_summaries where case_id = ?", (str(case_id),)).mappings().one()
        return dict(row)


@pytest.fixture(scope="module")
def projections(app: Flask) -> Iterator[None]:
    """Keep the read models current in the background, as the real app does on SQLite."""
    stop = threading.Event()
    runner = threading.Thread(target=app.extensions["projector"].follow, args=(stop, 0.02),
                              daemon=True)
    runner.start()
    yield
    stop.set()
    runner.join(timeout=5)


@pytest.fixture(scope="module")
def second_worker(app: Flask) -> None:
    """Another social worker of 兴宁市, to reassign cases to."""
    accounts = app.extensions["accounts"]
    if accounts.get("sw-002") is None:
        accounts.add("chen", "陈社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                     account_id="sw-002")


def attachment_upload(content: bytes, name: str) -> dict[str, Any]:
    """The file part of an attachment form."""
    return {"file": (io.BytesIO(content), name)}


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def li(app: Flask, projections: None, second_worker: None) -> Story:
    """Li, a social worker of 兴宁市, logged in."""
    return Story(app, app.test_client()).login("li")
