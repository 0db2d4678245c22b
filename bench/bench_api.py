"""API load benchmark with wrk on loopback against the production server (waitress).

On ``--cases`` demo cases (default 20,000; a fresh store, or ``--instance``/``--reuse``)
it starts ``xieshang serve`` (and, on PostgreSQL, one ``xieshang projections run``), then
drives it with wrk (Debian's ``wrk``) and prints requests per second and the 50th/95th/99th
percentile latency of:

- the public notice search through the API (``GET /api/v1/notices?q=…``, no token) and
  the public search page (``GET /notices?q=…``);
- one step recorded through the API (``POST …/steps/note`` with a bearer token): each wrk
  connection records notes on a case of its own, sending the version it got back last, so
  every request is a real write (anything but 201 is counted as an error).

On PostgreSQL each run makes its own database with a unique name (``xs_bench_api_<random>``)
and drops it at the end; ``--database NAME`` uses an existing database instead and keeps it
(generating the demo cases into it if it is empty): give the same ``XIESHANG_CHAIN_KEY``
each time, or its snapshots' seals will not hold (a fresh database gets a new key).

    .venv/bin/python bench/bench_api.py [--postgres [--database NAME]] [--cases 20000]
        [--duration 15]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

from bench_web import free_port, wait_until_up
from stdnum.cn import uscc

from config import profiles
from config.keys import new_key
from config.settings import Settings
from domain import clock
from domain.values import ContractKind, Enterprise
from projections.base import engine_of
from projections.runner import Projector
from web.accounts.api_tokens import ApiTokens
from web.accounts.store import AccountStore
from web.composition import build_negotiations

BIN = Path(sys.executable).parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REPORT = """
done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.write + summary.errors.timeout
  for _, t in ipairs(threads or {}) do bad = bad + (t:get("bad") or 0) end
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "p50": %.2f, '
    .. '"p95": %.2f, "p99": %.2f, "errors": %d}\\n', summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, bad))
end
"""
STEP = """
local cases = {%s}
local versions = {%s}
local token = "%s"
local counter = 0
threads = {}
setup = function(thread)
  counter = counter + 1
  thread:set("case", cases[counter])
  thread:set("version", versions[counter])
  table.insert(threads, thread)
end
bad = 0
request = function()
  local body = string.format('{"occurred_on": "%s", "expected_version": %%d, '
    .. '"text": "压力测试记录"}', version)
  return wrk.format("POST", "/api/v1/cases/" .. case .. "/steps/note",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
response = function(status, headers, body)
  if status == 201 then
    version = tonumber(string.match(body, '"version": *(%%d+)'))
  elseif status < 400 then  -- 4xx and 5xx are in wrk's own count already
    bad = bad + 1
  end
end
"""


def prepare(env: dict[str, str], cases: int, writers: int) -> tuple[str, list[UUID], list[int]]:
    """Demo data (unless there already), one case per writer, a token; read models current."""
    negotiations = build_negotiations(Settings.from_env(env))
    if not negotiations.recorder.max_notification_id():
        negotiations.close()
        started = time.perf_counter()
        subprocess.run([str(BIN / "xieshang"), "demo", "--cases", str(cases)], env=env,
                       check=True, timeout=3600, stdout=subprocess.DEVNULL)
        print(f"generated {cases} demo cases in {time.perf_counter() - started:.0f} s")
        negotiations = build_negotiations(Settings.from_env(env))
    worker = AccountStore(engine_of(negotiations)).get("sw-001")
    assert worker is not None, "no demo account sw-001"
    ids, versions = [], []
    for _ in range(writers):
        body = f"91441481MC{uuid4().int % 10**7:07d}"
        enterprise = Enterprise("压测电子有限公司", body + uscc.calc_check_digit(body),
                                worker.scope, "电子", 100, 40, True)
        recorded = negotiations.open_case(
            by=worker.actor, occurred_on=clock.today() - timedelta(days=30),
            enterprise=enterprise, contract_kind=ContractKind.WAGE,
            profile=profiles.load("guangdong"), assigned_to=worker.actor, scope=worker.scope)
        ids.append(recorded.case_id)
        versions.append(recorded.version)
    secret = ApiTokens(engine_of(negotiations)).issue(worker.id, "bench", 1)[1]
    Projector(negotiations).catch_up()
    negotiations.close()
    return secret, ids, versions


def wrk(url: str, script: str, connections: int, duration: int) -> dict[str, float]:
    """Run wrk (one thread per connection) with ``script``; its RESULT line as a dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script + REPORT)
    done = subprocess.run(["wrk", "-t", str(connections), "-c", str(connections),
                           "-d", f"{duration}s", "-s", handle.name, url],
                          capture_output=True, text=True, check=True)
    os.unlink(handle.name)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, float] = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _postgres(name: str | None) -> tuple[str, str | None]:
    """The URL of database ``name`` (made if missing, kept), or of a new database with a
    unique name; and the name to drop at the end (None when kept)."""
    import psycopg

    fresh = name is None
    name = name or f"xs_bench_api_{uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        exists = connection.execute("select 1 from pg_database where datname = %s",
                                    (name,)).fetchone()
        if not exists:
            connection.execute(f'create database "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", name if fresh else None


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL, not SQLite")
    parser.add_argument("--instance", type=Path, help="SQLite: reuse this instance folder")
    parser.add_argument("--database", help="PostgreSQL: use (and keep) this database "
                        "instead of a new one dropped at the end")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    args = parser.parse_args()
    instance = (args.instance or Path(tempfile.mkdtemp(prefix="xieshang-api-"))).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XIESHANG_INSTANCE_PATH": str(instance),
           "XIESHANG_COOKIE_SECURE": "false", "XIESHANG_SECRET_KEY": "bench-" + uuid4().hex}
    env.pop("XIESHANG_DATABASE_URL", None)
    workers: list[subprocess.Popen[bytes]] = []
    drop: str | None = None
    if args.postgres:
        env["XIESHANG_DATABASE_URL"], drop = _postgres(args.database)
        env["XIESHANG_PROJECTIONS"] = "external"
        if not env.get("XIESHANG_CHAIN_KEY"):
            if not drop:
                print("XIESHANG_CHAIN_KEY is not set: a new key, so the snapshots already in "
                      "the database will not be served")
            env["XIESHANG_CHAIN_KEY"] = new_key()
    print(f"store {env.get('XIESHANG_DATABASE_URL', instance)}; server log in {instance}")
    try:
        run(args, env, instance, workers)
    finally:
        for process in workers:
            process.terminate()
            process.wait(timeout=30)
        if drop:
            _drop(drop)


def run(args: argparse.Namespace, env: dict[str, str], instance: Path,
        workers: list[subprocess.Popen[bytes]]) -> None:
    """Prepare the store, start the server (and runner), run wrk and print the table."""
    secret, ids, versions = prepare(env, args.cases, 2 * args.connections)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if args.postgres:
        workers.append(subprocess.Popen([str(BIN / "xieshang"), "projections", "run"],
                                        env=env, stdout=subprocess.DEVNULL))
    log = (instance / "serve.log").open("w")
    workers.append(subprocess.Popen([str(BIN / "xieshang"), "serve", "--port", str(port),
                                     "--threads", str(args.threads)], env=env,
                                    stdout=log, stderr=subprocess.STDOUT))
    wait_until_up(base, workers[-1])
    query = urllib.parse.quote("电子")
    half = args.connections
    warm, timed = (STEP % (", ".join(f'"{i}"' for i in ids[part]),
                           ", ".join(map(str, versions[part])), secret,
                           clock.today().isoformat())
                   for part in (slice(0, half), slice(half, None)))
    runs = [("API notice search ?q=电子", f"{base}/api/v1/notices?q={query}", "", ""),
            ("public search page ?q=电子", f"{base}/notices?q={query}", "", ""),
            ("API step (note), own case each", base, warm, timed)]
    print(f"wrk: {args.connections} connections, {args.duration} s each, waitress "
          f"{args.threads} threads")
    print(f"{'':<34}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, url, warmup, script in runs:
        wrk(url, warmup, args.connections, 3)
        found = wrk(url, script, args.connections, args.duration)
        print(f"{name:<34}{found['rps']:>9.1f}{found['p50']:>9.1f}{found['p95']:>9.1f}"
              f"{found['p99']:>9.1f}{int(found['errors']):>8}", flush=True)


if __name__ == "__main__":
    main()
