"""A social worker makes an API token in the browser, reads the API's documentation page
(Swagger UI, served by the app under its own Content-Security-Policy), and a program then
uses the token over HTTP."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from .browser_kit import WORKER, log_in, shot


def test_a_token_made_in_the_browser_opens_the_api(page: Page, server: str) -> None:
    log_in(page, WORKER)
    page.get_by_role("navigation").get_by_role("link", name="我的接口令牌").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("我的接口令牌")
    page.get_by_label("令牌名称").fill("浏览器测试")
    page.get_by_role("button", name="创建新令牌").click()
    secret = page.locator("code.api-token").inner_text()
    assert secret.startswith("xs_")
    shot(page, "09-api-token")
    request = urllib.request.Request(f"{server}/api/v1/cases?per_page=1",
                                     headers={"Authorization": f"Bearer {secret}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.load(response)["total"] > 0


def test_the_api_documentation_page_lists_every_operation(page: Page) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto("/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() >= 38
    expect(page.get_by_text("/api/v1/cases/{case_id}/steps/ratification")).to_be_visible()
    shot(page, "10-api-docs")
    assert not [p for p in problems if "Content Security Policy" in p], problems
