"""PDFs of the offer letter and the public notice: real PDFs whose Chinese is embedded text in
the Noto CJK fonts, rendered on A4; the same access as the pages they are made from.

poppler's ``pdftotext``, ``pdffonts`` and ``pdftoppm`` read them; page 1 of each is saved as
a PNG in ``test-artifacts/pdf/`` for a human to look at.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from steps_story import ORDER, Story, credit_code, li, projections, second_worker
from werkzeug.test import TestResponse

from web.paper.pdf import LocalOnly, render_pdf

__all__ = ["li", "projections", "second_worker"]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pdf"
SEED = 451
ENTERPRISE = f"兴宁市测试电子有限公司{SEED}"


@pytest.fixture(scope="module")
def case_id(app: Flask, li: Story) -> UUID:
    """A case told through the forms up to its publication, the read models current."""
    case = li.open_case(SEED)
    li.walk(case, ORDER[:ORDER.index("publication") + 1])
    last = app.extensions["negotiations"].recorder.max_notification_id()
    assert app.extensions["projector"].wait(last, timeout=10)
    return case


def offer_url(app: Flask, case_id: UUID) -> str:
    """The address of the case's (first) offer letter as a PDF."""
    case = app.extensions["negotiations"].get_case(case_id)
    version = next(e.version for e in case.entries if e.type == "OfferSent")
    return f"/cases/{case_id}/print/offer/{version}.pdf"


def pdf_of(response: TestResponse, name: str) -> Path:
    """Check ``response`` is an inline PDF; keep it as ``test-artifacts/pdf/NAME.pdf``."""
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"].startswith("inline; filename=")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(response.data)
    return path


def text_of(pdf: Path) -> str:
    """The PDF's text as pdftotext reads it, without any white space (lines may wrap)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return "".join(out.split())


def fonts_of(pdf: Path) -> str:
    """pdffonts' table of the fonts used: name, type, encoding, embedded, subset, unicode."""
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                          text=True).stdout


def first_page_png(pdf: Path) -> Path:
    """Page 1 rasterised at 50 dpi beside the PDF; checked to hold ink and be A4."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True)
    png = prefix.with_suffix(".png")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert "(A4)" in info.stdout
    with Image.open(png) as image:
        assert abs(image.width - 413) <= 1 and abs(image.height - 585) <= 1  # A4 at 50 dpi
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
    assert dark > 2000, "page 1 is (almost) blank"
    return png


def assert_noto_cjk_embedded(pdf: Path) -> None:
    """Chinese is set in an embedded Noto CJK font with a Unicode map (real, copyable text)."""
    rows = [line.split() for line in fonts_of(pdf).splitlines()[2:]]
    cjk = [row for row in rows if "CJK" in row[0]]
    assert cjk, fonts_of(pdf)
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in cjk), fonts_of(pdf)


def test_the_offer_letter_pdf_holds_the_letter_as_text(app: Flask, li: Story,
                                                       case_id: UUID) -> None:
    response = li.client.get(offer_url(app, case_id))
    pdf = pdf_of(response, "offer")
    text = text_of(pdf)
    for shown in ("集体协商要约书", ENTERPRISE, "第三十二条", "工资调整幅度", "加班费计算",
                  "四月中旬起每周协商一次", "张一", "王一"):
        assert shown in text, shown
    assert "返回案件" not in text and "打印" not in text  # the screen-only line is left out
    assert_noto_cjk_embedded(pdf)
    first_page_png(pdf)
    disposition = response.headers["Content-Disposition"]
    assert f'filename="offer-letter-{case_id}-' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == f"集体协商要约书-{ENTERPRISE}.pdf"


def test_the_notice_pdf_holds_the_public_fields(client: FlaskClient, case_id: UUID) -> None:
    response = client.get(f"/notices/{case_id}.pdf")
    pdf = pdf_of(response, "notice")
    text = text_of(pdf)
    for shown in (ENTERPRISE, credit_code(SEED), "兴宁市宁新街道", "统一社会信用代码",
                  "张一", "王一", "兴宁市人社局", "工会0753-1234567", "5.5"):
        assert shown in text, shown
    for private in ("涨工资", "双方就工资调整交换意见", "赵记录", "工资专项集体合同（草案）"):
        assert private not in text, private
    assert_noto_cjk_embedded(pdf)
    first_page_png(pdf)
    disposition = response.headers["Content-Disposition"]
    assert f'filename="notice-{case_id}.pdf"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]).startswith(ENTERPRISE)


def test_the_pages_link_to_their_pdfs(app: Flask, li: Story, client: FlaskClient,
                                     case_id: UUID) -> None:
    pdf = offer_url(app, case_id)
    assert pdf in li.client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert pdf in li.client.get(pdf.removesuffix(".pdf")).get_data(as_text=True)
    assert f"/notices/{case_id}.pdf" in client.get(f"/notices/{case_id}").get_data(as_text=True)


def test_the_offer_pdf_has_the_access_of_its_print_page(app: Flask, li: Story,
                                                        client: FlaskClient,
                                                        case_id: UUID) -> None:
    url = offer_url(app, case_id)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    wang = Story(app, app.test_client()).login("wang")
    assert wang.client.get(url).status_code == 404
    zhao = Story(app, app.test_client()).login("zhao")
    assert zhao.client.get(url).status_code == 200
    assert li.client.get(f"/cases/{case_id}/print/offer/1.pdf").status_code == 404


def test_unknown_and_unpublished_notices_have_no_pdf(li: Story, client: FlaskClient) -> None:
    assert client.get("/notices/00000000-0000-4000-8000-000000000000.pdf").status_code == 404
    unpublished = li.open_case(SEED + 1)
    assert client.get(f"/notices/{unpublished}.pdf").status_code == 404


def test_the_pdf_follows_the_chosen_language(client: FlaskClient, case_id: UUID) -> None:
    response = client.get(f"/notices/{case_id}.pdf?lang=en")
    text = text_of(pdf_of(response, "notice-en"))
    assert "Creditcode" in text and ENTERPRISE in text


@pytest.mark.parametrize("url", ["https://example.com/x.css", "http://127.0.0.1:5432/",
                                 "file:///etc/passwd", "http://localhost/static/../app.py",
                                 "http://localhost/static/missing.css", "ftp://example.com/f"])
def test_making_a_pdf_fetches_nothing_but_static_files(app: Flask, url: str) -> None:
    fetcher = LocalOnly("http://localhost/static/", Path(app.static_folder or ""))
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    css = fetcher.fetch("http://localhost/static/site.css")
    assert css.content_type == "text/css" and b"font-family" in css.read()
    page = f'<link rel="stylesheet" href="{url}"><img src="{url}"><p>仍然生成</p>'
    pdf = render_pdf(page, "http://localhost/x", "http://localhost/static/",
                     Path(app.static_folder or ""))
    assert pdf.startswith(b"%PDF-")


def test_one_address_may_ask_for_only_so_many_notice_pdfs(app: Flask, client: FlaskClient,
                                                          case_id: UUID) -> None:
    rate = app.config["PUBLIC_PDF_RATE"]
    app.config["PUBLIC_PDF_RATE"] = "2 per hour"
    try:
        answers = [client.get(f"/notices/{case_id}.pdf").status_code for _ in range(3)]
    finally:
        app.config["PUBLIC_PDF_RATE"] = rate
    assert answers == [200, 200, 429]
    assert client.get(f"/notices/{case_id}").status_code == 200, "the page itself stays open"


def test_a_pdf_leaves_the_next_pages_message_alone(li: Story, case_id: UUID) -> None:
    assert li.post(case_id, "note", {"text": "打印前的备注"}).status_code == 302
    assert li.client.get(f"/notices/{case_id}.pdf").status_code == 200
    assert "已记录" in li.client.get(f"/cases/{case_id}").get_data(as_text=True)
