"""A supervisor's screens across cases: the case list, the audit log, statistics, exports."""

from __future__ import annotations

import csv
import io
import re

from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from domain import clock
from projections.base import engine_of
from projections.queries import statistics


def engine(app: Flask) -> Engine:
    """The app's database."""
    return engine_of(app.extensions["negotiations"])


def scalar(app: Flask, sql: str, *params: object) -> object:
    """One value from the read models."""
    with engine(app).connect() as connection:
        return connection.exec_driver_sql(sql, params).scalar()


def case_count(page: str) -> int:
    """The number in the list's heading."""
    found = re.search(r"<h1>[^<(]*\((\d+)\)</h1>", page)
    assert found
    return int(found.group(1))


def test_the_case_list_filters_by_stage_kind_town_worker_and_overdue(
        app: Flask, client: FlaskClient, auth) -> None:
    auth.login("zhao")
    everything = client.get("/cases").get_data(as_text=True)
    assert case_count(everything) == scalar(
        app, "select count(*) from case_summaries where scope = ?", "兴宁市")
    assert 'name="kind"' in everything and 'name="worker"' in everything
    for key, column in (("stage", "stage"), ("kind", "contract_kind"), ("town", "town"),
                        ("worker", "assigned_id")):
        value = scalar(app, f"select {column} from case_summaries where scope = ? "
                            f"group by {column} order by count(*) desc limit 1", "兴宁市")
        page = client.get("/cases", query_string={key: value}).get_data(as_text=True)
        assert case_count(page) == scalar(
            app, f"select count(*) from case_summaries where scope = ? and {column} = ?",
            "兴宁市", value), key
    overdue = client.get("/cases?overdue=1").get_data(as_text=True)
    assert case_count(overdue) == scalar(
        app, "select count(*) from case_summaries where scope = ? and next_due_on < ? "
             "and not closed", "兴宁市", clock.today().isoformat())


def test_the_case_list_pages_and_a_worker_sees_only_her_scope(
        app: Flask, client: FlaskClient, auth) -> None:
    auth.login("root")
    first = client.get("/cases").get_data(as_text=True)
    assert case_count(first) == scalar(app, "select count(*) from case_summaries")
    second = client.get("/cases?page=2").get_data(as_text=True)
    assert "第 2 页" in second and "上一页" in second
    client.post("/logout")
    auth.login("wang")
    mine = client.get("/cases").get_data(as_text=True)
    assert case_count(mine) == scalar(
        app, "select count(*) from case_summaries where scope = ?", "五华县")
    assert "下载" not in mine


def test_the_audit_log_newest_first_with_filters(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("zhao")
    page = client.get("/audit")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert case_count(text) == scalar(
        app, "select count(*) from audit_log where scope = ?", "兴宁市")
    shown = re.findall(r'/cases/([0-9a-f-]{36})/history#v(\d+)"', text)
    with engine(app).connect() as connection:
        newest = connection.exec_driver_sql(
            "select case_id, version from audit_log where scope = ? "
            "order by notification_id desc limit 50", ("兴宁市",)).all()
    assert [(c, int(v)) for c, v in shown] == [(c, v) for c, v in newest]
    closing = client.get("/audit?event=CaseClosed").get_data(as_text=True)
    assert case_count(closing) == scalar(
        app, "select count(*) from audit_log where scope = ? and event_type = 'CaseClosed'",
        "兴宁市")
    actor = scalar(app, "select actor_id from audit_log where scope = ? limit 1", "兴宁市")
    by_actor = client.get(f"/audit?actor={actor}").get_data(as_text=True)
    assert case_count(by_actor) == scalar(
        app, "select count(*) from audit_log where scope = ? and actor_id = ?", "兴宁市", actor)
    case_id = scalar(app, "select case_id from audit_log where scope = ? limit 1", "兴宁市")
    one_case = client.get(f"/audit?case={case_id}").get_data(as_text=True)
    assert case_count(one_case) == scalar(
        app, "select count(*) from audit_log where case_id = ?", case_id)
    empty = client.get("/audit?since=2000-01-01&until=2000-01-31").get_data(as_text=True)
    assert case_count(empty) == 0
    wrong = client.get("/audit?since=yesterday")
    assert wrong.status_code == 400 and "YYYY-MM-DD" in wrong.get_data(as_text=True)


def test_the_audit_log_by_china_days(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("root")
    day = str(scalar(app, "select recorded_at from audit_log order by notification_id limit 1"))
    page = client.get(f"/audit?since={day[:10]}&until=2099-12-31").get_data(as_text=True)
    assert 0 < case_count(page) <= scalar(app, "select count(*) from audit_log")


def test_workers_cannot_reach_the_audit_log_statistics_or_exports(client: FlaskClient,
                                                                  auth) -> None:
    auth.login("li")
    for url in ("/audit", "/audit/export.csv", "/statistics", "/cases/export.xlsx"):
        assert client.get(url).status_code == 403, url


def test_statistics_match_the_query_and_draw_charts(app: Flask, client: FlaskClient,
                                                    auth) -> None:
    auth.login("zhao")
    page = client.get("/statistics")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    figures = statistics(engine(app), clock.today(), ["兴宁市"])
    assert f'id="contracts-in-force">{figures["contracts_in_force"]}<' in text
    assert f'id="workers-covered">{figures["workers_covered"]}<' in text
    assert f'id="women-covered">{figures["women_covered"]}<' in text
    assert text.count("<svg") == 5
    for town, count in figures["by_town"].items():
        assert f"<td>{town}</td><td>{count} 件</td>" in text
    for month, count in figures["by_month"].items():
        assert f"<td>{month}</td><td>{count} 件</td>" in text
    assert "http" not in text.split("<svg", 1)[1].replace("http://www.w3.org/2000/svg", "")


def test_the_case_list_exports_with_its_filters(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("zhao")
    response = client.get("/cases/export.csv?kind=wage")
    assert response.status_code == 200
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    wanted = scalar(app, "select count(*) from case_summaries where scope = ? and "
                         "contract_kind = 'wage'", "兴宁市")
    assert len(rows) == wanted and {r["合同类型"] for r in rows} == {"工资专项集体合同"}
    assert {r["管辖范围"] for r in rows} == {"兴宁市"}
    book = load_workbook(io.BytesIO(client.get("/cases/export.xlsx?kind=wage").data))
    sheet = book.active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][:2] == ("案件编号", "企业") and len(table) == wanted + 1
    assert {row[0] for row in table[1:]} == {r["案件编号"] for r in rows}


def test_the_audit_log_exports_with_its_filters(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("root")
    csv_file = client.get("/audit/export.csv?event=CaseOpened")
    rows = list(csv.DictReader(io.StringIO(csv_file.data.decode("utf-8-sig"))))
    assert len(rows) == scalar(
        app, "select count(*) from audit_log where event_type = 'CaseOpened'")
    assert {r["记录类型"] for r in rows} == {"接案"}
    book = load_workbook(io.BytesIO(client.get("/audit/export.xlsx?event=CaseOpened").data))
    assert book.active is not None
    table = list(book.active.iter_rows(values_only=True))
    assert table[0][0] == "记录时间" and len(table) == len(rows) + 1
    english = client.get("/audit/export.csv?event=CaseOpened&lang=en").data.decode("utf-8-sig")
    assert english.startswith("Recorded at,")
