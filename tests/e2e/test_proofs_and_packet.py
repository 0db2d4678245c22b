"""Proofs attached to their steps (kind and entry, through the form and the API), shown in the
page, and the filing packet as one PDF: cover sheet, documents, proofs in order."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from uuid import UUID

import pytest
from api_kit import callers, step_body
from flask import Flask
from pypdf import PdfReader
from steps_story import PDF, Story, credit_code, li, projections, second_worker

from web.demo.files import demo_file

__all__ = ["callers", "li", "projections", "second_worker"]

SEED = 4620
ENTERPRISE = f"兴宁市测试电子有限公司{SEED}"
REAL_PDF, _ = demo_file("决议.pdf")
REAL_PNG, _ = demo_file("合同.png")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"


def version_of(app: Flask, case_id: UUID, event_type: str) -> int:
    """The version of the case's last entry of ``event_type``."""
    case = app.extensions["negotiations"].get_case(case_id)
    return [e for e in case.entries if e.type == event_type][-1].version


def attached(app: Flask, case_id: UUID) -> list[dict]:
    """The facts of every attachment of the case, oldest first."""
    case = app.extensions["negotiations"].get_case(case_id)
    return [e.facts for e in case.entries if e.type == "AttachmentAdded"]


def told(app: Flask, li: Story, seed: int) -> UUID:
    """A case told through the forms up to its signing, with two proofs attached through
    the form: the congress's resolution (a PDF) and the signed contract (a photo)."""
    case = li.open_case(seed)
    li.walk(case, ["survey", "representatives", "offer", "answer", "session", "draft",
                   "ratification", "signing"])
    for kind, event, content, name in (
            ("congress_resolution", "RatificationVoted", REAL_PDF, "决议.pdf"),
            ("signed_contract", "ContractSigned", REAL_PNG, "合同.png")):
        response = li.post(case, "attachment", {
            "proof_kind": kind, "proves_version": str(version_of(app, case, event)),
            "description": "扫描件"}, file=(io.BytesIO(content), name))
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return case


@pytest.fixture(scope="module")
def case_id(app: Flask, li: Story) -> UUID:
    """The told case the tests of attaching add to."""
    return told(app, li, SEED)


@pytest.fixture(scope="module")
def packet_case(app: Flask, li: Story) -> UUID:
    """A told case with just its two proofs, and a third file that cannot be merged."""
    case = told(app, li, SEED + 1)
    content, _ = demo_file("问卷.xlsx")
    assert li.post(case, "attachment", {}, file=(io.BytesIO(content), "问卷.xlsx")
                   ).status_code == 302
    return case


def test_a_proof_names_its_kind_and_the_entry_it_proves(app, li, case_id):
    resolution, contract = attached(app, case_id)
    assert resolution["proof_kind"] == "congress_resolution"
    assert resolution["proves_version"] == version_of(app, case_id, "RatificationVoted")
    assert contract["proof_kind"] == "signed_contract"
    assert contract["media_type"] == "image/png"
    page = li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "职代会（全体职工）决议" in page and "签字盖章的合同文本" in page
    assert f"/cases/{case_id}/attachments/{contract['sha256']}/preview" in page
    form = li.client.get(f"/cases/{case_id}/record/attachment").get_data(as_text=True)
    assert 'accept="image/*,application/pdf"' in form and 'capture="environment"' in form


@pytest.mark.parametrize(("fields", "error", "status"), [
    ({"proof_kind": "selfie"}, "proof_kind", 400),
    ({"proves_version": "1.5"}, "proves_version", 400),
    ({"proves_version": "9999"}, "proves_version", 422),   # no such step: a broken rule
])
def test_a_wrong_kind_or_entry_is_a_form_error(app, li, case_id, unchanged, fields, error,
                                               status):
    response = li.post(case_id, "attachment", fields, file=(io.BytesIO(PDF), "a.pdf"))
    assert response.status_code == status
    assert 'data-field="' + error + '"' in response.get_data(as_text=True)


def test_the_api_takes_and_checks_kind_and_entry(app, callers, case_id):
    li = callers["li"]
    signed = version_of(app, case_id, "ContractSigned")
    for changes in ({"proof_kind": "selfie"}, {"proves_version": 99_999},
                    {"proves_version": "二"}):
        body = step_body("attachment", li.version(case_id), **changes)
        response = li.step(case_id, "attachment", body)
        assert response.status_code == 422, (changes, response.get_json())
    body = step_body("attachment", li.version(case_id), proof_kind="filing_receipt",
                     proves_version=signed)
    assert li.step(case_id, "attachment", body).status_code == 201
    assert attached(app, case_id)[-1]["proof_kind"] == "filing_receipt"
    body = step_body("attachment", li.version(case_id))
    assert li.step(case_id, "attachment", body).status_code == 201
    last = attached(app, case_id)[-1]
    assert last["proof_kind"] == "other" and last["proves_version"] is None


def test_an_image_or_pdf_is_previewed_inline_to_those_who_may_see_it(app, li, case_id):
    resolution, contract = attached(app, case_id)[:2]
    for facts, media_type in ((contract, "image/png"), (resolution, "application/pdf")):
        url = f"/cases/{case_id}/attachments/{facts['sha256']}/preview"
        shown = li.client.get(url)
        assert shown.status_code == 200 and shown.mimetype == media_type
        assert shown.headers["Content-Disposition"].startswith("inline;")
        assert shown.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in shown.headers["Content-Security-Policy"]
        assert shown.data in (REAL_PNG, REAL_PDF)
        wang = Story(app, app.test_client()).login("wang")
        assert wang.client.get(url).status_code == 404
        assert wang.client.get(f"/cases/{case_id}/attachments/{facts['sha256']}"
                               ).status_code == 404


def test_a_file_that_is_not_an_image_or_pdf_is_not_previewed(app, li, case_id):
    content, _ = demo_file("问卷.xlsx")
    assert li.post(case_id, "attachment", {}, file=(io.BytesIO(content), "问卷.xlsx")
                   ).status_code == 302
    sha = attached(app, case_id)[-1]["sha256"]
    assert li.client.get(f"/cases/{case_id}/attachments/{sha}").status_code == 200
    assert li.client.get(f"/cases/{case_id}/attachments/{sha}/preview").status_code == 404


def page_texts(pdf: bytes, name: str) -> list[str]:
    """Each page's text as pdftotext reads it, without white space."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in out.split("\f")][:-1]


def test_the_filing_form_shows_the_checklist(li, case_id):
    page = li.client.get(f"/cases/{case_id}/record/filing").get_data(as_text=True)
    assert "报送材料" in page and "企业上年度职工平均工资" in page
    assert "缺少" in page and "已附证明材料" in page and "已记录" in page
    assert f"/cases/{case_id}/packet.pdf" in page


def test_the_packet_is_one_pdf_cover_documents_and_proofs_in_order(app, li, packet_case):
    response = li.client.get(f"/cases/{packet_case}/packet.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline;")
    pages = page_texts(response.data, "filing-packet")
    assert len(PdfReader(io.BytesIO(response.data)).pages) == len(pages)
    cover = pages[0]
    enterprise = f"兴宁市测试电子有限公司{SEED + 1}"
    assert "集体合同审查备案报送材料" in cover and enterprise in cover
    assert credit_code(SEED + 1) in cover and "应到40人，实到27人，同意21人" in cover
    assert "企业上年度职工平均工资缺少" in cover and "双方协商代表名单已记录" in cover
    assert "另行提交的附件•其他·问卷.xlsx" in "".join(pages[:2])
    assert re.search(r"案件兴宁-\d{4}-\d{4}", cover), "the cover names the case's number"

    documents = next(i for i, text in enumerate(pages) if text.startswith("编号："))

    def at(text: str, after: int = documents) -> int:
        return next(i for i in range(after, len(pages)) if text in pages[i])

    vote = at("审议表决结果企业")
    located = [("集体合同审查备案登记表", at("集体合同审查备案登记表")),
               ("集体合同文本", at("甲方（职工方）")),
               ("签字盖章的合同文本·合同.png", at("签字盖章的合同文本·合同.png")),
               ("审议表决结果及决议", vote),
               ("职代会（全体职工）决议·决议.pdf", next(
                   i for i in range(vote, len(pages)) if pages[i] == "")),
               ("协商代表推选结果及名单公示", at("协商代表推选结果")),
               ("集体协商要约书", at("集体协商要约书兴宁")),
               ("协商会议记录", at("集体协商会议记录第1次"))]
    places = [index for _, index in located]
    assert places == sorted(set(places)) and places[0] == documents
    contents = "".join(f"{n}{title}{index + 1}" for n, (title, index) in enumerate(located, 1))
    cover_pages = "".join(text.removesuffix(f"{number}/{documents}")    # the page footers
                          for number, text in enumerate(pages[:documents], 1))
    assert contents in cover_pages.replace("#材料页码", ""), "the contents give each page"


def test_the_packet_of_another_region_is_not_found(app, case_id):
    wang = Story(app, app.test_client()).login("wang")
    assert wang.client.get(f"/cases/{case_id}/packet.pdf").status_code == 404


def test_the_demo_attachments_download_and_preview(app):
    """The demo generator stores real small files (web/demo/files.py) for its proofs."""
    supervisor = Story(app, app.test_client()).login("zhao")
    negotiations = app.extensions["negotiations"]
    found = []
    for case in map(negotiations.get_case, demo_case_ids(app)):
        found += [(case.id, e) for e in case.entries if e.type == "AttachmentAdded"]
    assert len({e["proof_kind"] for _, e in found}) >= 3, "the demo names its proofs"
    shown = set()
    for case_id, entry in found:
        url = f"/cases/{case_id}/attachments/{entry['sha256']}"
        download = supervisor.client.get(url)
        if download.status_code == 404:       # a case of another region than zhao's
            continue
        assert download.status_code == 200 and len(download.data) == entry["size"]
        preview = supervisor.client.get(url + "/preview")
        assert preview.status_code == (404 if entry["filename"].endswith(".xlsx") else 200)
        shown.add(entry["media_type"])
    assert {"application/pdf", "image/png"} <= shown


def demo_case_ids(app: Flask) -> list[UUID]:
    """The ids of the demo cases (opened before any test's)."""
    recorder = app.extensions["negotiations"].recorder
    return [UUID(str(n.originator_id)) for n in recorder.select_notifications(start=1, limit=5000)
            if n.originator_version == 1][:60]
