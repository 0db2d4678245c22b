"""The baseline web app: Flask 3 + SQLAlchemy 2.0 ORM, one session per request, no login.

Who is asking is given in the query string (``scope``, ``worker``) or the JSON body
(``author``): the baseline measures the data work of each screen, not authentication.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from flask import Flask, abort, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import ColumnElement, create_engine, event, func, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crud_baseline.models import Case, Deadline, Note, Notice

DEFAULT_URL = "sqlite:///crud_baseline.sqlite3"
STAGES = {"opened": "接案", "surveyed": "调查摸底", "representatives": "协商代表产生",
          "offer_sent": "要约已发出", "negotiating": "协商中", "draft_agreed": "草案形成",
          "ratified": "审议通过", "signed": "已签订", "filed": "已报送审查",
          "in_force": "已生效", "published": "已公示", "closed": "已结案"}
CASE_PAGE_NOTES = 200
LIST_ROWS = 50
RECENT_ROWS = 20
NOTICE_ROWS = 20
DUE_ROWS = 50
EXPIRING_DAYS = 90


def make_engine(url: str | None = None, pool_size: int = 8) -> Engine:
    """An engine for ``url`` (default ``CRUD_DATABASE_URL``, else a SQLite file here) with a
    pool as large as the server's threads; SQLite in WAL mode with a 30 s busy timeout."""
    url = url or os.environ.get("CRUD_DATABASE_URL") or DEFAULT_URL
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size,
                               connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _wal(connection: Any, _record: Any) -> None:
            connection.execute("PRAGMA journal_mode=WAL")

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page() -> int:
    return max(1, min(request.args.get("page", 1, type=int) or 1, 100_000))


def create_app(url: str | None = None, pool_size: int = 8) -> Flask:
    """The baseline app on ``url`` (see :func:`make_engine`)."""
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    engine = make_engine(url, pool_size)
    app.extensions["engine"] = engine

    @app.get("/healthz")
    def healthz() -> ResponseReturnValue:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        return "ok"

    @app.post("/api/cases")
    def open_case() -> ResponseReturnValue:
        """Open a case: one row, and its first timeline entry, in one transaction."""
        data = request.get_json(silent=True)
        fields = ("enterprise", "town", "scope", "assigned_to")
        if not isinstance(data, dict) or not all(isinstance(data.get(f), str) and
                                                 data[f].strip() for f in fields):
            return jsonify(error="enterprise, town, scope and assigned_to are required"), 422
        now = datetime.now(UTC)
        with Session(engine) as session:
            case = Case(case_no="C" + uuid4().hex[:16], enterprise=data["enterprise"].strip(),
                        town=data["town"].strip(), stage="opened",
                        assigned_to=data["assigned_to"], scope=data["scope"], version=1,
                        updated_at=now)
            session.add(case)
            session.flush()
            session.add(Note(case_id=case.id, seq=1, text="接案", created_at=now,
                             author=data["assigned_to"]))
            session.commit()
            return jsonify(case_id=case.id, version=1), 201

    @app.get("/api/cases/<int:case_id>")
    def read_case(case_id: int) -> ResponseReturnValue:
        with Session(engine) as session:
            case = session.get(Case, case_id)
            if case is None:
                abort(404)
            return jsonify(case_id=case.id, case_no=case.case_no, enterprise=case.enterprise,
                           stage=case.stage, version=case.version)

    @app.post("/api/cases/<int:case_id>/notes")
    def add_note(case_id: int) -> ResponseReturnValue:
        """A note, if the case is still at ``expected_version`` (409 otherwise)."""
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return jsonify(error="a JSON object is required"), 400
        expected, note, author = (data.get("expected_version"), data.get("text"),
                                  data.get("author"))
        if (not isinstance(expected, int) or isinstance(expected, bool)
                or not isinstance(note, str) or not note.strip() or len(note) > 2000
                or not isinstance(author, str) or not author):
            return jsonify(error="expected_version, text and author are required"), 422
        now = datetime.now(UTC)
        with Session(engine) as session:
            bumped = session.execute(
                update(Case).where(Case.id == case_id, Case.version == expected)
                .values(version=Case.version + 1, updated_at=now)
                .execution_options(synchronize_session=False))
            if bumped.rowcount != 1:  # type: ignore[attr-defined]
                current = session.scalar(select(Case.version).where(Case.id == case_id))
                session.rollback()
                if current is None:
                    abort(404)
                return jsonify(error="stale version", current_version=current), 409
            session.add(Note(case_id=case_id, seq=expected + 1, text=note.strip(),
                             created_at=now, author=author))
            session.commit()
        return jsonify(case_id=case_id, version=expected + 1), 201

    @app.get("/cases/<int:case_id>")
    def case_page(case_id: int) -> ResponseReturnValue:
        """The case and its last 200 notes."""
        with Session(engine) as session:
            case = session.get(Case, case_id)
            if case is None:
                abort(404)
            notes = session.scalars(select(Note).where(Note.case_id == case_id)
                                    .order_by(Note.seq.desc()).limit(CASE_PAGE_NOTES)).all()
            return render_template("case.html", case=case, notes=list(reversed(notes)),
                                   stages=STAGES)

    @app.get("/cases")
    def case_list() -> ResponseReturnValue:
        """Cases of a scope, filtered by name and stage, 50 a page, with the total."""
        args = request.args
        where: list[ColumnElement[bool]] = []
        if args.get("scope"):
            where.append(Case.scope == args["scope"])
        if args.get("stage") in STAGES:
            where.append(Case.stage == args["stage"])
        q = args.get("q", "").strip()[:100]
        if q:
            where.append(Case.enterprise.like(_like(q), escape="\\"))
        page = _page()
        with Session(engine) as session:
            total = session.scalar(select(func.count()).select_from(Case).where(*where))
            rows = session.scalars(select(Case).where(*where)
                                   .order_by(Case.updated_at.desc(), Case.id)
                                   .limit(LIST_ROWS).offset((page - 1) * LIST_ROWS)).all()
            return render_template("case_list.html", rows=rows, total=total, page=page,
                                   per_page=LIST_ROWS, args=args, stages=STAGES)

    @app.get("/dashboard")
    def dashboard() -> ResponseReturnValue:
        """Counts by stage for a scope, and the 20 most recently updated cases (the
        worker's, when ``worker`` is given)."""
        scope, worker = request.args.get("scope", ""), request.args.get("worker", "")
        with Session(engine) as session:
            counts = dict(session.execute(select(Case.stage, func.count())
                                          .where(Case.scope == scope)
                                          .group_by(Case.stage)).tuples().all())
            recent = select(Case).where(Case.scope == scope)
            if worker:
                recent = recent.where(Case.assigned_to == worker)
            rows = session.scalars(recent.order_by(Case.updated_at.desc(), Case.id)
                                   .limit(RECENT_ROWS)).all()
            return render_template("dashboard.html", counts=counts, rows=rows, scope=scope,
                                   stages=STAGES)

    @app.get("/notices")
    def notices() -> ResponseReturnValue:
        """Public notice search: a substring of the name, town or industry, 20 a page."""
        q = request.args.get("q", "").strip()[:100]
        where: list[ColumnElement[bool]] = []
        if q:
            pattern = _like(q)
            where.append(or_(Notice.enterprise.like(pattern, escape="\\"),
                             Notice.town.like(pattern, escape="\\"),
                             Notice.industry.like(pattern, escape="\\")))
        page, today = _page(), date.today()
        with Session(engine) as session:
            total = session.scalar(select(func.count()).select_from(Notice).where(*where))
            rows = session.scalars(select(Notice).where(*where)
                                   .order_by(Notice.published_on.desc(), Notice.id)
                                   .limit(NOTICE_ROWS).offset((page - 1) * NOTICE_ROWS)).all()
            shown = [(row, _notice_status(row, today)) for row in rows]
            return render_template("notices.html", rows=shown, total=total, page=page,
                                   per_page=NOTICE_ROWS, q=q)

    @app.get("/api/deadlines")
    def deadlines_due() -> ResponseReturnValue:
        """Unmet deadlines of a scope (and worker) due within ``days`` or overdue."""
        args, today = request.args, date.today()
        days = max(0, min(args.get("days", 7, type=int) or 0, 366))
        where = [Deadline.met_on.is_(None), Deadline.due_on <= today + timedelta(days=days),
                 Deadline.scope == args.get("scope", "")]
        if args.get("worker"):
            where.append(Deadline.assigned_to == args["worker"])
        page = _page()
        with Session(engine) as session:
            total = session.scalar(select(func.count()).select_from(Deadline).where(*where))
            rows = session.execute(
                select(Deadline, Case.enterprise).join(Case, Case.id == Deadline.case_id)
                .where(*where).order_by(Deadline.due_on, Deadline.case_id)
                .limit(DUE_ROWS).offset((page - 1) * DUE_ROWS)).all()
            items = [{"case_id": d.case_id, "enterprise": enterprise, "kind": d.kind,
                      "due_on": d.due_on.isoformat(),
                      "status": "overdue" if d.due_on < today else "pending"}
                     for d, enterprise in rows]
        return jsonify(items=items, total=total, page=page, per_page=DUE_ROWS)

    return app


def _notice_status(notice: Notice, today: date) -> str:
    if notice.term_end < today:
        return "已到期"
    if notice.term_end <= today + timedelta(days=EXPIRING_DAYS):
        return "即将到期"
    return "生效中"
