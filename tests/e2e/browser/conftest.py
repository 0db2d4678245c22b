"""Browser tests: the real ``xieshang serve`` on a fresh demo store, driven by Chromium.

The server is started once per session as a subprocess (as a newcomer would run it), on a
free port, with its own SQLite instance folder filled by ``xieshang demo``. Each test gets
its own browser context and page; a screenshot of the page is kept when the test ends.
Screenshots land in ``test-artifacts/screenshots/`` at the repository root.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from .browser_kit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    TIMEOUT_MS,
    XIESHANG,
    audit_every_page,
    shot,
    violations,
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
            return bool(json.load(response).get("status") == "ok")
    except OSError:
        return False


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of ``xieshang serve`` on a fresh SQLite store with 30 demo cases."""
    instance = tmp_path_factory.mktemp("browser-instance")
    env = {**os.environ, "XIESHANG_INSTANCE_PATH": str(instance),
           "XIESHANG_SECRET_KEY": "browser-tests-only"}
    for name in ("XIESHANG_DATABASE_URL", "XIESHANG_PROJECTIONS", "XIESHANG_COOKIE_SECURE"):
        env.pop(name, None)
    demo = subprocess.run([*XIESHANG, "demo", "--cases", "30"], env=env, capture_output=True,
                          text=True, timeout=180, check=False, cwd=ROOT)
    assert demo.returncode == 0, demo.stderr
    assert "Created 30 cases" in demo.stdout
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (instance / "serve.log").open("w")
    process = subprocess.Popen([*XIESHANG, "serve", "--port", str(port)], env=env, cwd=ROOT,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("xieshang serve did not start:\n"
                            + (instance / "serve.log").read_text()[-3000:])
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium (browser downloads are not used), headless."""
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture
def viewport() -> dict[str, int]:
    """The window's size; a phone's tests override it (390x844)."""
    return VIEWPORT


@pytest.fixture
def page(browser: Browser, server: str, viewport: dict[str, int],
         request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page (own cookies) on the server, audited by axe-core on every page it loads;
    at teardown a screenshot is kept and the test fails on any accessibility violation."""
    context = browser.new_context(base_url=server, locale="zh-CN", viewport=viewport)
    context.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    tab = context.new_page()
    found = audit_every_page(tab)
    try:
        yield tab
        found.extend(violations(tab))
    finally:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            shot(tab, f"end-{name}")
        finally:
            context.close()
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(dict.fromkeys(found))


