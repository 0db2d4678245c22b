"""Helpers of the read-model tests: the cases they tell, and dumps of the read-model tables.

The cases are told through the application's commands with the shared :class:`Story`
(every entry recorded at 17:30 China time on its business date), so the read models see
what the web app would have stored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import Table, select, text
from sqlalchemy.engine import Engine
from storyteller import CLERK, OTHER_CLERK, Story, credit_code, recorded_at

from config import profiles
from config.settings import Settings
from domain.case import NegotiationCase
from domain.clock import recording_at
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
from projections.runner import READ_MODELS, Projector
from projections.tables import metadata

# ----------------------------------------------------------------------------- the store


def engine_of(app: Negotiations) -> Engine:
    """The SQLAlchemy engine behind ``app`` (events and read models share it)."""
    engine = app.factory.datastore.engine  # type: ignore[attr-defined]
    assert isinstance(engine, Engine)
    return engine


READ_TABLES: tuple[Table, ...] = tuple(t for m in READ_MODELS for t in m.owned)
TRACKING_TABLES = tuple(f"{m.name}_tracking" for m in READ_MODELS)


def dump(engine: Engine, table: Table) -> list[tuple[Any, ...]]:
    """Every row of ``table``, all columns, ordered by primary key."""
    query = select(table).order_by(*table.primary_key.columns)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]


def dump_all(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every read-model table, row for row."""
    assert set(READ_TABLES) == set(metadata.sorted_tables), "a read-model table is missing"
    return {table.name: dump(engine, table) for table in READ_TABLES}


def positions(engine: Engine) -> dict[str, int]:
    """Each read model's committed tracking position, read straight from its table."""
    found = {}
    with engine.connect() as connection:
        for name in TRACKING_TABLES:
            value = connection.execute(
                text(f"SELECT max(notification_id) FROM {name}")).scalar()
            found[name] = value or 0
    return found


def stored_notification_ids(app: Negotiations) -> list[int]:
    """The notification id of every stored event, oldest first."""
    ids: list[int] = []
    while batch := app.recorder.select_notifications(start=(ids[-1] + 1) if ids else 1,
                                                     limit=1000):
        ids += [n.id for n in batch]
    return ids


def caught_up(app: Negotiations) -> Projector:
    """A new projector that has processed the whole log."""
    projector = Projector(app)
    projector.catch_up()
    return projector


# ----------------------------------------------------------------------------- the cases


def open_case(story: Story, name: str, opened_on: date, *, town: str = "兴宁市",
              industry: str = "电子", kind: ContractKind = ContractKind.WAGE,
              headcount: int = 40, women: int = 20, scope: str = "xingning",
              assigned_to: Actor = CLERK, legal_representative: str = "王总") -> UUID:
    """Step 0 with every detail the read models show chosen by the test."""
    enterprise = Enterprise(name, credit_code(100 + len(story.versions)), town, industry,
                            headcount, women, True, legal_representative=legal_representative)
    with recording_at(recorded_at(opened_on)):
        recorded = story.app.open_case(
            by=story.by, occurred_on=opened_on, enterprise=enterprise, contract_kind=kind,
            profile=profiles.load("guangdong"), assigned_to=assigned_to, scope=scope)
    story.versions[recorded.case_id] = recorded.version
    story.log.append(recorded)
    return recorded.case_id


def sides(workers: Sequence[str] = ("刘一", "刘二", "刘三"),
          employers: Sequence[str] = ("陈一", "陈二", "陈三"), *, position: str = "",
          phone: str = "") -> dict[str, list[Representative]]:
    """Both sides' representatives; the first of each side is its chief."""
    def side(names: Sequence[str]) -> list[Representative]:
        return [Representative(n, position=position, chief=i == 0, phone=phone)
                for i, n in enumerate(names)]
    return {"worker_side": side(workers), "employer_side": side(employers)}


@dataclass(frozen=True)
class Dates:
    """The business dates of a case told by :func:`tell` (offsets from its opening)."""

    opened: date
    file_delay: int = 4

    def day(self, offset: int) -> date:
        """The business date ``offset`` days after the opening."""
        return self.opened + timedelta(days=offset)

    @property
    def survey(self) -> date:
        """Survey recorded."""
        return self.day(9)

    @property
    def appointed(self) -> date:
        """Representatives appointed."""
        return self.day(14)

    @property
    def offer(self) -> date:
        """Offer sent (received the next day)."""
        return self.day(19)

    @property
    def received(self) -> date:
        """Offer received."""
        return self.day(20)

    @property
    def answered(self) -> date:
        """Offer accepted."""
        return self.day(30)

    @property
    def session(self) -> date:
        """First session."""
        return self.day(35)

    @property
    def draft(self) -> date:
        """Draft agreed."""
        return self.day(36)

    @property
    def vote(self) -> date:
        """Ratification vote."""
        return self.day(40)

    @property
    def signed(self) -> date:
        """Contract signed."""
        return self.day(41)

    @property
    def filed(self) -> date:
        """Contract filed (and received by the bureau the same day)."""
        return self.signed + timedelta(days=self.file_delay)

    @property
    def effective(self) -> date:
        """The bureau confirms the contract (effective that day)."""
        return self.filed + timedelta(days=10)

    @property
    def published(self) -> date:
        """Contract made known."""
        return self.effective + timedelta(days=2)


# How far :func:`tell` takes a case.
STEPS = ("record_survey", "appoint_representatives", "send_offer", "answer_offer",
         "hold_session", "agree_draft", "hold_ratification_vote", "sign_contract",
         "file_contract", "record_effect", "publish_contract")


def tell(story: Story, case_id: UUID, dates: Dates, *, start: str = "record_survey",
         until: str = "publish_contract", term: tuple[date, date] | None = None, secret: str = "",
         public: str = "") -> None:
    """Record the steps of ``case_id`` from ``start`` to ``until`` (inclusive).

    ``secret`` is put in every internal text the steps carry (findings, minutes, the
    non-chief representatives' names, positions and phones...); ``public`` goes into
    the key-term summary, which the public notice shows.
    """
    term = term or (dates.day(60), dates.day(60 + 365 * 2 - 1))
    chiefs = ("刘一", "陈一")
    facts: dict[str, dict[str, Any]] = {
        "record_survey": dict(
            method=SurveyMethod.QUESTIONNAIRE, period_start=dates.day(1),
            period_end=dates.day(8), respondents=30, findings=f"工资偏低{secret}",
            demands=[{"text": f"涨工资{secret}", "priority": 1}]),
        "appoint_representatives": dict(
            **sides((chiefs[0], f"刘二{secret}", f"刘三{secret}"),
                    (chiefs[1], f"陈二{secret}", f"陈三{secret}"),
                    position=f"车间主任{secret}", phone=f"138{secret}"),
            worker_selection=WorkerSelection.UNION, chief_basis=ChiefBasis.UNION_CHAIR,
            employer_appointed_by=f"王总{secret}"),
        "send_offer": dict(from_side=Side.WORKERS, received_on=dates.received,
                           agenda=[f"工资{secret}"], timetable=f"四月{secret}"),
        "answer_offer": dict(accepted=True),
        "hold_session": dict(chaired_by=Side.WORKERS, recorder=f"赵记录{secret}",
                             items=[{"topic": f"工资{secret}", "status": ItemStatus.AGREED}],
                             minutes=f"双方同意工资增长5%{secret}", minutes_signed=True),
        "agree_draft": dict(text=f"集体合同文本{secret}",
                            key_terms={"wage_increase_pct": 5, "weekly_hours": 40,
                                       "summary": f"工资增长5%{public}",
                                       "internal_note": f"底线6%{secret}"},
                            signed_by_chiefs=True),
        "hold_ratification_vote": dict(body=RatifyingBody.WORKERS_CONGRESS, members=40,
                                       present=30, votes_for=25),
        "sign_contract": dict(term_start=term[0], term_end=term[1]),
        "file_contract": dict(bureau="梅州市人社局"),
        "record_effect": dict(basis=EffectBasis.CONFIRMED),
        "publish_contract": dict(channels=f"公告栏{secret}",
                                 monitoring_contact="市总工会 0753-2222"),
    }
    when = {"record_survey": dates.survey, "appoint_representatives": dates.appointed,
            "send_offer": dates.offer, "answer_offer": dates.answered,
            "hold_session": dates.session, "agree_draft": dates.draft,
            "hold_ratification_vote": dates.vote, "sign_contract": dates.signed,
            "file_contract": dates.filed, "record_effect": dates.effective,
            "publish_contract": dates.published}
    for command in STEPS[STEPS.index(start):STEPS.index(until) + 1]:
        story.step(command, case_id, when[command], **facts[command])


@contextmanager
def acting_as(story: Story, actor: Actor) -> Iterator[Story]:
    """Entries recorded by ``actor`` for the duration."""
    before, story.by = story.by, actor
    try:
        yield story
    finally:
        story.by = before


# --------------------------------------------------------------------- the four cases

ELECTRONICS = "兴宁市某某电子有限公司"
TEXTILE = "梅州市嘉应纺织有限公司"
HARDWARE = "蕉岭县长潭五金制品厂"
FOOD = "五华县华城食品有限公司"

TEXTILE_DATES = Dates(date(2020, 9, 1), file_delay=25)   # filed late
TEXTILE_TERM = (date(2021, 1, 1), date(2022, 12, 31))    # expired long ago
HARDWARE_DATES = Dates(date(2025, 3, 3))
FOOD_DATES = Dates(date(2025, 4, 2))


@dataclass(frozen=True)
class Cases:
    """The cases of the shared scenario."""

    electronics: UUID   # Story.through_publication: published 2025-05-08, in force to 2028
    textile: UUID       # published 2020, term 2021-01-01..2022-12-31: expired
    hardware: UUID      # mid-negotiation, assigned to and recorded by the other clerk
    food: UUID          # offer sent, never answered: the reply deadline is overdue


def tell_scenario(story: Story) -> Cases:
    """The four cases every read-model test looks at."""
    electronics = story.open_case(name=ELECTRONICS)
    story.through_publication(electronics)
    textile = open_case(story, TEXTILE, TEXTILE_DATES.opened, town="梅江区",
                        industry="纺织", kind=ContractKind.GENERAL, headcount=120, women=80,
                        scope="meijiang")
    tell(story, textile, TEXTILE_DATES, term=TEXTILE_TERM)
    with acting_as(story, OTHER_CLERK):
        hardware = open_case(story, HARDWARE, HARDWARE_DATES.opened, town="蕉岭县",
                             industry="五金", kind=ContractKind.SAFETY, headcount=60, women=10,
                             assigned_to=OTHER_CLERK)
        tell(story, hardware, HARDWARE_DATES, until="hold_session")
    food = open_case(story, FOOD, FOOD_DATES.opened, town="五华县", industry="食品",
                     headcount=30, women=25)
    tell(story, food, FOOD_DATES, until="send_offer")
    return Cases(electronics, textile, hardware, food)


# --------------------------------------------------------------- many events, quickly


def bulk(app: Negotiations, cases: int, notes: int, *, first: int = 0,
         by: Actor = CLERK) -> int:
    """Store ``cases`` cases of ``notes + 1`` events each, up to 25 events a transaction
    (the commands' rules all apply: the entries are made on the aggregate, then saved)."""
    opened_on = date(2024, 1, 2)
    for serial in range(first, first + cases):
        enterprise = Enterprise(f"兴宁市第{serial}号电子厂", credit_code(10_000 + serial),
                                "兴宁市", "电子", 50, 20, True)
        with recording_at(recorded_at(opened_on)):
            case = NegotiationCase.open(
                by, opened_on, enterprise=enterprise, contract_kind=ContractKind.WAGE,
                profile=profiles.load("guangdong"), assigned_to=by, scope="xingning")
        for number in range(notes):
            day = opened_on + timedelta(days=number % 300)
            with recording_at(recorded_at(day)):
                case.add_note(by, day, text=f"第{number}次走访")
            if case.version % 25 == 0:
                app.save(case)      # snapshots are taken every 50 versions
        app.save(case)
    return cases * (notes + 1)


# --------------------------------------------------------------- the command line

REPO = Path(__file__).resolve().parents[3]


def store_environ(settings: Settings) -> dict[str, str]:
    """The environment that points a ``xieshang`` process at ``settings``' store."""
    keys = {"XIESHANG_CHAIN_KEY": settings.chain_key} if settings.chain_key else {}
    return {**os.environ, "XIESHANG_INSTANCE_PATH": str(settings.instance_path),
            "XIESHANG_DATABASE_URL": settings.database_url, **keys}


def xieshang(settings: Settings, *args: str, page: int | None = None,
             **options: Any) -> subprocess.Popen[str]:
    """Start ``xieshang ARGS`` as a real process on ``settings``' store; ``page`` passes
    ``--page`` (events per transaction: smaller means more, smaller commits)."""
    code = "from web.cli.main import main; main()"
    if page is not None:
        args = (*args, "--page", str(int(page)))
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO,
                            env=store_environ(settings), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def write_cases(environ: dict[str, str], writer: int, cases: int, notes: int) -> None:
    """A writer process: open ``cases`` cases through its own application, then add
    ``notes`` notes to each, going round the cases (for ``multiprocessing``)."""
    app = Negotiations.from_settings(Settings.from_env(environ))
    by = Actor(f"sw-{writer}", f"社工{writer}")
    day = date(2025, 1, 2)
    versions: dict[UUID, int] = {}
    try:
        for serial in range(cases):
            enterprise = Enterprise(f"五华县第{writer}-{serial}号鞋厂",
                                    credit_code(20_000 + writer * 1000 + serial), "五华县",
                                    "制鞋", 80, 50, True)
            recorded = app.open_case(by=by, occurred_on=day, enterprise=enterprise,
                                     contract_kind=ContractKind.WAGE,
                                     profile=profiles.load("guangdong"), assigned_to=by,
                                     scope="wuhua")
            versions[recorded.case_id] = recorded.version
        for number in range(notes):
            for case_id, version in versions.items():
                recorded = app.add_note(case_id, version, by, day, text=f"第{number}次回访")
                versions[case_id] = recorded.version
    finally:
        app.close()


@contextmanager
def stopped_at_exit(process: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    """``process``, sent SIGTERM (then SIGKILL if it lingers) when the block ends."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
