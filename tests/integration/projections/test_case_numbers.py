"""Case numbers (兴宁-2026-0012): one per case, by county and year, in the log's order, kept
for good, and the same after a rebuild — on SQLite and on PostgreSQL, for new cases and for
the cases stored by release 5a6e39d."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import CLERK, Apps, Story, credit_code, recorded_at, restore_release

from config import profiles
from config.settings import Settings
from domain.clock import recording_at
from domain.commands import Negotiations
from domain.values import ContractKind, Enterprise
from projections.base import engine_of
from projections.queries import AuditFilter, audit_entries, case_number
from projections.runner import Projector
from projections.tables import case_summaries

FIXTURES = Path(__file__).parent.parent.parent / "fixtures"


def numbers(engine: Engine) -> dict[str, str]:
    """Case id → case number, for every summary."""
    s = case_summaries.c
    with engine.connect() as connection:
        return dict(connection.execute(select(s.case_id, s.case_number)).tuples().all())


def open_in(story: Story, scope: str, on: date, serial: int) -> UUID:
    """A case opened in ``scope`` on ``on`` (its business date)."""
    enterprise = Enterprise("兴宁市某某电子有限公司", credit_code(900 + serial), "兴宁市", "电子",
                            40, 20, True, legal_representative="王总")
    with recording_at(recorded_at(on)):
        recorded = story.app.open_case(
            by=CLERK, occurred_on=on, enterprise=enterprise, contract_kind=ContractKind.WAGE,
            profile=profiles.load("guangdong"), assigned_to=CLERK, scope=scope)
    story.versions[recorded.case_id] = recorded.version
    return recorded.case_id


def test_numbers_follow_county_year_and_log_order_and_survive_rebuilds(
        app: Negotiations, story: Story) -> None:
    engine, projector = engine_of(app), Projector(app)
    first = open_in(story, "兴宁市", date(2025, 12, 30), 1)
    second = open_in(story, "兴宁市", date(2026, 1, 5), 2)
    projector.catch_up()                                    # live: one page, then more
    third = open_in(story, "兴宁市", date(2025, 6, 1), 3)    # opened earlier, written up later
    other = open_in(story, "梅县区", date(2026, 2, 1), 4)
    fourth = open_in(story, "兴宁市", date(2026, 3, 1), 5)
    story.note(first, "企业联系人更换", date(2026, 3, 2))      # rewrites its summary
    projector.catch_up()
    live = numbers(engine)
    assert live == {str(first): "兴宁-2025-0001", str(second): "兴宁-2026-0001",
                    str(third): "兴宁-2025-0002", str(other): "梅县-2026-0001",
                    str(fourth): "兴宁-2026-0002"}
    assert case_number(engine, str(third)) == "兴宁-2025-0002"

    story.step("correct_entry", first, date(2026, 3, 3), corrects_version=1,
               changes={"enterprise.name": "兴宁市新科电子有限公司"}, reason="名称录入错误")
    projector.catch_up()
    assert numbers(engine) == live, "a correction never renumbers"
    audit = audit_entries(engine, AuditFilter(case_id="兴宁-2025-0001")).rows
    assert {(row["case_number"], row["enterprise"]) for row in audit} == {
        ("兴宁-2025-0001", "兴宁市新科电子有限公司")}
    assert len(audit) == 3

    story.step("correct_entry", second, date(2026, 3, 3), corrects_version=1,
               changes={"occurred_on": date(2025, 12, 31)}, reason="接案日期录入错误")
    projector.catch_up()
    assert numbers(engine) == live, "nor does a corrected opening date in another year"

    assert Projector(app).rebuild() == 8
    assert numbers(engine) == live, "a rebuild gives every case the number it had"


def test_the_cases_of_release_5a6e39d_are_numbered_and_rebuilt_identically(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    key = (FIXTURES / "release-5a6e39d.chain.key").read_text().strip()
    then = restore_release(FIXTURES / "release-5a6e39d.sqlite3", store, open_app, app,
                           tmp_path, CHAIN_KEY=key)
    projector = Projector(then)
    projector.rebuild()
    first = numbers(engine_of(then))
    assert len(first) == len(set(first.values())) == 16
    assert {number for number in first.values() if number.startswith("兴宁-")} == {
        "兴宁-2022-0001", "兴宁-2023-0001", "兴宁-2024-0001", "兴宁-2025-0001",
        "兴宁-2025-0002", "兴宁-2026-0001", "兴宁-2026-0002"}
    assert first["6e35de9d-d904-4fce-ab7a-3cf04ce06bdf"] == "中山-2026-0001"
    projector.rebuild()
    assert numbers(engine_of(then)) == first
