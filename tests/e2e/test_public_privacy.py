"""A marker written into every private part of a case never reaches a public page, the
feed, the JSON (also through the API) or the notice's PDF — while the same marker is there
for the people allowed to see it."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from casework import Casework, following  # noqa: F401 - the fixture is used by name
from flask import Flask
from flask.testing import FlaskClient

from domain.values import (
    ChiefBasis,
    EffectBasis,
    ItemStatus,
    RatifyingBody,
    Representative,
    Side,
    SurveyMethod,
    WorkerSelection,
)

MARKER = "秘密标记XQ7"


def pdf_text(pdf: bytes) -> str:
    """A PDF's text as poppler's pdftotext reads it, white space removed (lines may wrap)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, check=True,
                         capture_output=True).stdout
    return "".join(out.decode("utf-8").split())


def published_with_secrets(app: Flask) -> Casework:
    """A case published in 2025 with MARKER in findings, demands, notes, minutes and in the
    representatives' positions, phones and the non-chief names."""
    case = Casework(app, "兴宁市隐私测试电子有限公司", opened_on=date(2025, 1, 6))
    case.step("record_survey", date(2025, 1, 10), method=SurveyMethod.INTERVIEW,
              period_start=date(2025, 1, 7), period_end=date(2025, 1, 9), respondents=12,
              findings=f"职工反映{MARKER}", demands=[{"text": f"诉求{MARKER}", "priority": 1}])
    reps = [Representative("甲", chief=True, phone=f"138{MARKER}"),
            Representative(f"乙{MARKER}", position=f"车间{MARKER}"), Representative("丙")]
    bosses = [Representative("丁", chief=True), Representative("戊"), Representative("己")]
    case.step("appoint_representatives", date(2025, 1, 13), worker_side=reps,
              employer_side=bosses, worker_selection=WorkerSelection.UNION,
              chief_basis=ChiefBasis.UNION_CHAIR, employer_appointed_by="王总")
    case.step("send_offer", date(2025, 1, 14), from_side=Side.WORKERS,
              received_on=date(2025, 1, 15), agenda=["工资"], timetable="二月")
    case.step("answer_offer", date(2025, 1, 20), accepted=True)
    case.step("hold_session", date(2025, 2, 10), chaired_by=Side.WORKERS, recorder="记录员",
              items=[{"topic": "工资", "status": ItemStatus.AGREED}],
              minutes=f"会议纪要{MARKER}", minutes_signed=True)
    case.step("add_note", date(2025, 2, 11), text=f"备注{MARKER}")
    case.step("agree_draft", date(2025, 2, 12), text=f"合同文本{MARKER}",
              key_terms={"wage_increase_pct": 6, "internal": MARKER}, signed_by_chiefs=True)
    case.step("hold_ratification_vote", date(2025, 2, 20), body=RatifyingBody.WORKERS_CONGRESS,
              members=40, present=30, votes_for=28)
    case.step("sign_contract", date(2025, 2, 21), term_start=date(2025, 3, 1),
              term_end=date(2027, 2, 28))
    case.step("file_contract", date(2025, 2, 24), bureau="兴宁市人力资源和社会保障局")
    case.step("record_effect", date(2025, 3, 3), basis=EffectBasis.CONFIRMED)
    case.step("publish_contract", date(2025, 3, 5), channels="厂务公开栏",
              monitoring_contact="工会 0753-3300000")
    return case.synced()


@pytest.mark.usefixtures("following")
def test_the_marker_reaches_no_public_page(app: Flask, client: FlaskClient, auth) -> None:
    case = published_with_secrets(app)
    notice = f"/notices/{case.case_id}"
    public = {url: client.get(url) for url in (
        "/notices", "/notices?q=隐私测试", notice, f"{notice}/print", f"{notice}.json",
        "/notices.json?q=隐私测试", "/notices/feed.atom", f"/api/v1{notice}",
        "/api/v1/notices?q=隐私测试", "/api/v1/notices")}
    assert all(r.status_code == 200 for r in public.values())
    assert "隐私测试" in public[notice].get_data(as_text=True)
    assert "隐私测试" in public[f"/api/v1{notice}"].get_data(as_text=True)
    for url, response in public.items():
        assert MARKER not in response.get_data(as_text=True), url
    pdf = client.get(f"{notice}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "兴宁市隐私测试电子有限公司" in pdf_text(pdf.data)
    assert MARKER not in pdf_text(pdf.data)
    assert auth.login("zhao") == 302
    history = client.get(f"/cases/{case.case_id}/history").get_data(as_text=True)
    assert MARKER in history
