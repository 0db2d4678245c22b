"""What the resource benchmarks share: a process's CPU and memory from /proc, the store a
benchmark reuses, and the baseline (the code of an earlier commit) run beside ours.

The baseline is the whole app as it was at ``--baseline-rev`` (default: the commit before
the issue-13 work), exported with ``git archive`` into a temporary folder that is put first
on ``PYTHONPATH`` of the processes it starts; ours is the working tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BASELINE_REV = "5a6e39d"
"""The commit before the issue-13 changes (follower batching, memory bounds)."""
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid`` so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set size of ``pid`` in MB (``VmRSS``, ``VmHWM``)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def xieshang(env: dict[str, str]) -> list[str]:
    """The command line of ``xieshang``: ours, or the baseline's when ``env`` puts its code
    first on ``PYTHONPATH`` (see :func:`variant_env`)."""
    if "PYTHONPATH" not in env:
        return [str(BIN / "xieshang")]
    # -P: not the current folder first on sys.path (it would be ours when run from the repo)
    return [sys.executable, "-P", "-c", "from web.cli.main import main; main()"]


def variant_env(env: dict[str, str], baseline: Path | None) -> dict[str, str]:
    """``env`` for ours, or with the baseline's code first on ``PYTHONPATH``."""
    if baseline is None:
        return {k: v for k, v in env.items() if k != "PYTHONPATH"}
    return {**env, "PYTHONPATH": str(baseline)}


def export_baseline(rev: str) -> Path:
    """The tree of commit ``rev`` in a new temporary folder (left for the OS to clean)."""
    folder = Path(tempfile.mkdtemp(prefix=f"xieshang-{rev}-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def store_env(instance: Path | None, database: str | None,
              chain_key: str | None) -> dict[str, str]:
    """The environment of a benchmark store: a SQLite instance folder, or a PostgreSQL
    database on the local server (created if missing; it needs the same chain key each
    time, or its snapshots' seals will not hold)."""
    env = {**os.environ, "XIESHANG_COOKIE_SECURE": "false",
           "XIESHANG_SECRET_KEY": "bench-secret-key-not-for-production"}
    env.pop("XIESHANG_DATABASE_URL", None)
    if database is None:
        assert instance is not None, "give --instance or --database"
        instance.mkdir(parents=True, exist_ok=True)
        env["XIESHANG_INSTANCE_PATH"] = str(instance.resolve())
        return env
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        if not connection.execute("select 1 from pg_database where datname = %s",
                                  (database,)).fetchone():
            connection.execute(f'create database "{database}"')
    env["XIESHANG_DATABASE_URL"] = f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"
    env["XIESHANG_PROJECTIONS"] = "external"
    if chain_key:
        env["XIESHANG_CHAIN_KEY"] = chain_key
    return env


def ensure_cases(env: dict[str, str], cases: int) -> None:
    """Generate ``cases`` demo cases unless the store has events already."""
    done = subprocess.run([*xieshang(env), "demo", "--cases", str(cases)], env=env,
                          check=True, capture_output=True, text=True, timeout=7200)
    print(done.stdout.strip().splitlines()[-1])


def wait_for(condition: Callable[[], bool], timeout: float, what: str,
             every: float = 0.01) -> None:
    """Poll ``condition`` until true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:.0f} s")
        time.sleep(every)
