"""Attachments (limits, storage, download) and the printed offer letter and minutes."""

from __future__ import annotations

import hashlib
import io
import zipfile
from uuid import UUID

import pytest
from flask import Flask
from steps_story import (
    ORDER,
    PDF,
    PNG,
    Story,
    attachment_upload,
    li,
    projections,
    second_worker,
)

__all__ = ["li", "projections", "second_worker"]



@pytest.fixture(scope="module")
def case_id(li: Story) -> UUID:
    """A case told up to the contract's filing."""
    case = li.open_case(401)
    li.walk(case, ORDER[:ORDER.index("filing") + 1])
    return case


def _attach(li: Story, case_id: UUID, content: bytes, name: str) -> tuple[int, str]:
    response = li.post(case_id, "attachment", {"description": "扫描件"},
                       **attachment_upload(content, name))
    return response.status_code, response.get_data(as_text=True)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "name"), [(PDF, "合同.pdf"), (PNG, "签字页.PNG"),
                                               (_docx(), "纪要.docx")])
def test_accepted_files_are_stored_by_hash_and_downloadable(app: Flask, li: Story,
                                                            case_id: UUID, content: bytes,
                                                            name: str) -> None:
    status, _page = _attach(li, case_id, content, name)
    assert status == 302
    digest = hashlib.sha256(content).hexdigest()
    entry = app.extensions["negotiations"].get_case(case_id).entries[-1]
    assert (entry["filename"], entry["size"], entry["sha256"]) == (name, len(content), digest)
    stored = app.config["SETTINGS"].instance_path / "attachments" / digest[:2] / digest
    assert stored.read_bytes() == content
    page = li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert f"/cases/{case_id}/attachments/{digest}" in page
    download = li.client.get(f"/cases/{case_id}/attachments/{digest}")
    assert download.status_code == 200 and download.data == content
    assert download.headers["Content-Type"].startswith(entry["media_type"])


@pytest.mark.parametrize(("content", "name", "why"), [
    (b"MZ\x90\x00 not a program", "病毒.exe", "只接受"),
    (b"plain text pretending", "假的.pdf", "只接受"),
    (PDF, "合同.txt", "只接受"),
    (b"PK\x03\x04 broken zip", "坏的.docx", "只接受"),
    (b"%PDF-" + b"0" * (10 * 1024 * 1024), "太大.pdf", "超过 10 MB"),
])
def test_refused_files_record_nothing(li: Story, case_id: UUID, content: bytes, name: str,
                                      why: str) -> None:
    before = li.version(case_id)
    status, page = _attach(li, case_id, content, name)
    assert status == 400
    assert 'data-field="file"' in page and why in page and "扫描件" in page
    assert li.version(case_id) == before


def test_downloads_need_sight_of_the_case(app: Flask, li: Story, case_id: UUID) -> None:
    digest = hashlib.sha256(PDF).hexdigest()
    if li.client.get(f"/cases/{case_id}/attachments/{digest}").status_code != 200:
        assert _attach(li, case_id, PDF, "合同.pdf")[0] == 302
    wang = Story(app, app.test_client()).login("wang")
    assert wang.client.get(f"/cases/{case_id}/attachments/{digest}").status_code == 404
    zhao = Story(app, app.test_client()).login("zhao")
    assert zhao.client.get(f"/cases/{case_id}/attachments/{digest}").status_code == 200
    assert li.client.get(f"/cases/{case_id}/attachments/{'0' * 64}").status_code == 404


def _version_of(app: Flask, case_id: UUID, kind: str) -> int:
    case = app.extensions["negotiations"].get_case(case_id)
    return next(e.version for e in case.entries if e.type == kind)


def test_the_offer_letter_prints_parties_agenda_due_date_and_chiefs(app: Flask, li: Story,
                                                                    case_id: UUID) -> None:
    from domain.deadlines import reply_due
    from web.words.i18n import show_date

    version = _version_of(app, case_id, "OfferSent")
    page = li.client.get(f"/cases/{case_id}/print/offer/{version}").get_data(as_text=True)
    assert "集体协商要约书" in page and "兴宁市测试电子有限公司401" in page
    assert "工资调整幅度" in page and "加班费计算" in page and "四月中旬起每周协商一次" in page
    assert "张一" in page and "王一" in page and "第三十二条" in page
    case = app.extensions["negotiations"].get_case(case_id)
    offer = case.entries[version - 1]
    with app.test_request_context("/"):
        due = show_date(reply_due(offer["received_on"], case.state))
    assert due in page
    assert f"/cases/{case_id}/print/offer/{version}" in li.client.get(
        f"/cases/{case_id}").get_data(as_text=True)


def test_the_minutes_print_attendees_items_and_signature_lines(app: Flask, li: Story,
                                                               case_id: UUID) -> None:
    version = _version_of(app, case_id, "SessionHeld")
    page = li.client.get(f"/cases/{case_id}/print/minutes/{version}").get_data(as_text=True)
    assert "集体协商会议记录" in page and "兴宁市测试电子有限公司401" in page
    for text in ("赵记录", "工资调整幅度", "加班费计算", "双方就工资调整交换意见。",
                 "张一", "张二", "王一", "王二", "王四", "职工方首席代表", "企业方首席代表"):
        assert text in page
    english = li.client.get(f"/cases/{case_id}/print/minutes/{version}?lang=en")
    assert "Minutes of the collective negotiation session" in english.get_data(as_text=True)
    li.client.get("/?lang=zh")
    assert li.client.get(f"/cases/{case_id}/print/offer/{version}").status_code == 404
    wang = Story(app, app.test_client()).login("wang")
    assert wang.client.get(f"/cases/{case_id}/print/minutes/{version}").status_code == 404


def test_an_objection_sends_the_case_back_to_negotiation(app: Flask, li: Story,
                                                         case_id: UUID) -> None:
    before = li.version(case_id)
    response = li.post(case_id, "objection", {"issues": "工资条款低于最低工资标准"},
                       offset=65)
    assert response.status_code == 302
    assert li.version(case_id) == before + 1
    assert li.summary(case_id)["stage"] == "negotiating"
    page = li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "审查意见" in page and f"/cases/{case_id}/record/session" in page
