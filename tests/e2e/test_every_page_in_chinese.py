"""Every page in Chinese (issue 11, item 4): no English leaks into the Chinese pages.

For each role (the public, a social worker, a supervisor, an admin) the crawl starts from
the first page and the public notices and follows every same-site link by GET
(:mod:`site_crawl`: at most 400 pages, a few of each shape, no downloads, no logout). Then
the pages no link reaches: the error pages (400, 403, 404, 405, 413, 429, 500), forms sent
back with bad input, the login page after a wrong password and after the login-required
redirect. On each, the visible text (:mod:`page_words`) must hold no Latin word but the
allowlisted ones.
The English pages are crawled too and Chinese words of the interface on them are reported
(printed, not enforced).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from chinese_pages import (
    chinese_on_english,
    interface_words,
    leaks_on,
)
from flask import Flask
from flask.testing import FlaskClient
from site_crawl import Page, crawl
from werkzeug.test import TestResponse

from projections.base import engine_of

PASSWORD = "correct-horse-battery"  # tests/e2e/conftest.py
ROLES = {"public": None, "social worker": "li", "supervisor": "zhao", "admin": "root"}
# The fewest pages each crawl must reach, so that a broken crawl cannot pass by reading none.
AT_LEAST = {"public": 5, "social worker": 60, "supervisor": 60, "admin": 60}
STARTS = ("/", "/notices")
PER_SHAPE = 8  # pages of one shape (e.g. a case's page) per crawl
# What some of the pages no link reaches must say.
SAYS = {"login required": "请先登录再查看此页面。", "400 bare": "无法读取请求",
        "400 open case": "请填写“女职工人数”。", "403": "您无权查看此页面",
        "404 page": "找不到页面", "405": "此页面不能这样使用", "413": "提交的内容过大",
        "422 sign-off": "请填写“退回理由”。", "429": "尝试次数过多", "500": "系统出错"}


def _client(app: Flask, username: str | None, lang: str = "zh") -> FlaskClient:
    client = app.test_client()
    if username:
        assert client.post("/login", data={"username": username,
                                           "password": PASSWORD}).status_code == 302
    client.get(f"/?lang={lang}")
    return client


def _data(app: Flask) -> frozenset[str]:
    """Latin on purpose: the accounts' usernames and ids."""
    accounts = app.extensions["accounts"].all()
    return frozenset({a.username for a in accounts} | {a.id for a in accounts})


def _a_case(app: Flask, scope: str = "兴宁市") -> str:
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        return str(connection.exec_driver_sql(
            "select case_id from case_summaries where scope = ? limit 1", (scope,)).scalar())


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_a_role_reaches_reads_in_chinese(app: Flask, role: str) -> None:
    found = crawl(_client(app, ROLES[role]), STARTS, per_shape=PER_SHAPE)
    print(f"{role}: {len(found.pages)} pages, {found.cut_by_shape} links cut by shape")
    assert len(found.pages) >= AT_LEAST[role]
    # The demo records attachments without their files: their links answer 404 (in Chinese).
    assert all(page.status == 200 for page in found.pages if "/attachments/" not in page.url)
    leaks = leaks_on(found.pages, _data(app))
    assert not leaks, "English on Chinese pages:\n" + "\n".join(map(str, leaks))


def _sign_off_refused_without_reason(worker: FlaskClient, supervisor: FlaskClient,
                                     case: str) -> TestResponse:
    """The social worker asks for a sign-off; the supervisor refuses it and gives no reason."""
    form = worker.get(f"/cases/{case}/record/sign-off").get_data(as_text=True)
    values = dict(re.findall(r'name="(occurred_on|expected_version)" value="([^"]+)"', form))
    asked = worker.post(f"/cases/{case}/record/sign-off",
                        data={**values, "subject": "review", "note": "请督导审核"})
    assert asked.status_code == 302, asked.get_data(as_text=True)[:2000]
    page = supervisor.get(f"/cases/{case}/sign-off").get_data(as_text=True)
    hidden = dict(re.findall(r'name="(request_version|expected_version)" value="(\d+)"', page))
    return supervisor.post(f"/cases/{case}/sign-off",
                           data={**hidden, "decision": "refuse", "reason": ""})


def _forced(app: Flask, monkeypatch: pytest.MonkeyPatch
            ) -> dict[str, tuple[int, Callable[[], TestResponse]]]:
    """Pages no link reaches: name -> (status, how to get it)."""
    public, worker = _client(app, None), _client(app, "li")
    supervisor, admin = _client(app, "zhao"), _client(app, "root")
    case = _a_case(app)
    too_large = b"%PDF-" + b"0" * (20 * 1024 * 1024)

    def broken() -> TestResponse:
        monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
        monkeypatch.setitem(app.view_functions, "public.search", lambda: 1 / 0)
        return public.get("/notices")

    def throttled() -> TestResponse:
        for _ in range(5):
            response = public.post("/login", data={"username": "crawl-guess", "password": "x"})
        return response

    return {
        "login required": (200, lambda: public.get("/cases", follow_redirects=True)),
        "wrong password": (401, lambda: public.post("/login", data={
            "username": "li", "password": "wrong"})),
        "400 bare": (400, lambda: supervisor.get("/audit/export.csv?since=never")),
        "400 form": (400, lambda: worker.post(f"/cases/{case}/record/note", data={
            "occurred_on": "someday", "expected_version": "x", "text": " "})),
        "400 open case": (400, lambda: worker.post("/cases/new", data={
            "name": "某公司", "headcount": "很多", "women": "", "occurred_on": "2025-02-30"})),
        "400 query": (400, lambda: supervisor.get("/audit?since=never&until=2025-13-01")),
        "400 public query": (400, lambda: public.get("/notices?year=soon&kind=other-kind")),
        "400 token": (400, lambda: worker.post("/account/tokens", data={"name": "",
                                                                      "days": "7"})),
        "403": (403, lambda: worker.get("/audit")),
        "404 page": (404, lambda: worker.get("/no-such-page")),
        "404 case": (404, lambda: worker.get("/cases/00000000-0000-4000-8000-000000000000")),
        "404 public": (404, lambda: public.get("/no-such-page")),
        "405": (405, lambda: worker.get("/logout")),
        "413": (413, lambda: worker.post(f"/cases/{case}/record/attachment", data={
            "file": (io.BytesIO(too_large), "big.pdf")})),
        "422 account": (422, lambda: admin.post("/admin/accounts", data={
            "username": "", "name": "", "role": "nobody", "scope": "", "password": "x"})),
        "422 sign-off": (422, lambda: _sign_off_refused_without_reason(
            worker, supervisor, case)),
        "429": (429, throttled),
        "500": (500, broken),
    }


def test_error_pages_and_refused_forms_read_in_chinese(app: Flask,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pages = []
    for name, (status, get) in _forced(app, monkeypatch).items():
        response = get()
        assert response.status_code == status, name
        assert response.mimetype == "text/html", name
        page = response.get_data(as_text=True)
        assert '<html lang="zh-CN">' in page and "协商" in page, f"{name}: not our page"
        assert SAYS.get(name, "") in page, name
        pages.append(Page(name, response.status_code, page))
    leaks = leaks_on(pages, _data(app))
    assert not leaks, "English on Chinese pages:\n" + "\n".join(map(str, leaks))


def test_form_errors_name_their_field_in_chinese(app: Flask) -> None:
    worker = _client(app, "li")
    page = worker.post("/cases/new", data={"headcount": "很多", "women": ""}).get_data(
        as_text=True)
    assert "“职工人数”：请输入整数。" in page
    assert "请填写“女职工人数”。" in page
    assert "请先登录再查看此页面。" in _client(app, None).get(
        "/cases", follow_redirects=True).get_data(as_text=True)


def test_english_pages_show_no_chinese_of_the_interface(app: Flask) -> None:
    """Reported, not enforced: Chinese words of the interface on the English pages."""
    words = interface_words()
    for role in ("social worker", "supervisor"):
        pages = crawl(_client(app, ROLES[role], "en"), ("/?lang=en", "/notices")).pages
        assert '<html lang="en">' in pages[0].html
        for leak in chinese_on_english(pages, words)[:40]:
            print(f"[en, {role}] {leak}")
