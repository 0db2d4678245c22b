"""Xieshang against a plain CRUD app doing the same work: CPU per request and throughput.

What it measures. For each store (a SQLite file, and with ``--postgres`` also PostgreSQL) the
script fills two apps with the same data and serves both under waitress with the same number
of threads:

- *ours*: Xieshang (``xieshang serve``; on PostgreSQL also one ``xieshang projections run``)
  on ``--cases`` demo cases made by its own generator (``web.demo.generator.generate``), or
  an existing SQLite instance folder (``--instance``), plus one case with 200 entries and one
  case per wrk connection to write notes on;
- *baseline*: ``bench/crud_baseline`` (Flask 3 + SQLAlchemy 2.0 ORM, rows updated in place),
  seeded from ours' read models: the same cases (name, town, stage, worker, scope), one note
  per event of each case (so as many notes as ours has events), the same public notices and
  deadlines.

Then, for each operation, wrk (``--connections``, one thread each) drives ours and the
baseline in turn, ``--repeats`` times (the order alternating), each run ``--duration``
seconds after an untimed warm-up of ``--warmup`` seconds per app. Around every run it reads
the CPU time (utime+stime, ``/proc/<pid>/stat``) of everything that works for that app: the
web server process (with, on SQLite, ours' in-process projection thread), ours' projection
runner, and on PostgreSQL the server backends connected to that app's own database plus the
shared WAL writer, checkpointer and background writer (polled every 0.25 s, so a backend
that exits mid-run still counts). wrk's own CPU is not counted. Each store's table gives,
per operation: CPU milliseconds per request for ours and the baseline and their ratio,
requests per second and their ratio (ours / baseline: above 1 means ours uses more CPU,
resp. serves more), and the median over repeats of wrk's p50/p95 latency in ms. Below it,
ours' and the baseline's CPU per request split by process.

Operations (ours | baseline):

- record a note | ``POST /api/v1/cases/{id}/steps/note`` (bearer token, ``expected_version``)
  | ``POST /api/cases/{id}/notes`` (JSON, ``UPDATE … WHERE version=?`` + ``INSERT``); each wrk
  connection writes to its own case and sends the version it got back (anything but 201 is
  an error);
- case page, 200 entries | ``GET /cases/{id}`` logged in as the case's worker (session
  cookie) | ``GET /cases/{id}``, the case and its last 200 notes;
- filtered case list | ``GET /cases?q=电子&stage=published`` | the same with ``scope=``;
- dashboard | ``GET /`` (the worker's 20 latest cases and deadlines due) | ``GET /dashboard``
  (counts by stage in the scope and the worker's 20 latest cases);
- public notice search | ``GET /notices?q=电子`` | ``GET /notices?q=电子``;
- deadlines due this week | ``GET /api/v1/deadlines?days=7`` | ``GET /api/deadlines?days=7``
  (unmet, due within 7 days or overdue, in the scope, the worker's; first page of 50);
- open a case | ``POST /api/v1/cases`` | ``POST /api/cases`` (case row + first note); last,
  so that the cases it opens do not change what the reads above find.

Ours' note writes get dearer as the writers' cases grow (each write loads the case, whose
state is derived from all its entries): with the defaults each case takes a few hundred
notes over the runs. The baseline's write does not depend on the case's length.

Every run uses fresh databases: on PostgreSQL two new databases with unique names
(``xs_vs_<random>_ours`` and ``_crud``), dropped at the end; on SQLite new files in a
temporary folder, removed at the end (with ``--instance DIR`` ours' store is that folder: it
is generated there if empty, reused otherwise, and kept; each run adds its own 200-entry case
and writers' cases to it).

    .venv/bin/python bench/bench_vs_crud.py [--cases 20000] [--postgres] [--no-sqlite]
        [--instance DIR] [--duration 15] [--repeats 3] [--warmup 3] [--connections 8]
        [--threads 8]

Quick check: ``--cases 2000 --duration 5 --repeats 1 --postgres`` (about 2.5 minutes per
store). At the defaults (20,000 cases, 15 s, 3 repeats) the runs alone take 11 minutes per
store, plus generating the cases and catching the read models up.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import psycopg
from bench_web import Browser, free_port, wait_until_up
from crud_baseline import CaseRow, DeadlineRow, NoticeRow, make_engine, seed
from sqlalchemy import select
from sqlalchemy.engine import Engine
from stdnum.cn import uscc

from config import profiles
from config.keys import new_key
from config.settings import Settings
from domain import clock
from domain.values import ContractKind, Enterprise
from projections.base import engine_of
from projections.runner import Projector
from projections.tables import case_summaries, deadlines, public_notices
from web.accounts.api_tokens import ApiTokens
from web.accounts.store import AccountStore
from web.composition import build_negotiations
from web.demo.accounts import DEMO_PASSWORD, demo_accounts
from web.demo.generator import generate

BIN = Path(sys.executable).parent
BENCH = Path(__file__).resolve().parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/"
TICKS = os.sysconf("SC_CLK_TCK")
WORKER = "sw-001"
QUERY = "电子"
STAGE = "published"
PG_SHARED = ("walwriter", "checkpointer", "background writer")

REPORT = """
done = function(summary, latency, requests)
  local bad = summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.timeout
  for _, t in ipairs(threads) do bad = bad + (t:get("bad") or 0) end
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "bytes": %d, '
    .. '"p50": %.3f, "p95": %.3f, "errors": %d}\\n', summary.requests,
    summary.duration / 1e6, summary.bytes, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, bad))
end
"""
FIXED = """
threads = {}
bad = 0
local expected = %(status)d
setup = function(thread) table.insert(threads, thread) end
wrk.method = "%(method)s"
wrk.headers = %(headers)s
%(body)s
response = function(status, headers, body)
  if status ~= expected then bad = bad + 1 end
end
"""
WRITES = """
threads = {}
bad = 0
local cases = {%(cases)s}
local versions = {%(versions)s}
local headers = %(headers)s
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("case", cases[counter])
  thread:set("version", versions[counter])
  table.insert(threads, thread)
end
request = function()
  return wrk.format("POST", "%(prefix)s" .. case .. "%(suffix)s", headers,
                    string.format([==[%(body)s]==], version))
end
response = function(status, headers, body)
  if status == 201 then
    version = tonumber(string.match(body, '"version": *(%%d+)'))
  else
    bad = bad + 1
  end
end
"""


# --- wrk ---------------------------------------------------------------------------------

def _lua_table(headers: dict[str, str]) -> str:
    return "{" + ", ".join(f"[{json.dumps(k)}] = {json.dumps(v, ensure_ascii=False)}"
                           for k, v in headers.items()) + "}"


def fixed_script(method: str, headers: dict[str, str], status: int,
                 body: dict[str, Any] | None = None) -> str:
    """A wrk script sending the same request each time; any other status is an error."""
    if body is not None:
        headers = {**headers, "Content-Type": "application/json"}
    text = ("wrk.body = [==[" + json.dumps(body, ensure_ascii=False) + "]==]"
            if body is not None else "")
    return FIXED % {"status": status, "method": method, "headers": _lua_table(headers),
                    "body": text}


def writes_script(prefix: str, suffix: str, cases: list[str], versions: list[int],
                  headers: dict[str, str], body: dict[str, Any]) -> str:
    """A wrk script where connection n posts to case n, carrying the version it got back."""
    template = json.dumps({**body, "expected_version": -999_999}, ensure_ascii=False)
    return WRITES % {"cases": ", ".join(json.dumps(c) for c in cases),
                     "versions": ", ".join(map(str, versions)), "prefix": prefix,
                     "suffix": suffix, "body": template.replace("-999999", "%d"),
                     "headers": _lua_table({**headers, "Content-Type": "application/json"})}


def run_wrk(url: str, script: str, connections: int, seconds: int) -> dict[str, float]:
    """Run wrk with ``script``; its RESULT line as a dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False,
                                     encoding="utf-8") as handle:
        handle.write(script + REPORT)
    try:
        done = subprocess.run(["wrk", "-t", str(connections), "-c", str(connections),
                               "-d", f"{seconds}s", "--timeout", "30s", "-s", handle.name,
                               url], capture_output=True, text=True, check=True,
                              timeout=seconds + 120)
    finally:
        os.unlink(handle.name)
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")
    result: dict[str, float] = json.loads(line.removeprefix("RESULT "))
    return result


# --- CPU time -----------------------------------------------------------------------------

def cpu_seconds(pid: int) -> float | None:
    """utime+stime of a process (all its threads), or None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_processes(database: str) -> list[int]:
    """PostgreSQL server processes serving ``database``, and the shared writers."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                errors="replace")
        except OSError:
            continue
        if database in title.split() or any(f": {name}" in title for name in PG_SHARED):
            found.append(int(entry.name))
    return found


class Meter:
    """CPU seconds used during a ``with`` block by named processes and, given a database,
    by the PostgreSQL processes serving it (polled, so short-lived backends count too)."""

    def __init__(self, processes: dict[str, int], database: str | None) -> None:
        self.processes, self.database = processes, database
        self.used: dict[str, float] = {}
        self._first: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self._initial: set[int] = set()
        self.backends_opened = 0

    def _poll(self, initial: bool = False) -> None:
        assert self.database
        for pid in postgres_processes(self.database):
            seconds = cpu_seconds(pid)
            if seconds is None:
                continue
            # a backend first seen after the start was born during the run
            self._first.setdefault(pid, seconds if initial else 0.0)
            self._last[pid] = seconds

    def _loop(self) -> None:
        while not self._stop.wait(0.25):
            self._poll()

    def __enter__(self) -> Meter:
        self._start = {name: cpu_seconds(pid) or 0.0 for name, pid in self.processes.items()}
        if self.database:
            self._poll(initial=True)
            self._initial = set(self._first)
            self._poller = threading.Thread(target=self._loop, daemon=True)
            self._poller.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        for name, pid in self.processes.items():
            self.used[name] = (cpu_seconds(pid) or 0.0) - self._start[name]
        if self._poller:
            self._stop.set()
            self._poller.join()
            self._poll()
            self.used["postgres"] = sum(self._last[p] - self._first[p] for p in self._last)
            self.backends_opened = len(set(self._last) - self._initial)


# --- the two apps -------------------------------------------------------------------------

@dataclass
class Side:
    """One app under test: where it answers, what it runs as, and its operations."""

    name: str
    base: str
    processes: dict[str, int] = field(default_factory=dict)
    database: str | None = None
    operations: dict[str, Callable[[], tuple[str, str]]] = field(default_factory=dict)


@dataclass
class Prepared:
    """What the benchmark needs from ours' store once it is ready."""

    token: str
    long_case: UUID
    writers: list[UUID]
    scope: str
    events: int
    cases: list[CaseRow]
    notices: list[NoticeRow]
    deadlines: list[DeadlineRow]


def _enterprise(name: str, scope: str) -> Enterprise:
    body = f"91441481MC{uuid4().int % 10**7:07d}"
    return Enterprise(name, body + uscc.calc_check_digit(body), scope, "电子制造", 300, 120,
                      True, legal_representative="王总")


def prepare_ours(env: dict[str, str], cases: int, writers: int) -> Prepared:
    """Demo data (unless the store has some), one case with 200 entries, one case per
    writer, an API token; read models current; the rows the baseline is seeded with."""
    negotiations = build_negotiations(Settings.from_env(env))
    engine = engine_of(negotiations)
    demo_accounts(AccountStore(engine))
    if not negotiations.recorder.max_notification_id():
        from tqdm import tqdm

        started = time.perf_counter()
        with tqdm(total=cases, unit="case", disable=None, leave=False) as bar:
            made = generate(negotiations, cases, progress=bar.update)
        print(f"  generated {cases} demo cases ({made} events) in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    worker = AccountStore(engine).get(WORKER)
    assert worker is not None, f"no demo account {WORKER}"
    start = clock.today() - timedelta(days=250)
    recorded = negotiations.open_case(
        by=worker.actor, occurred_on=start, enterprise=_enterprise("基准测试电子有限公司",
                                                                   worker.scope),
        contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
        assigned_to=worker.actor, scope=worker.scope)
    long_case = recorded.case_id
    for n in range(199):
        recorded = negotiations.add_note(long_case, recorded.version, worker.actor,
                                         start + timedelta(days=n // 4),
                                         text=f"第{n + 1}次沟通记录")
    writer_ids = [negotiations.open_case(
        by=worker.actor, occurred_on=clock.today() - timedelta(days=30),
        enterprise=_enterprise("压测电子有限公司", worker.scope), contract_kind=ContractKind.WAGE,
        profile=profiles.load("guangdong"), assigned_to=worker.actor,
        scope=worker.scope).case_id for _ in range(writers)]
    token = ApiTokens(engine).issue(worker.id, "bench", 1)[1]
    started = time.perf_counter()
    Projector(negotiations).catch_up()
    print(f"  read models caught up in {time.perf_counter() - started:.1f} s", flush=True)
    events = negotiations.recorder.max_notification_id() or 0
    rows = _mirror(engine)
    negotiations.close()
    return Prepared(token, long_case, writer_ids, worker.scope, events, *rows)


def _mirror(engine: Engine) -> tuple[list[CaseRow], list[NoticeRow], list[DeadlineRow]]:
    """Ours' read models as the baseline's seed rows."""
    s, n, d = case_summaries.c, public_notices.c, deadlines.c
    with engine.connect() as connection:
        cases = [CaseRow(str(r.case_id), r.enterprise, r.town, r.stage, r.assigned_id,
                         r.scope, r.version, r.updated_at)
                 for r in connection.execute(select(
                     s.case_id, s.enterprise, s.town, s.stage, s.assigned_id, s.scope,
                     s.version, s.updated_at).order_by(s.opened_on, s.case_id))]
        notices = [NoticeRow(str(r.case_id), r.enterprise, r.town, r.industry,
                             r.contract_kind, r.workers_covered, r.term_start, r.term_end,
                             r.published_on)
                   for r in connection.execute(select(
                       n.case_id, n.enterprise, n.town, n.industry, n.contract_kind,
                       n.workers_covered, n.term_start, n.term_end, n.published_on))]
        due = [DeadlineRow(str(r.case_id), r.kind, r.due_on, r.met_on, r.scope, r.assigned_id)
               for r in connection.execute(select(d.case_id, d.kind, d.due_on, d.met_on,
                                                  d.scope, d.assigned_id))]
    return cases, notices, due


def _version(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(json.load(response)["version"])


def _cookie(browser: Browser) -> str:
    """The session cookie(s) a logged-in :class:`Browser` holds, as a Cookie header."""
    for handler in getattr(browser.opener, "handlers", []):
        if isinstance(handler, urllib.request.HTTPCookieProcessor):
            jar: http.cookiejar.CookieJar = handler.cookiejar
            return "; ".join(f"{c.name}={c.value}" for c in jar)
    raise RuntimeError("no cookies")


def ours_operations(side: Side, ready: Prepared) -> None:
    """Ours' seven operations (each a function giving the URL and wrk script of a run)."""
    browser = Browser(side.base)
    browser.login(WORKER, DEMO_PASSWORD)
    cookie = {"Cookie": _cookie(browser)}
    bearer = {"Authorization": f"Bearer {ready.token}"}
    today = clock.today().isoformat()
    q = urllib.parse.urlencode({"q": QUERY, "stage": STAGE})
    get = fixed_script("GET", cookie, 200)

    def notes() -> tuple[str, str]:
        versions = [_version(f"{side.base}/api/v1/cases/{c}", bearer) for c in ready.writers]
        return side.base, writes_script(
            "/api/v1/cases/", "/steps/note", [str(c) for c in ready.writers], versions,
            bearer, {"occurred_on": today, "text": "压力测试记录"})

    body = f"91441481MC{uuid4().int % 10**7:07d}"
    opening = {"name": "压测新开电子有限公司", "credit_code": body + uscc.calc_check_digit(body),
               "town": "兴宁市宁新街道", "industry": "电子制造", "headcount": 100, "women": 40,
               "has_union": True, "contract_kind": "wage", "occurred_on": today}
    side.operations = {
        "record a note (API)": notes,
        "case page, 200 entries": lambda: (f"{side.base}/cases/{ready.long_case}", get),
        f"case list q={QUERY}+stage": lambda: (f"{side.base}/cases?{q}", get),
        "dashboard": lambda: (f"{side.base}/", get),
        f"notice search q={QUERY}": lambda: (
            f"{side.base}/notices?{urllib.parse.urlencode({'q': QUERY})}",
            fixed_script("GET", {}, 200)),
        "deadlines due this week": lambda: (f"{side.base}/api/v1/deadlines?days=7",
                                            fixed_script("GET", bearer, 200)),
        # last: the cases it opens would otherwise show in the lists and deadlines above
        "open a case (API)": lambda: (f"{side.base}/api/v1/cases",
                                      fixed_script("POST", bearer, 201, opening)),
    }


def crud_operations(side: Side, ready: Prepared, ids: dict[str, int]) -> None:
    """The baseline's seven operations, on the mirrored cases."""
    writers = [ids[str(c)] for c in ready.writers]
    who = {"scope": ready.scope, "worker": WORKER}
    get = fixed_script("GET", {}, 200)

    def notes() -> tuple[str, str]:
        versions = [_version(f"{side.base}/api/cases/{c}", {}) for c in writers]
        return side.base, writes_script("/api/cases/", "/notes", [str(c) for c in writers],
                                        versions, {}, {"text": "压力测试记录", "author": WORKER})

    opening = {"enterprise": "压测新开电子有限公司", "town": "兴宁市宁新街道",
               "scope": ready.scope, "assigned_to": WORKER}
    listing = urllib.parse.urlencode({"scope": ready.scope, "q": QUERY, "stage": STAGE})
    side.operations = {
        "record a note (API)": notes,
        "case page, 200 entries": lambda: (f"{side.base}/cases/{ids[str(ready.long_case)]}",
                                           get),
        f"case list q={QUERY}+stage": lambda: (f"{side.base}/cases?{listing}", get),
        "dashboard": lambda: (f"{side.base}/dashboard?{urllib.parse.urlencode(who)}", get),
        f"notice search q={QUERY}": lambda: (
            f"{side.base}/notices?{urllib.parse.urlencode({'q': QUERY})}", get),
        "deadlines due this week": lambda: (
            f"{side.base}/api/deadlines?{urllib.parse.urlencode({**who, 'days': 7})}", get),
        "open a case (API)": lambda: (f"{side.base}/api/cases",
                                      fixed_script("POST", {}, 201, opening)),
    }


# --- databases and servers ----------------------------------------------------------------

def create_database(name: str) -> str:
    """A new, empty PostgreSQL database; its SQLAlchemy URL."""
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'create database "{name}"')
    return PG_URL + name


def drop_database(name: str) -> None:
    """Drop a database this script made (its connections are ended)."""
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')


def start(stack: ExitStack, command: list[str], env: dict[str, str], log: Path,
          cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """Start a server process, stopped when ``stack`` closes."""
    output = stack.enter_context(log.open("w"))
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output,
                               stderr=subprocess.STDOUT)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    stack.callback(stop)
    return process


# --- measuring and reporting --------------------------------------------------------------

@dataclass
class Runs:
    """The repeats of one operation on one app."""

    results: list[dict[str, float]] = field(default_factory=list)
    cpu: list[dict[str, float]] = field(default_factory=list)

    @property
    def requests(self) -> float:
        return sum(r["requests"] for r in self.results)

    def cpu_ms(self, part: str | None = None) -> float:
        """CPU milliseconds per request (all processes, or one)."""
        used = sum(sum(c.values()) if part is None else c.get(part, 0.0) for c in self.cpu)
        return 1000 * used / max(self.requests, 1)

    @property
    def rps(self) -> float:
        return self.requests / sum(r["seconds"] for r in self.results)

    def latency(self, which: str) -> float:
        return statistics.median(r[which] for r in self.results)

    @property
    def kilobytes(self) -> float:
        """Mean response size (headers included), kB."""
        return sum(r["bytes"] for r in self.results) / max(self.requests, 1) / 1000

    @property
    def backends_opened(self) -> int:
        """PostgreSQL backends that started during the runs (connections opened)."""
        return int(sum(r.get("backends_opened", 0) for r in self.results))

    @property
    def errors(self) -> int:
        return int(sum(r["errors"] for r in self.results))

    @property
    def parts(self) -> list[str]:
        return list(self.cpu[0]) if self.cpu else []


def measure(side: Side, operation: str, args: argparse.Namespace, seconds: int) -> tuple[
        dict[str, float], dict[str, float]]:
    """One wrk run of ``operation`` against ``side``: wrk's figures and the CPU used."""
    url, script = side.operations[operation]()
    with Meter(side.processes, side.database) as meter:
        found = run_wrk(url, script, args.connections, seconds)
    found["backends_opened"] = meter.backends_opened
    return found, meter.used


def compare(ours: Side, crud: Side, args: argparse.Namespace) -> dict[str, tuple[Runs, Runs]]:
    """Every operation: warm-up, then ``repeats`` interleaved runs on each app."""
    figures: dict[str, tuple[Runs, Runs]] = {}
    for operation in ours.operations:
        runs = {ours.name: Runs(), crud.name: Runs()}
        for side in (ours, crud):
            if args.warmup > 0:
                measure(side, operation, args, args.warmup)
        for repeat in range(args.repeats):
            for side in (ours, crud) if repeat % 2 == 0 else (crud, ours):
                found, used = measure(side, operation, args, args.duration)
                runs[side.name].results.append(found)
                runs[side.name].cpu.append(used)
        figures[operation] = (runs[ours.name], runs[crud.name])
        print(f"  {operation}: done", flush=True)
    return figures


def report(title: str, figures: dict[str, tuple[Runs, Runs]], postgres: bool) -> None:
    """The table of one store, then the CPU split by process."""
    print(f"\n{title}")
    header = (f"{'operation':<24}|{'ours CPU ms/req':>16}|{'base CPU ms/req':>16}|"
              f"{'ratio':>7}|{'ours req/s':>11}|{'base req/s':>11}|{'req/s ratio':>12}|"
              f"{'ours p50/p95 ms':>16}|{'base p50/p95 ms':>16}")
    print(header)
    print("-" * len(header))
    for operation, (ours, crud) in figures.items():
        print(f"{_pad(operation, 24)}|{ours.cpu_ms():>16.2f}|{crud.cpu_ms():>16.2f}|"
              f"{ours.cpu_ms() / max(crud.cpu_ms(), 1e-9):>7.1f}|{ours.rps:>11.1f}|"
              f"{crud.rps:>11.1f}|{ours.rps / max(crud.rps, 1e-9):>12.2f}|"
              f"{_latencies(ours):>16}|{_latencies(crud):>16}")
    print("\nCPU ms/request by process, mean response kB, errors (unexpected status or "
          "socket errors)" + (", connections opened during the runs" if postgres else "")
          + ": ours | baseline")
    for operation, (ours, crud) in figures.items():
        split = " + ".join(f"{p} {ours.cpu_ms(p):.2f}" for p in ours.parts)
        base = " + ".join(f"{p} {crud.cpu_ms(p):.2f}" for p in crud.parts)
        opened = (f"; new PostgreSQL connections {ours.backends_opened} | "
                  f"{crud.backends_opened}" if postgres else "")
        print(f"  {_pad(operation, 24)} {split} | {base}; {ours.kilobytes:.1f} | "
              f"{crud.kilobytes:.1f} kB; errors {ours.errors} | {crud.errors}{opened}")


def _pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (CJK characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def _latencies(runs: Runs) -> str:
    return f"{runs.latency('p50'):.1f}/{runs.latency('p95'):.1f}"


def code_version() -> str:
    """The commit the servers start from, ``+changes`` when the working tree differs from it
    outside ``bench/``."""
    def git(*words: str) -> str:
        done = subprocess.run(["git", "-C", str(BENCH.parent), *words], capture_output=True,
                              text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench")
    return commit + ("+changes" if changed else "")


def bench_store(postgres: bool, args: argparse.Namespace) -> None:
    """Set up both apps on one kind of store, compare them, print the table, clean up."""
    title = "PostgreSQL" if postgres else "SQLite"
    tag = uuid4().hex[:10]
    with ExitStack() as stack:
        scratch = Path(tempfile.mkdtemp(prefix=f"xs-vs-crud-{tag}-"))
        stack.callback(shutil.rmtree, scratch, ignore_errors=True)
        env = {**os.environ, "XIESHANG_COOKIE_SECURE": "false",
               "XIESHANG_SECRET_KEY": "bench-" + uuid4().hex}
        env.pop("XIESHANG_DATABASE_URL", None)
        crud_env = dict(os.environ)
        ours_db = crud_db = None
        if postgres:
            ours_db, crud_db = f"xs_vs_{tag}_ours", f"xs_vs_{tag}_crud"
            env["XIESHANG_DATABASE_URL"] = create_database(ours_db)
            stack.callback(drop_database, ours_db)
            crud_env["CRUD_DATABASE_URL"] = create_database(crud_db)
            stack.callback(drop_database, crud_db)
            env["XIESHANG_PROJECTIONS"] = "external"
            env["XIESHANG_CHAIN_KEY"] = os.environ.get("XIESHANG_CHAIN_KEY") or new_key()
            env["XIESHANG_INSTANCE_PATH"] = str(scratch / "ours")
            print(f"\n{title}: databases {ours_db} (ours), {crud_db} (baseline)", flush=True)
        else:
            instance = (args.instance or scratch / "ours").resolve()
            env["XIESHANG_INSTANCE_PATH"] = str(instance)
            crud_env["CRUD_DATABASE_URL"] = f"sqlite:///{scratch / 'crud.sqlite3'}"
            print(f"\n{title}: ours in {instance}, baseline in {scratch}", flush=True)
        ready = prepare_ours(env, args.cases, args.connections)
        started = time.perf_counter()
        crud_engine = make_engine(crud_env["CRUD_DATABASE_URL"])
        ids = seed(crud_engine, ready.cases, ready.notices, ready.deadlines)
        crud_engine.dispose()
        notes = sum(c.version for c in ready.cases)
        print(f"  ours: {len(ready.cases)} cases, {ready.events} events; baseline seeded with "
              f"{len(ids)} cases, {notes} notes, {len(ready.notices)} notices, "
              f"{len(ready.deadlines)} deadlines in {time.perf_counter() - started:.1f} s",
              flush=True)

        code = code_version()
        ours = Side("ours", f"http://127.0.0.1:{free_port()}", database=ours_db)
        server = start(stack, [str(BIN / "xieshang"), "serve", "--port",
                               ours.base.rsplit(":", 1)[1], "--threads", str(args.threads)],
                       env, scratch / "ours-serve.log")
        ours.processes["server"] = server.pid
        if postgres:
            runner = start(stack, [str(BIN / "xieshang"), "projections", "run"], env,
                           scratch / "ours-projections.log")
            ours.processes["runner"] = runner.pid
        crud = Side("baseline", f"http://127.0.0.1:{free_port()}", database=crud_db)
        baseline = start(stack, [sys.executable, "-m", "crud_baseline", "serve", "--port",
                                 crud.base.rsplit(":", 1)[1], "--threads", str(args.threads)],
                         crud_env, scratch / "crud-serve.log", cwd=BENCH)
        crud.processes["server"] = baseline.pid
        wait_until_up(ours.base, server)
        wait_until_up(crud.base, baseline)
        ours_operations(ours, ready)
        crud_operations(crud, ready, ids)
        print(f"  wrk: {args.connections} connections, {args.duration} s x {args.repeats} "
              f"(warm-up {args.warmup} s); waitress {args.threads} threads each", flush=True)
        figures = compare(ours, crud, args)
        report(f"{title}: {len(ready.cases)} cases, {args.duration} s x {args.repeats} per "
               f"app and operation, {args.connections} connections, {args.threads} threads; "
               f"code {code}", figures, postgres)


def main(argv: list[str]) -> None:
    """Run the comparison on SQLite and/or PostgreSQL."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    parser.add_argument("--instance", type=Path,
                        help="SQLite: ours' instance folder (generated if empty, else reused)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=3, help="seconds, untimed, per app")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (both)")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    stores = ([] if args.no_sqlite else [False]) + ([True] if args.postgres else [])
    if not stores:
        sys.exit("nothing to do: --no-sqlite without --postgres")
    for postgres in stores:
        bench_store(postgres, args)


if __name__ == "__main__":
    main(sys.argv[1:])
