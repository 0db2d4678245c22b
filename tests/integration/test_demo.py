"""The demo-data generator fills a real SQLite store with realistic, rule-abiding cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from uuid import UUID

import pytest
from stdnum.cn import uscc

from config.settings import Settings
from domain import clock
from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.deadlines import DeadlineKind, DeadlineStatus, deadlines
from domain.stages import Stage
from domain.values import ContractKind
from domain.verify import verify
from web.demo import generate

CASES = 150


def new_app(path: Path) -> Negotiations:
    """A Negotiations application on a fresh SQLite file under ``path``."""
    settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(path)})
    return Negotiations.from_settings(settings)


def case_ids(app: Negotiations) -> list[UUID]:
    """Ids of every stored case, in the order they were saved."""
    ids, start = [], 1
    while page := app.recorder.select_notifications(start=start, limit=1000):
        ids += [UUID(str(n.originator_id)) for n in page if n.originator_version == 1]
        start = page[-1].id + 1
    return ids


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Negotiations, int]]:
    """150 demo cases in a SQLite file, and the number of events stored."""
    path = tmp_path_factory.mktemp("demo")
    app = new_app(path)
    saved: list[int] = []
    events = generate(app, CASES, seed=2026, progress=saved.append, batch=40)
    assert saved == [40, 40, 40, 30]
    yield app, events


@pytest.fixture(scope="module")
def cases(store: tuple[Negotiations, int]) -> list[NegotiationCase]:
    """Every generated case, loaded back from the store."""
    app, _ = store
    return [app.get_case(case_id) for case_id in case_ids(app)]


def test_every_case_and_event_is_stored(store: tuple[Negotiations, int],
                                        cases: list[NegotiationCase]) -> None:
    _, events = store
    assert len(cases) == CASES
    assert events == sum(case.version for case in cases)


def test_every_stage_and_contract_kind_appears(cases: list[NegotiationCase]) -> None:
    assert {case.stage for case in cases} == set(Stage)
    assert {case.state.opened["contract_kind"] for case in cases} == set(ContractKind)


def test_both_jurisdiction_profiles_are_used(cases: list[NegotiationCase]) -> None:
    assert {case.state.profile.name for case in cases} == {"guangdong", "national"}


def _has(case: NegotiationCase, twist: str) -> bool:
    state, types = case.state, {entry.type for entry in case.entries}
    if twist == "refused offer":
        return any(o.end is not None and not o.end["accepted"] for o in state.offers)
    if twist == "late reply":
        return any(d.kind is DeadlineKind.REPLY
                   and d.status(clock.today()) is DeadlineStatus.MET_LATE
                   for d in deadlines(state))
    if twist == "failed vote":
        return any(e.type == "RatificationVoted" and not state.vote_passed(e)
                   for e in state.entries)
    return {"suspension": "SessionSuspended", "dispute": "DisputeFiled",
            "objection": "ReviewObjected", "correction": "EntryCorrected",
            "closure": "CaseClosed", "vacancy": "RepresentativeReplaced",
            "renewal": "RenewalRequested", "reopening": "CaseReopened",
            "reassignment": "CaseReassigned", "refused sign-off": "SignOffRefused",
            "implementation review": "ImplementationReviewed"}[twist] in types


@pytest.mark.parametrize("twist", [
    "refused offer", "late reply", "suspension", "dispute", "failed vote", "objection",
    "correction", "closure", "vacancy", "renewal", "reopening", "reassignment",
    "refused sign-off", "implementation review"])
def test_each_twist_of_the_procedure_happens(cases: list[NegotiationCase], twist: str) -> None:
    assert any(_has(case, twist) for case in cases), twist


def test_credit_codes_are_valid_and_name_one_enterprise(cases: list[NegotiationCase]) -> None:
    names: dict[str, str] = {}
    for case in cases:
        enterprise = case.state.enterprise
        assert uscc.is_valid(enterprise.credit_code), enterprise.credit_code
        assert names.setdefault(enterprise.credit_code, enterprise.name) == enterprise.name


def test_dates_are_past_and_recorded_after_they_happened(cases: list[NegotiationCase]) -> None:
    today = clock.today()
    for case in cases:
        previous = None
        for record in case.records:
            happened = datetime.combine(record["occurred_on"], time(), clock.CHINA)
            recorded = record["recorded_at"]
            assert record["occurred_on"] <= today
            assert happened <= recorded <= clock.now()
            assert previous is None or previous <= recorded
            previous = recorded


def test_the_hash_chains_are_intact(store: tuple[Negotiations, int]) -> None:
    app, events = store
    report = verify(app)
    assert report.intact, report.breaks[:3]
    assert (report.cases, report.events) == (CASES, events)


def test_the_same_seed_gives_the_same_cases(store: tuple[Negotiations, int],
                                            tmp_path: Path) -> None:
    app, events = store
    again = new_app(tmp_path)
    assert generate(again, CASES, seed=2026, batch=70) == events
    assert case_ids(again) == case_ids(app)


def test_an_earlier_today_bounds_every_date(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    generate(app, 30, seed=7, today=date(2023, 6, 30))
    for case_id in case_ids(app):
        for entry in app.get_case(case_id).entries:
            assert entry.occurred_on < date(2023, 6, 30)
            assert entry.recorded_at <= datetime(2023, 6, 30, tzinfo=clock.CHINA)
