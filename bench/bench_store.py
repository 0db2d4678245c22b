"""Event-store benchmark: save rate and load time of one case with 10, 100 and 1,000 events.

Each figure is measured twice on the same database: through Xieshang's store
(``eventsourcing-sqlalchemy``) and through the eventsourcing library's native module
(``eventsourcing.sqlite`` / ``eventsourcing.postgres``), with the same aggregate, the same
snapshot interval and one ``save`` per command, as the web app does. The ratio is ours / native
(above 1 for rates means faster, for load times means slower).

    .venv/bin/python bench/bench_store.py [--postgres-url postgresql+psycopg://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
from stdnum.cn import uscc

from config import profiles
from domain.commands import Negotiations
from domain.values import Actor, ContractKind, Enterprise

SIZES = (10, 100, 1000)
WORKER = Actor("sw-bench", "测试社工")


def _open_kwargs() -> dict[str, Any]:
    body = "91441481MA4UBENCH"
    enterprise = Enterprise("兴宁市基准测试有限公司", body + uscc.calc_check_digit(body), "兴宁市",
                            "电子制造", 100, 40, True)
    return dict(by=WORKER, occurred_on=date(2025, 1, 2), enterprise=enterprise,
                contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
                assigned_to=WORKER, scope="兴宁市")


def save_rate(app: Negotiations, events: int) -> tuple[float, uuid.UUID]:
    """Events per second for one case recorded command by command (one save each)."""
    started = time.perf_counter()
    recorded = app.open_case(**_open_kwargs())
    version = recorded.version
    for n in range(events - 1):
        version = app.add_note(recorded.case_id, version, WORKER, date(2025, 1, 3),
                               text=f"第{n}条备注").version
    return events / (time.perf_counter() - started), recorded.case_id


def load_time(app: Negotiations, case_id: uuid.UUID, repeats: int = 7) -> float:
    """Median seconds to load the case afresh (cache off; snapshots as configured)."""
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        case = app.get_case(case_id)
        _ = case.stage
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def measure(make: Callable[[], Negotiations]) -> dict[int, tuple[float, float]]:
    """(events/s, load seconds) per case size."""
    app = make()
    figures = {}
    for size in SIZES:
        rate, case_id = save_rate(app, size)
        figures[size] = (rate, load_time(app, case_id))
    app.close()
    return figures


def report(title: str, ours: dict[int, tuple[float, float]],
           native: dict[int, tuple[float, float]]) -> None:
    """Print one table of figures and ratios."""
    print(f"\n{title}")
    print(f"{'events':>7} | {'save ev/s ours':>14} {'native':>9} {'ratio':>6} | "
          f"{'load ms ours':>12} {'native':>8} {'ratio':>6}")
    for size in SIZES:
        (rate, load), (n_rate, n_load) = ours[size], native[size]
        print(f"{size:>7} | {rate:>14.0f} {n_rate:>9.0f} {rate / n_rate:>6.2f} | "
              f"{load * 1000:>12.2f} {n_load * 1000:>8.2f} {load / n_load:>6.2f}")


def sqlite_bench(folder: Path) -> None:
    """Both modules on one SQLite file (separate tables: the apps have different names)."""
    db = folder / "bench.sqlite3"

    class Native(Negotiations):
        name = "NativeNegotiations"

    ours = measure(lambda: Negotiations(env={"PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
                                             "SQLALCHEMY_URL": f"sqlite:///{db}"}))
    native = measure(lambda: Native(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                                         "SQLITE_DBNAME": str(db)}))
    report(f"SQLite file {db}", ours, native)


def postgres_bench(url: str) -> None:
    """Both modules on one fresh PostgreSQL database."""
    admin = url.replace("postgresql+psycopg://", "postgresql://")
    name = f"xs_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base = url.rsplit("/", 1)[0]

    class Native(Negotiations):
        name = "NativeNegotiations"

    try:
        ours = measure(lambda: Negotiations(env={
            "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy", "SQLALCHEMY_URL": f"{base}/{name}"}))
        native = measure(lambda: Native(env={
            "PERSISTENCE_MODULE": "eventsourcing.postgres", "POSTGRES_DBNAME": name,
            "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": "5432", "POSTGRES_USER": "postgres",
            "POSTGRES_PASSWORD": ""}))
        report(f"PostgreSQL database {name}", ours, native)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main(argv: list[str]) -> None:
    """Run the SQLite and PostgreSQL benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        sqlite_bench(Path(folder))
    postgres_bench(args.postgres_url)


if __name__ == "__main__":
    main(sys.argv[1:])
