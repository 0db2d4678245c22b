"""Web benchmark over HTTP against the production server (waitress) on demo data.

Generates ``--cases`` demo cases (default 20,000) into a fresh instance folder (or reuses
``--instance``), adds one case with 200 entries, brings the read models up to date, starts
``xieshang serve`` on a free loopback port, logs in like a browser (cookies, CSRF token) and
times, sequentially, after a warm-up: the dashboard, the case list (plain and filtered), the
200-entry case page, and recording a note (POST, then the redirect to the case page).

    .venv/bin/python bench/bench_web.py [--cases 20000] [--instance PATH] [--requests 200]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

from stdnum.cn import uscc

from config import profiles
from config.settings import Settings
from domain import clock
from domain.values import ContractKind, Enterprise
from projections.base import engine_of
from projections.runner import Projector
from web.accounts.store import AccountStore
from web.composition import build_negotiations
from web.demo.accounts import DEMO_PASSWORD

BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'name="expected_version"[^>]*value="(\d+)"|value="(\d+)"[^>]*'
                     r'name="expected_version"')


def prepare(instance: Path, cases: int, env: dict[str, str]) -> UUID:
    """Demo data (unless already there), one case with 200 entries, current read models."""
    if not (instance / "xieshang.sqlite3").exists():
        started = time.perf_counter()
        subprocess.run([str(BIN / "xieshang"), "demo", "--cases", str(cases)], env=env,
                       check=True, timeout=3600)
        print(f"generated {cases} demo cases in {time.perf_counter() - started:.0f} s")
    negotiations = build_negotiations(Settings.from_env(env))
    worker = AccountStore(engine_of(negotiations)).get("sw-001")
    assert worker is not None, "no demo account sw-001"
    body = f"91441481MC{uuid4().int % 10**7:07d}"
    enterprise = Enterprise("基准测试电子有限公司", body + uscc.calc_check_digit(body),
                            worker.scope, "电子", 300, 120, True, legal_representative="王总")
    start = clock.today() - timedelta(days=250)
    recorded = negotiations.open_case(
        by=worker.actor, occurred_on=start, enterprise=enterprise,
        contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
        assigned_to=worker.actor, scope=worker.scope)
    for n in range(199):
        day = start + timedelta(days=n // 4)
        recorded = negotiations.add_note(recorded.case_id, recorded.version, worker.actor, day,
                                         text=f"第{n + 1}次沟通记录")
    started = time.perf_counter()
    Projector(negotiations).catch_up()
    print(f"case {recorded.case_id}: {recorded.version} entries; read models caught up in "
          f"{time.perf_counter() - started:.1f} s")
    negotiations.close()
    return recorded.case_id


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    """A cookie-keeping HTTP client for one base URL (redirects followed)."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return str(response.read().decode())

    def post(self, path: str, fields: dict[str, str]) -> str:
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=60) as response:
            return str(response.read().decode())

    def login(self, username: str, password: str) -> None:
        token = CSRF.search(self.get("/login"))
        assert token, "no csrf_token on the login page"
        page = self.post("/login", {"csrf_token": token[1], "username": username,
                                    "password": password})
        assert 'action="/logout"' in page or "/logout" in page, "login failed"


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    """Poll /healthz for up to 60 s."""
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("the server did not answer within 60 s")


def measure(action: object, requests: int, warmup: int) -> tuple[float, float, float]:
    """(median, p95, max) milliseconds of ``action()``, after ``warmup`` untimed calls."""
    assert callable(action)
    for _ in range(warmup):
        action()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18], max(times)


def run(base: str, case_id: UUID, requests: int, warmup: int) -> None:
    worker, admin = Browser(base), Browser(base)
    worker.login("sw-001", DEMO_PASSWORD)
    admin.login("admin", DEMO_PASSWORD)
    form = worker.get(f"/cases/{case_id}/record/note")
    token, found = CSRF.search(form), VERSION.search(form)
    assert token and found, "no csrf_token or expected_version on the note form"
    version = int(found[1] or found[2])

    def note() -> None:
        nonlocal version
        page = worker.post(f"/cases/{case_id}/record/note", {
            "csrf_token": token[1], "expected_version": str(version),
            "occurred_on": clock.today().isoformat(), "text": f"基准记录 {version}"})
        assert "基准测试电子有限公司" in page, "the note was not recorded"
        version += 1

    filtered = "/cases?" + urllib.parse.urlencode({"stage": "negotiating", "kind": "wage",
                                                   "q": "有限"})
    rows = [("dashboard / (worker)", lambda: worker.get("/")),
            ("case list /cases (worker)", lambda: worker.get("/cases")),
            ("case list filtered (worker)", lambda: worker.get(filtered)),
            ("dashboard / (admin)", lambda: admin.get("/")),
            ("case list /cases (admin, all)", lambda: admin.get("/cases")),
            ("case list filtered (admin)", lambda: admin.get(filtered)),
            ("case page, 200 entries", lambda: worker.get(f"/cases/{case_id}")),
            ("record a note (POST+redirect)", note)]
    print(f"\n{'request':<32}{'n':>6}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
    for name, action in rows:
        median, p95, worst = measure(action, requests, warmup)
        print(f"{name:<32}{requests:>6}{median:>11.1f}{p95:>9.1f}{worst:>9.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--instance", type=Path, help="reuse this instance folder")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    instance = (args.instance or Path(tempfile.mkdtemp(prefix="xieshang-bench-"))).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XIESHANG_INSTANCE_PATH": str(instance),
           "XIESHANG_COOKIE_SECURE": "false", "XIESHANG_SECRET_KEY": "bench-" + uuid4().hex}
    env.pop("XIESHANG_DATABASE_URL", None)
    print(f"instance {instance}")
    case_id = prepare(instance, args.cases, env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(BIN / "xieshang"), "serve", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        run(base, case_id, args.requests, args.warmup)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
