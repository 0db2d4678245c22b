"""Memory: peak RSS and time of ``xieshang projections rebuild``, and RSS of a web process
after load; ours and the baseline (the code of ``--baseline-rev``, see :mod:`benchkit`).

For each variant, on its own copy of the SQLite ``--instance`` folder (its events; the
read models are rebuilt by that variant): ``xieshang projections rebuild`` with its peak
RSS (``VmHWM``, read from ``/proc`` until it exits) and its wall time; then, with
``--web``, ``xieshang serve`` (waitress, 8 threads; the read models followed in the web
process, as on SQLite by default) under a load of ``--pages`` case pages of distinct
cases, the lists, dashboard, audit, statistics and public search (20 each), and
``--notes`` notes recorded through the form; its RSS (``VmRSS``) and peak after the load.

    .venv/bin/python bench/bench_memory.py --instance DIR [--web] [--pages 300]
        [--notes 200] [--skip-baseline] [--no-rebuild]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from bench_web import CSRF, VERSION, Browser, free_port, wait_until_up
from benchkit import BASELINE_REV, export_baseline, rss_mb, store_env, variant_env, xieshang

from web.demo.accounts import DEMO_PASSWORD


def copy_instance(source: Path, label: str) -> Path:
    """A copy of the instance folder for one variant."""
    folder = Path(tempfile.mkdtemp(prefix=f"xs-memory-{label}-"))
    for path in source.iterdir():
        shutil.copy2(path, folder / path.name)
    return folder


def rebuild(env: dict[str, str]) -> tuple[float, float, float]:
    """Run ``projections rebuild``; (peak RSS in MB, seconds, CPU seconds: user + system,
    which a machine shared with other work leaves as they were, unlike the seconds)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen([*xieshang(env), "projections", "rebuild"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        with contextlib.suppress(FileNotFoundError, KeyError, ProcessLookupError):
            peak = max(peak, rss_mb(process.pid)[1])
        time.sleep(0.2)
    assert process.returncode == 0, "the rebuild failed"
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return peak, seconds, cpu


def load(base: str, database: Path, pages: int, notes: int) -> None:
    """Browse and write as a social worker and an admin would."""
    worker, admin = Browser(base), Browser(base)
    worker.login("sw-001", DEMO_PASSWORD)
    admin.login("admin", DEMO_PASSWORD)
    with sqlite3.connect(database) as connection:
        cases = [row[0] for row in connection.execute(
            "SELECT case_id FROM case_summaries WHERE scope = (SELECT scope FROM accounts "
            "WHERE username = 'sw-001') ORDER BY case_id LIMIT ?", (pages,))]
    for case_id in cases:
        worker.get(f"/cases/{case_id}")
    for _ in range(20):
        for path in ("/", "/cases", "/cases?q=%E7%94%B5%E5%AD%90", "/notices?q=%E7%94%B5"):
            worker.get(path)
        for path in ("/cases", "/audit", "/statistics"):
            admin.get(path)
    for n in range(notes):
        case_id = cases[n % min(len(cases), 50)]
        form = worker.get(f"/cases/{case_id}/record/note")
        token, found = CSRF.search(form), VERSION.search(form)
        assert token and found, "no note form"
        worker.post(f"/cases/{case_id}/record/note", {
            "csrf_token": token[1], "expected_version": found[1] or found[2],
            "occurred_on": time.strftime("%Y-%m-%d"), "text": f"内存基准 {n}"})


def web(env: dict[str, str], pages: int, notes: int) -> tuple[float, float, float]:
    """(RSS after start, RSS after the load, peak RSS) of ``xieshang serve``, in MB."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*xieshang(env), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        time.sleep(2)
        started = rss_mb(server.pid)[0]
        load(base, Path(env["XIESHANG_INSTANCE_PATH"]) / "xieshang.sqlite3", pages, notes)
        time.sleep(3)       # the in-process runner takes the last notes
        after, peak = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return started, after, peak


def main() -> None:
    """Measure each variant on its own copy of the instance; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", type=Path, required=True, help="SQLite instance folder")
    parser.add_argument("--web", action="store_true", help="also the web process's RSS")
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    env = store_env(args.instance, None, None)
    variants = [("ours", variant_env(env, None))]
    if not args.skip_baseline:
        variants.append(("baseline", variant_env(env, export_baseline(args.baseline_rev))))
    lines = []
    for label, venv in variants:
        folder = copy_instance(args.instance, label)
        venv = {**venv, "XIESHANG_INSTANCE_PATH": str(folder)}
        try:
            peak, seconds, cpu = rebuild(venv)
            line = (f"{label:<9} rebuild peak {peak:7.0f} MB {seconds:7.0f} s "
                    f"(CPU {cpu:5.0f} s; load average {os.getloadavg()[0]:.1f})")
            if args.web:
                started, after, top = web(venv, args.pages, args.notes)
                line += (f" | web RSS started {started:5.0f} MB, after load {after:5.0f} MB,"
                         f" peak {top:5.0f} MB")
            lines.append(line)
            print(line, flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
