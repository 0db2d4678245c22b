"""Accessibility beside what axe-core checks on every page (conftest): the skip link, named
menus, the language switch, the stage list, compressed text, and axe itself catching a fault."""

from __future__ import annotations

import gzip
import re
import urllib.request

from playwright.sync_api import Page, expect

from .browser_kit import SUPERVISOR, WORKER, log_in, violations


def test_the_skip_link_is_the_first_stop_and_jumps_to_the_content(page: Page) -> None:
    log_in(page, WORKER)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到正文")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()             # shown when focused, hidden otherwise
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")                   # the next stop is inside the content
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_menus_are_named_and_the_language_switch_says_its_language(page: Page) -> None:
    log_in(page, SUPERVISOR)
    page.goto("/audit")
    names = page.locator("nav").evaluate_all("navs => navs.map(n => n.getAttribute('aria-label'))")
    assert len(names) == 2 and all(names) and len(set(names)) == 2, names
    english = page.get_by_role("navigation", name="主菜单").get_by_role("link", name="English")
    expect(english).to_have_attribute("lang", "en")
    english.click()
    chinese = page.get_by_role("navigation", name="Main menu").get_by_role("link", name="中文")
    expect(chinese).to_have_attribute("lang", "zh-CN")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_current_stage_is_marked_for_screen_readers_and_others_are_legible(
        page: Page) -> None:
    log_in(page, WORKER)
    page.goto("/cases")
    case = page.locator("main tbody a").first.get_attribute("href")
    page.goto(f"{case}/as-of")
    page.locator('[name="date"]').fill("2099-12-31")
    page.locator("main form").get_by_role("button").click()
    current = page.locator('ol.steps li[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_have_class(re.compile(r"\bcurrent\b"))
    later = page.locator("ol.steps li:not(.done):not(.current)")
    if later.count():
        expect(later.first).to_have_css("color", "rgb(89, 89, 89)")  # 7:1 on white


def test_pages_and_style_sheets_are_sent_compressed(server: str) -> None:
    for path in ("/notices", "/login", "/static/site.css"):
        request = urllib.request.Request(server + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip", path
            assert "Accept-Encoding" in response.headers["Vary"], path
            body = gzip.decompress(response.read())
        assert body.strip(), path


def test_axe_core_finds_a_fault_put_into_a_page(page: Page) -> None:
    """The audit run on every page can fail: an image without a text alternative and a
    grey too pale to read are found."""
    page.goto("/login")
    assert violations(page) == []
    page.evaluate("""() => {
        const img = document.createElement('img');
        img.src = '/static/none.png';
        document.querySelector('main').append(img);
        document.querySelector('h1').style.color = '#bbb';
    }""")
    found = "\n".join(violations(page))
    assert "image-alt" in found and "color-contrast" in found, found
    page.reload()                                # the fixture audits the page it ends on
    assert violations(page) == []
