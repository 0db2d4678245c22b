"""Scale-out on PostgreSQL: notes written through the API by 1 and by 2 web processes.

On ``--database`` (generated with ``--cases`` demo cases if empty; give its
``--chain-key`` every time) with one ``xieshang projections run``, it starts ``n`` = 1, then
2, ``xieshang serve`` processes (waitress, ``--threads`` each) and drives each with its own
wrk (``--connections``, each connection recording notes on a case of its own, sending the
version it got back: every request is a write, anything but 201 an error), all at once for
``--duration`` seconds after a 3 s warm-up on other cases. It prints the writes per second
of each ``n`` and their ratio, the machine's CPU busy share over the run (``/proc/stat``:
on 2 cores the web processes, the runner, PostgreSQL and wrk share them), and each
process's CPU per write.

    .venv/bin/python bench/bench_scaleout.py --database NAME --chain-key KEY
        [--cases 2000] [--duration 15] [--connections 8] [--threads 8]
"""

from __future__ import annotations

import argparse
import subprocess
import threading
from pathlib import Path

from bench_api import STEP, prepare, wrk
from bench_web import free_port, wait_until_up
from benchkit import cpu_seconds, store_env, xieshang

from domain import clock


def busy() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine so far (``/proc/stat``)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def script(cases: list[str], versions: list[int], secret: str) -> str:
    """wrk's Lua: each connection writes notes on one of ``cases``."""
    return STEP % (", ".join(f'"{c}"' for c in cases), ", ".join(map(str, versions)),
                   secret, clock.today().isoformat())


def run(n: int, env: dict[str, str], runner: subprocess.Popen[bytes], secret: str,
        cases: list[tuple[str, int]], args: argparse.Namespace) -> float:
    """Writes per second with ``n`` web processes (one wrk each); prints its line."""
    servers, ports = [], [free_port() for _ in range(n)]
    for port in ports:
        servers.append(subprocess.Popen(
            [*xieshang(env), "serve", "--port", str(port), "--threads", str(args.threads)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_up(f"http://127.0.0.1:{port}", server)
        k = args.connections
        parts = [cases[2 * i * k:(2 * i + 2) * k] for i in range(n)]
        scripts = [(script([c for c, _ in p[:k]], [v for _, v in p[:k]], secret),
                    script([c for c, _ in p[k:]], [v for _, v in p[k:]], secret))
                   for p in parts]
        results: list[dict[str, float]] = [{} for _ in range(n)]

        def drive(i: int, which: int, seconds: int) -> None:
            results[i] = wrk(f"http://127.0.0.1:{ports[i]}", scripts[i][which], k, seconds)

        for which, seconds in ((0, 3), (1, args.duration)):
            processes = [*servers, runner]
            cpu = [cpu_seconds(p.pid) for p in processes]
            machine = busy()
            threads = [threading.Thread(target=drive, args=(i, which, seconds))
                       for i in range(n)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        used = [cpu_seconds(p.pid) - c for p, c in zip(processes, cpu, strict=True)]
        now = busy()
        writes = sum(r["requests"] for r in results)
        rate = sum(r["rps"] for r in results)
        share = (now[0] - machine[0]) / (now[1] - machine[1])
        errors = sum(int(r["errors"]) for r in results)
        print(f"{n} web process(es): {rate:7.1f} writes/s ({errors} errors); machine CPU busy "
              f"{share:.0%}; CPU ms per write: web "
              + " + ".join(f"{u * 1000 / writes:.2f}" for u in used[:-1])
              + f", runner {used[-1] * 1000 / writes:.2f}", flush=True)
        return rate
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    """Prepare the store and the cases, start the runner, measure 1 and 2 web processes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--chain-key", required=True)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    env = store_env(None, args.database, args.chain_key)
    env["XIESHANG_LIMITER_STORAGE"] = "redis://127.0.0.1:6379/0"
    secret, ids, versions = prepare(env, args.cases, 6 * args.connections)
    cases = [(str(i), v) for i, v in zip(ids, versions, strict=True)]
    runner = subprocess.Popen([*xieshang(env), "projections", "run"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        one = run(1, env, runner, secret, cases[:2 * args.connections], args)
        two = run(2, env, runner, secret, cases[2 * args.connections:], args)
    finally:
        runner.terminate()
        runner.wait(timeout=30)
    print(f"\n2 web processes / 1: {two / one:.2f}x (target 1.7x)")


if __name__ == "__main__":
    main()
