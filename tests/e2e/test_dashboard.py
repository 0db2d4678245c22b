"""The worker's dashboard and the supervisor's counts: case numbers, stage, next step, next
deadline, last activity, stalled cases; the bureau's review shown as waiting, never overdue;
the renewal window of a closed case; the same enterprise told apart by its number."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from dashboard_case import SUN, Case
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from domain.clock import CHINA, recording_at
from domain.values import Actor, EffectBasis, Role, SignOffSubject
from projections.base import engine_of
from projections.runner import Background
from projections.tables import case_summaries

PASSWORD = "correct-horse-battery"
VIEWED = datetime(2026, 11, 25, 10, 0, tzinfo=CHINA)     # "today" of the dashboards below
NUMBER = re.compile(r"^兴宁-20\d\d-\d{4}$")


@pytest.fixture(scope="module")
def cases(app: Flask) -> Iterator[dict[str, Case]]:
    """孙社工's cases: one waiting on the bureau's review, a stalled one, the same
    enterprise twice, and a closed one whose contract is in force."""
    app.extensions["accounts"].add("sun", SUN.name, SUN.role, "兴宁市", PASSWORD,
                                   account_id=SUN.id)
    background = Background(app.extensions["projector"]).start()
    found = {
        "waiting": Case(app, "兴宁市等待电子有限公司", date(2026, 10, 1), 1).filed(
            date(2026, 10, 1), date(2026, 11, 1)),
        "stalled": Case(app, "兴宁市停滞纺织有限公司", date(2026, 9, 1), 2).step(
            "add_note", date(2026, 9, 5), text="企业暂不回应"),
        "twin_a": Case(app, "兴宁市同名五金有限公司", date(2026, 11, 20), 3),
        "twin_b": Case(app, "兴宁市同名五金有限公司", date(2026, 11, 21), 4).step(
            "request_sign_off", date(2026, 11, 22), subject=SignOffSubject.REVIEW,
            note="请督导审核"),
    }
    closed = Case(app, "兴宁市已结案食品有限公司", date(2026, 1, 5), 5).filed(
        date(2026, 1, 5), date(2026, 1, 20))
    closed.step("record_effect", date(2026, 2, 5), basis=EffectBasis.DEEMED)
    closed.step("publish_contract", date(2026, 2, 10), channels="公告栏",
                monitoring_contact="工会 0753-1234")
    closed.step("request_sign_off", date(2026, 2, 11), subject=SignOffSubject.CLOSURE,
                note="合同已公示")
    closed.step("give_sign_off", date(2026, 2, 12),
                by=Actor("sup-xn", "赵督导", Role.SUPERVISOR), request_version=closed.last.version)
    found["closed"] = closed
    for case in found.values():
        case.synced()
    yield found
    background.close()


def rows_of(page: str) -> dict[str, str]:
    """Case id → the HTML of its row in the dashboard's table of cases."""
    table = page.split('class="cards dashboard"', 1)[1]
    return {match.group(2): match.group(0) for match in re.finditer(
        r'<tr class="[^"]*">(?:(?!</tr>).)*?/cases/(([0-9a-f-]{36}))"(?:(?!</tr>).)*</tr>',
        table, re.S)}


def text_of(fragment: str) -> str:
    """The visible text of an HTML fragment, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def dashboard(client: FlaskClient, user: str, query: str = "") -> str:
    """The dashboard of ``user`` as seen on :data:`VIEWED`."""
    client.post("/login", data={"username": user, "password": PASSWORD})
    with recording_at(VIEWED):
        response = client.get("/" + query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def summary(engine: Engine, case: Case) -> Any:
    """The case's summary row."""
    with engine.connect() as connection:
        return connection.execute(select(case_summaries).where(
            case_summaries.c.case_id == str(case.id))).mappings().one()


def test_the_worker_sees_each_case_with_its_number_stage_next_step_and_deadline(
        app: Flask, client: FlaskClient, cases: dict[str, Case]) -> None:
    page = dashboard(client, "sun")
    rows = rows_of(page)
    assert set(rows) == {str(c.id) for c in cases.values()}
    engine = engine_of(app.extensions["negotiations"])
    numbers = {key: summary(engine, case)["case_number"] for key, case in cases.items()}
    assert all(NUMBER.match(n) for n in numbers.values()) and len(set(numbers.values())) == 5
    for key, case in cases.items():
        assert f">{numbers[key]}</a>" in rows[str(case.id)], key

    waiting = text_of(rows[str(cases["waiting"].id)])
    assert "已报送审查" in waiting and "合同生效" in waiting         # stage, next step
    assert "等待人社局审查" in waiting and "已逾期" not in waiting
    assert 'class="overdue"' not in rows[str(cases["waiting"].id)]
    assert "停滞" not in waiting and "2026年11月1日" in waiting      # last activity

    stalled = text_of(rows[str(cases["stalled"].id)])
    assert "停滞" in stalled and "调查摸底" in stalled and "2026年9月5日" in stalled
    assert 'class="stalled"' in rows[str(cases["stalled"].id)]

    twins = [text_of(rows[str(cases[k].id)]) for k in ("twin_a", "twin_b")]
    assert all("兴宁市同名五金有限公司" in t for t in twins)
    assert numbers["twin_a"] != numbers["twin_b"], "the same enterprise, told apart"
    assert "待审核" in twins[1] and "待审核" not in twins[0]

    closed = text_of(rows[str(cases["closed"].id)])
    assert "已结案" in closed and "续订提出期限" in closed            # the renewal window
    assert "停滞" not in closed

    english = rows_of(dashboard(client, "sun", "?lang=en"))
    assert "Waiting for the bureau&#39;s review" in english[str(cases["waiting"].id)]
    assert "Stalled" in english[str(cases["stalled"].id)]


def test_the_supervisor_sees_pending_sign_offs_overdue_and_stalled_counts(
        app: Flask, client: FlaskClient, cases: dict[str, Case]) -> None:
    page = dashboard(client, "zhao")
    s = case_summaries.c
    engine = engine_of(app.extensions["negotiations"])
    today = VIEWED.date()
    with engine.connect() as connection:
        def count(*where: Any) -> int:
            return connection.execute(select(func.count()).where(
                s.scope == "兴宁市", *where)).scalar_one()
        sign_offs = connection.execute(select(func.sum(s.pending_sign_offs)).where(
            s.scope == "兴宁市")).scalar_one()
        overdue = count(s.next_due_on < today, s.closed.is_(False))
        stalled = count(s.stalls_on <= today)
    assert sign_offs >= 1 and stalled >= 1
    assert f'id="count-sign-offs">{sign_offs}<' in page
    assert f'id="count-overdue">{overdue}<' in page
    assert f'id="count-stalled">{stalled}<' in page
    with recording_at(VIEWED):
        listed = client.get("/cases?stalled=1").get_data(as_text=True)
    assert re.search(rf"<h1>[^<(]*\({stalled}\)</h1>", listed)
    assert str(cases["stalled"].id) in listed and str(cases["waiting"].id) not in listed


def test_a_worker_sees_no_counts_and_the_case_number_finds_the_case(
        client: FlaskClient, cases: dict[str, Case], app: Flask) -> None:
    page = dashboard(client, "sun")
    assert 'id="count-stalled"' not in page
    engine = engine_of(app.extensions["negotiations"])
    number = summary(engine, cases["twin_a"])["case_number"]
    with recording_at(VIEWED):
        listed = client.get("/cases", query_string={"q": number})
        shown = client.get(f"/cases/{cases['twin_a'].id}")
    assert (listed.status_code, shown.status_code) == (200, 200)
    found, case_page = listed.get_data(as_text=True), shown.get_data(as_text=True)
    assert re.search(r"<h1>[^<(]*\(1\)</h1>", found), found.split("<h1>", 1)[-1][:200]
    assert str(cases["twin_a"].id) in found
    assert number in case_page.split("</h1>", 1)[0], case_page.split("</h1>", 1)[0][-300:]
