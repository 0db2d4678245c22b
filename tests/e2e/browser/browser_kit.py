"""Helpers of the browser tests: where Chromium and the screenshots are, logging in and out.

(A module of its own, so the tests import these by name; ``tests/e2e/conftest.py`` is
the one imported as ``conftest`` by other tests, hence the ``__init__.py`` here.)
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
XIESHANG = [sys.executable, "-c", "from web.cli.main import main; main()"]
CHROMIUM = os.environ.get("XIESHANG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "xieshang-demo"  # web/demo/accounts.py
WORKER = "sw-001"           # a social worker of 兴宁市 (web/demo/world.py)
SUPERVISOR = "sup-01"       # a supervisor of 兴宁市, the same scope
TIMEOUT_MS = 10_000


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as ``test-artifacts/screenshots/NAME.png``."""
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
