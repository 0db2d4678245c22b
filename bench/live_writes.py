"""Live writes for the follower benchmark: notes on distinct existing cases, at a rate.

Run by ``bench_follower.py`` as a process of its own, with the code of the variant being
measured (ours, or the baseline's first on ``PYTHONPATH``), so that the events it stores
are the ones that variant's runner reads. ``--writers`` threads each write to cases of
their own (no conflicts); write ``i`` starts no earlier than ``i / rate`` seconds after the
first (``--rate 0``: as fast as they go). Prints ``LAST <notification id> <seconds>``.

    python bench/live_writes.py --writes 2000 --writers 4 --cases 200 --rate 100
"""

from __future__ import annotations

import argparse
import threading
import time
from uuid import UUID

from sqlalchemy import text

from config.settings import Settings
from domain import clock
from domain.commands import Negotiations
from domain.values import Actor
from projections.base import engine_of

WORKER = Actor("bench-writer", "压测社工")


def targets(app: Negotiations, count: int) -> dict[UUID, int]:
    """``count`` cases (the same ones each run) and their newest versions."""
    query = text("SELECT originator_id, max(originator_version) FROM negotiations_events "
                 "GROUP BY originator_id ORDER BY originator_id LIMIT :n")
    with engine_of(app).connect() as connection:
        return {case if isinstance(case, UUID) else UUID(bytes=bytes(case)): int(version)
                for case, version in connection.execute(query, {"n": count})}


def write(app: Negotiations, cases: list[tuple[UUID, int]], slots: list[float],
          newest: list[int]) -> None:
    """One writer: a note per slot (a start time), on its cases in turn."""
    versions = dict(cases)
    order = [case for case, _ in cases]
    for n, slot in enumerate(slots):
        pause = slot - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        case = order[n % len(order)]
        recorded = app.add_note(case, versions[case], WORKER,  # type: ignore[attr-defined]
                                clock.today(), text=f"压测记录 {versions[case]}")
        versions[case] = recorded.version
        newest.append(recorded.notification_id)


def main() -> None:
    """Write the notes; print the last notification id and the seconds it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, required=True)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--cases", type=int, default=200, help="distinct cases written to")
    parser.add_argument("--rate", type=float, default=0.0, help="writes/s (0: unbounded)")
    args = parser.parse_args()
    app = Negotiations.from_settings(Settings.from_env())
    cases = sorted(targets(app, args.cases).items())
    start = time.monotonic()
    step = 1 / args.rate if args.rate else 0.0
    newest: list[int] = []
    threads = [threading.Thread(target=write, args=(
        app, cases[k::args.writers],
        [start + i * step for i in range(k, args.writes, args.writers)], newest))
        for k in range(args.writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    print(f"LAST {max(newest)} {seconds:.3f}", flush=True)
    app.close()


if __name__ == "__main__":
    main()
