"""The audit log: one row per stored event, who recorded it, when, and what, in Chinese."""

from __future__ import annotations

from datetime import date, datetime, time

from casebook import HARDWARE_DATES, TEXTILE, Cases, stored_notification_ids
from sqlalchemy import select
from sqlalchemy.engine import Engine
from storyteller import CLERK, OTHER_CLERK, Story

from domain.clock import CHINA, recording_at
from domain.commands import Negotiations
from projections.queries import AuditFilter, audit_entries
from projections.runner import Projector
from projections.tables import audit_log


def rows(engine: Engine) -> list[dict]:
    with engine.connect() as connection:
        query = select(audit_log).order_by(audit_log.c.notification_id)
        return [dict(row) for row in connection.execute(query).mappings()]


def china(day: date, at: time = time()) -> datetime:
    return datetime.combine(day, at, tzinfo=CHINA)


def test_one_row_per_event_with_actor_business_date_and_a_chinese_summary(
        app: Negotiations, engine: Engine, story: Story, cases: Cases,
        projected: Projector) -> None:
    log = rows(engine)
    assert [r["notification_id"] for r in log] == stored_notification_ids(app)
    assert [(r["case_id"], r["version"]) for r in log] == [
        (str(r.case_id), r.version) for r in story.log]

    textile = [r for r in log if r["case_id"] == str(cases.textile)]
    assert [r["event_type"] for r in textile] == [
        "CaseOpened", "SurveyRecorded", "RepresentativesAppointed", "OfferSent",
        "OfferAnswered", "SessionHeld", "DraftAgreed", "RatificationVoted", "ContractSigned",
        "ContractFiled", "ContractTookEffect", "ContractPublished"]
    assert {(r["actor_id"], r["actor_name"], r["scope"]) for r in textile} == {
        (CLERK.id, CLERK.name, "meijiang")}
    assert [r["occurred_on"] for r in textile][:3] == [
        date(2020, 9, 1), date(2020, 9, 10), date(2020, 9, 15)]
    assert [r["summary"] for r in textile] == [
        f"接案：{TEXTILE}（综合集体合同）",
        "调查摸底：30 人参与，诉求 1 项",
        "协商代表产生：双方各 3 人",
        "职工方发出协商要约，对方 2020-09-21 收到",
        "要约获接受",
        "召开协商会议（职工方主持），议题 1 项",
        "合同草案形成，双方首席代表签字",
        "审议表决：应到 40 人，实到 30 人，赞成 25 票",
        "集体合同签订，期限 2021-01-01 至 2022-12-31",
        "报送梅州市人社局审查",
        "合同经确认于 2020-11-16 生效",
        "合同向全体职工公布（公告栏）"]
    recorded = textile[0]["recorded_at"]
    if recorded.tzinfo is not None:   # PostgreSQL keeps the zone; SQLite stores UTC
        recorded = recorded.astimezone(CHINA)
        assert recorded == china(date(2020, 9, 1), time(17, 30))

    story.note(cases.hardware, "企业方要求延期", occurred_on=date(2025, 6, 3))
    projected.catch_up()
    last = rows(engine)[-1]
    assert (last["event_type"], last["summary"], last["occurred_on"]) == (
        "NoteAdded", "添加备注", date(2025, 6, 3))


def test_the_log_filters_by_actor_case_type_and_recording_time(
        engine: Engine, cases: Cases, projected: Projector) -> None:
    def found(page: int = 1, per_page: int = 100, **where) -> tuple[int, list[int]]:
        result = audit_entries(engine, AuditFilter(**where), page=page, per_page=per_page)
        return result.total, [r["notification_id"] for r in result.rows]

    total, newest_first = found()
    assert total == 34 and newest_first == list(range(34, 0, -1))
    assert found(actor_id=OTHER_CLERK.id) == (6, list(range(30, 24, -1)))
    assert found(actor_id=CLERK.id)[0] == 28
    assert found(case_id=str(cases.food)) == (4, [34, 33, 32, 31])
    assert found(event_type="ContractSigned") == (2, [21, 9])
    assert found(event_type="ContractSigned", scopes=["xingning"]) == (1, [9])
    assert found(actor_id=OTHER_CLERK.id, case_id=str(cases.food)) == (0, [])
    # Recording time, from China midnight to China midnight.
    assert found(until=china(date(2021, 1, 1)))[0] == 12
    assert found(since=china(date(2021, 1, 1)))[0] == 22
    assert found(since=china(HARDWARE_DATES.opened), until=china(HARDWARE_DATES.survey)) == (
        2, [25, 2])
    assert found(since=china(date(2025, 4, 7)), until=china(date(2025, 4, 8))) == (1, [30])
    # Pages of the log.
    assert found(page=4, per_page=10) == (34, [4, 3, 2, 1])


def test_the_recording_time_filter_uses_china_days_on_every_backend(
        engine: Engine, story: Story, cases: Cases, projected: Projector) -> None:
    """An entry typed in at 01:00 China time (17:00 UTC the day before) belongs to its
    China day, whatever the database does with time zones."""
    early = china(date(2025, 6, 2), time(1, 0))
    with recording_at(early):
        note = story.app.add_note(cases.food, story.versions[cases.food], story.by,
                                  date(2025, 6, 1), text="夜间补录")
    projected.catch_up()
    on_the_day = AuditFilter(since=china(date(2025, 6, 2)), until=china(date(2025, 6, 3)))
    before = AuditFilter(since=china(date(2025, 6, 1)), until=china(date(2025, 6, 2)))
    assert [r["notification_id"] for r in audit_entries(engine, on_the_day).rows] == [
        note.notification_id]
    assert audit_entries(engine, before).rows == []
