"""Helpers of the browser tests: where Chromium and the screenshots are, logging in and out.

(A module of its own, so the tests import these by name; ``tests/e2e/conftest.py`` is
the one imported as ``conftest`` by other tests, hence the ``__init__.py`` here.)
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error, Page, expect

ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = Path(os.environ.get("XIESHANG_SCREENSHOTS")
                   or ROOT / "test-artifacts" / "screenshots")
"""Where screenshots go (git-ignored; CI keeps the folder as an artifact)."""
XIESHANG = [sys.executable, "-c", "from web.cli.main import main; main()"]
CHROMIUM = os.environ.get("XIESHANG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "xieshang-demo"  # web/demo/accounts.py
WORKER = "sw-001"           # a social worker of 兴宁市 (web/demo/world.py)
SUPERVISOR = "sup-01"       # a supervisor of 兴宁市, the same scope
TIMEOUT_MS = 10_000


AXE = Axe()
"""axe-core, as bundled (pinned) by the ``axe-playwright-python`` package."""
NOT_AUDITED = re.compile(r"^https?://[^/]+/api/")
"""The API's documentation page is Swagger UI's own markup (a bundled package, for
programmers; its method badges' colours and nested buttons are its own): not audited."""
RUN_AXE = """() => {
  if (typeof window.axe !== 'object') { return null; }  // a new page came meanwhile
  const run = (window.xieshangAxe || Promise.resolve()).catch(() => null)
    .then(() => axe.run(document, {resultTypes: ['violations']}));
  window.xieshangAxe = run;  // one run at a time: the audit on load and a test's own
  return run.then(result => result.violations);
}"""


def violations(page: Page) -> list[str]:
    """What axe-core finds wrong on the page now (all its rules but the experimental ones:
    WCAG 2.0/2.1 A and AA, and best practices), one line per rule and element; nothing
    for a page that is not HTML (JSON, PDF, a feed) or is :data:`NOT_AUDITED`."""
    if not _audited(page):
        return []
    found = _audit(page)
    assert found is not None, f"axe-core could not run on {page.url}: it kept navigating"
    return found


def _audited(page: Page) -> bool:
    """An HTML page of the app, not :data:`NOT_AUDITED`."""
    return (page.evaluate("document.contentType") == "text/html"
            and not NOT_AUDITED.search(page.url))


def _audit(page: Page) -> list[str] | None:
    """axe-core's findings on the page, or None when new pages kept replacing it."""
    for _attempt in range(3):  # injected, then run: a page loaded in between starts over
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(AXE.axe_script)
        found = page.evaluate(RUN_AXE)
        if found is not None:
            return [f"{page.url}: {rule['id']} ({rule['impact']}) {node['target']}: "
                    + node["failureSummary"].replace("\n", " ")
                    for rule in found for node in rule["nodes"]]
    return None


def audit_every_page(page: Page) -> list[str]:
    """Run axe-core on every page the tab loads; the list it returns fills with what is
    wrong. A page left before its audit ends (the test clicked on) goes unaudited."""
    found: list[str] = []

    def on_load(loaded: Page) -> None:
        try:
            if _audited(loaded):
                found.extend(_audit(loaded) or [])
        except Error as gone:  # navigated away meanwhile, or the tab was closed
            if not re.search(r"destroyed|navigat|closed", str(gone)):
                found.append(f"{loaded.url}: axe-core did not run: {gone}")

    page.on("load", on_load)
    return found


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as ``NAME.png`` in :data:`SCREENSHOTS`."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form and land on the dashboard (我的工作)."""
    page.goto("/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="我的工作")).to_be_visible()


def log_out(page: Page) -> None:
    """Log out through the header's button and land on the login page."""
    page.get_by_role("button", name="退出登录").click()
    expect(page.locator(".flash")).to_have_text("您已退出登录。")
    expect(page).to_have_url(re.compile(r"/login$"))
