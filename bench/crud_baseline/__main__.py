"""``python -m crud_baseline seed|serve`` (run from ``bench/``; database: ``CRUD_DATABASE_URL``,
default a SQLite file ``crud_baseline.sqlite3`` in the current folder)."""

from __future__ import annotations

import argparse
import sys

from crud_baseline.app import create_app, make_engine
from crud_baseline.seed import seed, synthetic


def main(argv: list[str]) -> None:
    """Seed the database with synthetic rows, or serve the app under waitress."""
    parser = argparse.ArgumentParser(prog="python -m crud_baseline")
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed", help="fill the database afresh (synthetic rows)")
    seeding.add_argument("--cases", type=int, default=2000)
    seeding.add_argument("--notes-per-case", type=int, default=25)
    serving = commands.add_parser("serve", help="serve the app under waitress")
    serving.add_argument("--host", default="127.0.0.1")
    serving.add_argument("--port", type=int, default=5100)
    serving.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    if args.command == "seed":
        cases, notices, deadlines = synthetic(args.cases, args.notes_per_case)
        seed(make_engine(), cases, notices, deadlines)
        print(f"seeded {len(cases)} cases, {len(cases) * args.notes_per_case} notes")
        return
    from waitress import serve

    app = create_app(pool_size=args.threads)
    print(f"CRUD baseline on http://{args.host}:{args.port}/", flush=True)
    serve(app, host=args.host, port=args.port, threads=args.threads)


if __name__ == "__main__":
    main(sys.argv[1:])
