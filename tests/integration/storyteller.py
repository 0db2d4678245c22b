"""Helpers of the event-store integration tests: the case stories told through the
application's commands, and raw access to the database behind the application's back.

Every entry is recorded "on the day it happened" (``domain.clock.recording_at`` at 17:30
China time on its business date), so "the case as it stood on date D" is meaningful.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from sqlalchemy.engine import make_url
from stdnum.cn import uscc

from config import profiles
from config.settings import Settings
from domain.application import Recorded
from domain.clock import CHINA, recording_at
from domain.commands import Negotiations
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    EffectBasis,
    Enterprise,
    ItemStatus,
    RatifyingBody,
    Representative,
    Side,
    SurveyMethod,
    WorkerSelection,
)
from domain.verify import notifications

CLERK = Actor("sw-li", "李社工")
OTHER_CLERK = Actor("sw-chen", "陈社工")


# ------------------------------------------------------------------------ applications


def close_app(app: Negotiations) -> None:
    """Close the application and dispose its SQLAlchemy engine (the library's
    ``close`` leaves the connection pool open)."""
    app.close()
    datastore = getattr(app.factory, "datastore", None)
    engine = getattr(datastore, "engine", None)
    if engine is not None and hasattr(engine, "dispose"):
        engine.dispose()


@dataclass
class Apps:
    """Opens applications on stores; closes every one of them at teardown."""

    opened: list[Negotiations] = field(default_factory=list)

    def __call__(self, settings: Settings, **overrides: str) -> Negotiations:
        app = Negotiations.from_settings(settings, **overrides)
        self.opened.append(app)
        return app

    def close(self, app: Negotiations) -> None:
        """Close one application now (it would be closed at teardown anyway)."""
        self.opened.remove(app)
        close_app(app)

    def close_all(self) -> None:
        """Close every application still open."""
        while self.opened:
            close_app(self.opened.pop())


# ------------------------------------------------------------------ raw database access


def sqlite_file(settings: Settings) -> Path:
    """The SQLite database file of ``settings``."""
    database = make_url(settings.database_url).database
    assert database
    return Path(database)


def restore_release(fixture: Path, store: Settings, open_app: Apps, app: Negotiations,
                    folder: Path, **overrides: str) -> Negotiations:
    """The store of ``store`` holding the history in an earlier release's SQLite
    ``fixture`` (only copied, never opened in place): the file itself on SQLite; on
    PostgreSQL its events and snapshots copied one by one. ``overrides``: settings of the
    application, e.g. the release's ``CHAIN_KEY``."""
    if store.is_sqlite:
        app.close()
        shutil.copyfile(fixture, sqlite_file(store))
        return open_app(store, **overrides)
    shutil.copyfile(fixture, folder / "xieshang.sqlite3")
    old = open_app(Settings.from_env({"XIESHANG_INSTANCE_PATH": str(folder)}), **overrides)
    new = open_app(store, **overrides) if overrides else app
    for notification in notifications(old):
        new.recorder.insert_events([notification])
    snapshots = old.factory.aggregate_recorder(purpose="snapshots")
    mine = new.factory.aggregate_recorder(purpose="snapshots")
    for case in {n.originator_id for n in notifications(old)}:
        mine.insert_events(list(snapshots.select_events(case)))
    return new


def pg_conninfo(settings: Settings) -> str:
    """A libpq URI for psycopg, from the SQLAlchemy URL of ``settings``."""
    url = make_url(settings.database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def raw_execute(settings: Settings, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one SQL statement on the store directly, outside the application, and commit.

    ``sql`` uses ``%s`` placeholders (translated to ``?`` for SQLite). Returns the rows.
    """
    if settings.is_sqlite:
        with sqlite3.connect(sqlite_file(settings)) as lite:
            rows = lite.execute(sql.replace("%s", "?"), tuple(params)).fetchall()
        lite.close()
        return rows
    with psycopg.connect(pg_conninfo(settings), autocommit=True) as pg:
        cursor = pg.execute(sql.encode(), tuple(params))
        return cursor.fetchall() if cursor.description else []


def stored_id(settings: Settings, case_id: UUID) -> Any:
    """``case_id`` as the ``originator_id`` column holds it (16 bytes on SQLite)."""
    return case_id.bytes if settings.is_sqlite else case_id


# ------------------------------------------------------------------------- the stories


def credit_code(serial: int) -> str:
    """A valid unified social credit code (GB 32100-2015) for a Meizhou enterprise."""
    body = f"91441481MA{serial:07d}"
    return body + uscc.calc_check_digit(body)


def recorded_at(day: date) -> datetime:
    """When the social worker typed in an entry that happened on ``day``."""
    return datetime.combine(day, time(17, 30), tzinfo=CHINA)


WORKERS = ("张一", "张二", "张三")
EMPLOYERS = ("王一", "王二", "王三")


@dataclass
class Story:
    """Tells the story of cases through the application's commands.

    Keeps the version each case was last seen at, as the web form would carry it,
    and records every entry at 17:30 China time on its business date.
    """

    app: Negotiations
    by: Actor = CLERK
    versions: dict[UUID, int] = field(default_factory=dict)
    log: list[Recorded] = field(default_factory=list)
    _serial: int = 0

    def on(self, app: Negotiations) -> Story:
        """The same clerk, now working through another application instance."""
        return Story(app, self.by, dict(self.versions), self.log, self._serial)

    def _keep(self, recorded: Recorded) -> Recorded:
        self.versions[recorded.case_id] = recorded.version
        self.log.append(recorded)
        return recorded

    def open_case(self, opened_on: date = date(2025, 3, 1), *,
                  name: str = "兴宁市某某电子有限公司", case_id: UUID | None = None) -> UUID:
        """Step 0: a social worker opens a wage case for a 40-person electronics firm."""
        self._serial += 1
        enterprise = Enterprise(name, credit_code(self._serial), "兴宁市", "电子", 40, 20, True,
                                legal_representative="王总")
        with recording_at(recorded_at(opened_on)):
            recorded = self.app.open_case(
                by=self.by, occurred_on=opened_on, enterprise=enterprise,
                contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
                assigned_to=self.by, scope="xingning", case_id=case_id)
        return self._keep(recorded).case_id

    def step(self, command: str, case_id: UUID, occurred_on: date, *,
             expected: int | None = None, **facts: Any) -> Recorded:
        """Record one entry with the named application command."""
        method: Callable[..., Recorded] = getattr(self.app, command)
        seen = self.versions[case_id] if expected is None else expected
        with recording_at(recorded_at(occurred_on)):
            recorded = method(case_id, seen, self.by, occurred_on, **facts)
        return self._keep(recorded)

    def note(self, case_id: UUID, text: str, occurred_on: date = date(2025, 6, 1)) -> Recorded:
        """A note on the case."""
        return self.step("add_note", case_id, occurred_on, text=text)

    def prepare(self, case_id: UUID, *, workers: Sequence[str] = WORKERS,
                employers: Sequence[str] = EMPLOYERS) -> None:
        """Steps 1 and 3: a survey, then both sides' representatives (versions 2-3)."""
        self.step("record_survey", case_id, date(2025, 3, 10),
                  method=SurveyMethod.QUESTIONNAIRE, period_start=date(2025, 3, 2),
                  period_end=date(2025, 3, 9), respondents=30, findings="工资偏低",
                  demands=[{"text": "涨工资", "priority": 1}])
        self.step("appoint_representatives", case_id, date(2025, 3, 15),
                  worker_side=[Representative(n, chief=i == 0) for i, n in enumerate(workers)],
                  employer_side=[Representative(n, chief=i == 0)
                                 for i, n in enumerate(employers)],
                  worker_selection=WorkerSelection.UNION, chief_basis=ChiefBasis.UNION_CHAIR,
                  employer_appointed_by="王总")

    def bargain(self, case_id: UUID) -> None:
        """Steps 4-7: offer, reply, one session, the draft and its ratification (v4-8)."""
        self.step("send_offer", case_id, date(2025, 3, 20), from_side=Side.WORKERS,
                  received_on=date(2025, 3, 21), agenda=["工资"], timetable="四月")
        self.step("answer_offer", case_id, date(2025, 4, 1), accepted=True)
        self.step("hold_session", case_id, date(2025, 4, 5), chaired_by=Side.WORKERS,
                  recorder="赵记录", items=[{"topic": "工资", "status": ItemStatus.AGREED}],
                  minutes="双方同意工资增长5%", minutes_signed=True)
        self.step("agree_draft", case_id, date(2025, 4, 6), text="工资专项集体合同文本",
                  key_terms={"wage_increase_pct": 5}, signed_by_chiefs=True)
        self.step("hold_ratification_vote", case_id, date(2025, 4, 10),
                  body=RatifyingBody.WORKERS_CONGRESS, members=40, present=27, votes_for=21)

    def conclude(self, case_id: UUID) -> None:
        """Steps 8-11: signed, filed, deemed effective, made known (v9-12)."""
        self.step("sign_contract", case_id, date(2025, 4, 11), term_start=date(2025, 5, 1),
                  term_end=date(2028, 4, 30))
        self.step("file_contract", case_id, date(2025, 4, 15), bureau="兴宁市人社局")
        self.step("record_effect", case_id, date(2025, 5, 6), basis=EffectBasis.DEEMED)
        self.step("publish_contract", case_id, date(2025, 5, 8), channels="公告栏",
                  monitoring_contact="工会 0753-1234")

    def through_publication(self, case_id: UUID, **prepare: Any) -> int:
        """From the opened case to the published contract; returns the version (12)."""
        self.prepare(case_id, **prepare)
        self.bargain(case_id)
        self.conclude(case_id)
        return self.versions[case_id]


# Versions of the entries of a case told by ``through_publication``.
SURVEY, APPOINTMENT, OFFER, REPLY, SESSION, DRAFT, VOTE = 2, 3, 4, 5, 6, 7, 8
SIGNED, FILED, EFFECT, PUBLISHED = 9, 10, 11, 12


