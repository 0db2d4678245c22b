"""A plain CRUD baseline for the benchmarks: the same screens and calls as Xieshang, done the
way an ordinary Flask 3 + SQLAlchemy 2.0 app would do them (mutable rows, no event log).

- ``models``: the tables ``cases``, ``notes``, ``notices``, ``deadlines`` (ORM, 2.0 style);
- ``app``: :func:`create_app` — JSON note with an optimistic version check, open a case,
  the case page (last 200 notes, Jinja), the filtered case list, the dashboard, the public
  notice search and the deadlines due this week;
- ``seed``: :func:`seed` fills a fresh database with given rows (``bench_vs_crud.py`` copies
  Xieshang's demo store so both hold the same cases and as many notes as events);
  :func:`synthetic` makes rows without Xieshang.

Run it on its own (SQLite file by default, PostgreSQL with ``CRUD_DATABASE_URL``)::

    cd bench && ../.venv/bin/python -m crud_baseline seed --cases 2000
    ../.venv/bin/python -m crud_baseline serve --port 5100 --threads 8
"""

from crud_baseline.app import create_app, make_engine
from crud_baseline.seed import CaseRow, DeadlineRow, NoticeRow, seed, synthetic

__all__ = ["CaseRow", "DeadlineRow", "NoticeRow", "create_app", "make_engine", "seed",
           "synthetic"]
