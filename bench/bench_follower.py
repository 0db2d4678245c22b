"""CPU per event of ``xieshang projections run`` following live writes, ours and baseline.

For each variant (ours: the working tree; baseline: the code of ``--baseline-rev``, see
:mod:`benchkit`) on its own copy of the store (SQLite: a copy of the ``--instance`` folder;
PostgreSQL: ``CREATE DATABASE … TEMPLATE --database``), it starts the runner, lets it catch
up, writes one warm-up note on each of the ``--cases`` cases (so that the runner holds
them, as it would in production), then ``--writes`` notes at ``--rate`` writes/s from
another process (``live_writes.py``, not counted), waits until every read model has the
last one, and prints the runner's CPU (utime+stime from ``/proc``) per event written, the
events per second and how long the last write took to reach the read models. Its idle CPU
(poll, heartbeat) over the same time is counted in, not subtracted.

    .venv/bin/python bench/bench_follower.py --instance DIR | --database NAME
        [--chain-key KEY] [--cases-generated 2000] [--writes 2000] [--rate 100 200 0]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from benchkit import (
    BASELINE_REV,
    PG_ADMIN,
    cpu_seconds,
    ensure_cases,
    export_baseline,
    store_env,
    variant_env,
    wait_for,
    xieshang,
)
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

HERE = Path(__file__).resolve().parent


def positions(engine: Engine) -> int:
    """The lowest position of the read models (0 before any)."""
    with engine.connect() as connection:
        names = [t for t in inspect(connection).get_table_names() if t.endswith("_tracking")]
        found = [connection.execute(text(f"SELECT max(notification_id) FROM {t}")).scalar()
                 for t in names]
    return min((int(p or 0) for p in found), default=0) if names else 0


def copy_store(env: dict[str, str], label: str) -> tuple[dict[str, str], str]:
    """A copy of the store for one variant: its environment and its database URL."""
    url = env.get("XIESHANG_DATABASE_URL")
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix=f"xs-follow-{label}-"))
        source = Path(env["XIESHANG_INSTANCE_PATH"])
        for path in source.iterdir():
            shutil.copy2(path, folder / path.name)
        return ({**env, "XIESHANG_INSTANCE_PATH": str(folder)},
                f"sqlite:///{folder / 'xieshang.sqlite3'}")
    source = url.rsplit("/", 1)[1]
    name = f"{source}_{label}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    url = url.rsplit("/", 1)[0] + "/" + name
    return {**env, "XIESHANG_DATABASE_URL": url}, url


def writes(env: dict[str, str], count: int, cases: int, rate: float) -> tuple[int, float]:
    """Run ``live_writes.py``; (the last notification id, seconds)."""
    done = subprocess.run([sys.executable, str(HERE / "live_writes.py"), "--writes",
                           str(count), "--cases", str(cases), "--rate", str(rate)],
                          env=env, check=True, capture_output=True, text=True)
    _, last, seconds = done.stdout.split()[-3:]
    return int(last), float(seconds)


def measure(label: str, env: dict[str, str], args: argparse.Namespace) -> list[str]:
    """Start the variant's runner on its copy of the store; one line per rate."""
    env, url = copy_store(env, label)
    engine = create_engine(url)
    log = open(Path(tempfile.gettempdir()) / f"xs-follow-{label}.log", "w")  # noqa: SIM115
    linger = ["--linger", str(args.linger)] if label == "ours" and args.linger is not None else []
    runner = subprocess.Popen([*xieshang(env), "projections", "run", "--poll", str(args.poll),
                               *linger],
                              env=env, stdout=log, stderr=log)
    lines = []
    try:
        newest = writes(env, args.cases, args.cases, 0)[0]       # warm-up: each case once
        wait_for(lambda: positions(engine) >= newest, 3600, f"{label} catching up", 0.5)
        for rate in args.rate:
            time.sleep(1.0)
            before, started = cpu_seconds(runner.pid), time.monotonic()
            last, seconds = writes(env, args.writes, args.cases, rate)
            written = time.monotonic()
            wait_for(lambda: positions(engine) >= last, 600, f"{label} following")  # noqa: B023
            lag = time.monotonic() - written
            cpu = cpu_seconds(runner.pid) - before
            wall = time.monotonic() - started
            lines.append(f"{label:<9}{rate or 'max':>8}{args.writes / seconds:>10.0f}"
                         f"{cpu * 1000 / args.writes:>12.2f}{cpu / wall * 100:>9.0f}%"
                         f"{lag * 1000:>12.0f}")
    finally:
        runner.terminate()
        runner.wait(timeout=60)
        engine.dispose()
        log.close()
    return lines


def main() -> None:
    """Prepare the store, measure ours and the baseline, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", type=Path, help="SQLite instance folder (reused)")
    parser.add_argument("--database", help="PostgreSQL database (reused; made if missing)")
    parser.add_argument("--chain-key", help="PostgreSQL: XIESHANG_CHAIN_KEY of --database")
    parser.add_argument("--cases-generated", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=200, help="distinct cases written to")
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--rate", type=float, nargs="+", default=[100.0, 0.0],
                        help="writes/s (0: as fast as the writers go)")
    parser.add_argument("--poll", type=float, default=0.5, help="SQLite poll (runner's)")
    parser.add_argument("--linger", type=float, help="ours: the runner's --linger")
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    env = store_env(args.instance, args.database, args.chain_key)
    ensure_cases(env, args.cases_generated)
    variants = [("ours", variant_env(env, None))]
    if not args.skip_baseline:
        variants.append(("baseline", variant_env(env, export_baseline(args.baseline_rev))))
    rows = [line for label, venv in variants for line in measure(label, venv, args)]
    print(f"\n{'variant':<9}{'rate/s':>8}{'written/s':>10}{'CPU ms/ev':>12}{'CPU':>10}"
          f"{'lag ms':>12}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
