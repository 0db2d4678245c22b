"""At-rest encryption reaches the read models and the account tables.

With a cipher key set, a case is told through every step that takes a person's name or
free text, each carrying a marker; accounts and an API token are named with it too, and a
note comes in through the JSON API. Once the read models have caught up, the screens and
queries show every text decrypted, yet the marker is nowhere in the database: not in the
bytes of the SQLite file and its journals, not in any row of any PostgreSQL table. The
enterprise's public register facts stay readable (the control that shows the scan sees the
read models) and are still what the case list and the public notices can be searched by.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from eventsourcing.cipher import AESCipher
from flask import Flask
from flask.testing import FlaskClient
from marked_case import CREDIT_CODE, ENTERPRISE, MARK, day, marked, tell_marked_case
from raw_scan import found, postgres_rows, sqlite_bytes
from storyteller import Story

from config.settings import Settings
from domain.values import Role
from projections.base import engine_of
from projections.choices import audit_actors, case_workers
from projections.queries import (
    AuditFilter,
    CaseFilter,
    audit_entries,
    get_notice,
    list_cases,
    search_notices,
)
from web.accounts.api_tokens import ApiTokens
from web.app import create_app

PASSWORD = "correct-horse-battery"
TODAY = date(2025, 1, 1)


@pytest.fixture
def web(store: Settings) -> Iterator[Flask]:
    """The web app on the store, with a cipher key; closed (engine disposed) at the end."""
    settings = replace(store, cipher_key=AESCipher.create_key(num_bytes=32),
                       cookie_secure=False)
    app = create_app({"SETTINGS": settings, "TESTING": True, "SECRET_KEY": "test-only-key",
                      "NO_BACKGROUND_PROJECTIONS": True, "WTF_CSRF_ENABLED": False})
    try:
        yield app
    finally:
        app.extensions["negotiations"].close()


def logged_in(app: Flask, username: str) -> FlaskClient:
    """A browser-like client logged in as ``username``."""
    client = app.test_client()
    assert client.post("/login", data={"username": username, "password": PASSWORD}
                       ).status_code == 302
    return client


def test_no_personal_text_is_readable_in_any_table_when_a_key_is_set(web: Flask) -> None:
    settings: Settings = web.config["SETTINGS"]
    negotiations = web.extensions["negotiations"]
    accounts = web.extensions["accounts"]
    worker = accounts.add("li", marked("李社工"), Role.SOCIAL_WORKER, "meixian", PASSWORD)
    moved_to = accounts.add("chen", marked("陈社工"), Role.SOCIAL_WORKER, "meixian", PASSWORD)
    boss = accounts.add("zhao", marked("赵督导"), Role.SUPERVISOR, "meixian", PASSWORD)
    engine = engine_of(negotiations)
    _, secret = ApiTokens(engine).issue(moved_to.id, marked("对接程序"))

    clerk = Story(negotiations, by=worker.actor)
    case_id = tell_marked_case(clerk, Story(negotiations, by=boss.actor, versions=clerk.versions),
                   moved_to.actor)
    version = negotiations.get_case(case_id).version
    by_api = web.test_client().post(
        f"/api/v1/cases/{case_id}/steps/note", headers={"Authorization": f"Bearer {secret}"},
        json={"occurred_on": day(130).isoformat(), "expected_version": version,
              "text": marked("接口备注")})
    assert by_api.status_code == 201, by_api.get_json()
    web.extensions["projector"].catch_up()

    # The app shows every text decrypted.
    audit = audit_entries(engine, AuditFilter(case_id=str(case_id)), per_page=200).rows
    summaries = {row["summary"] for row in audit}
    assert {marked("要约被拒绝：拒绝理由"), marked("结案：结案理由"),
            marked("重新开案：重新开案理由")} <= summaries
    assert f"改派给 {marked('陈社工')}：{marked('改派理由')}" in summaries
    assert {row["actor_name"] for row in audit} == {worker.name, boss.name, moved_to.name}
    listed = list_cases(engine, CaseFilter(today=TODAY)).rows
    assert [(r["case_id"], r["assigned_name"]) for r in listed] == [(str(case_id),
                                                                    moved_to.name)]
    notice = get_notice(engine, str(case_id), TODAY)
    assert notice is not None
    assert (notice["worker_chief"], notice["employer_chief"]) == (marked("刘一"), marked("陈一"))
    assert notice["bureau"] == marked("梅州市人社局")
    assert notice["monitoring_contact"] == marked("工会联系人")
    assert notice["key_terms"] == {"wage_increase_pct": 5, "summary": marked("工资增长")}
    assert case_workers(engine, ["meixian"]) == [(moved_to.id, moved_to.name)]
    assert sorted(audit_actors(engine, None)) == sorted(
        (a.id, a.name) for a in (worker, moved_to, boss))
    assert accounts.get(worker.id).name == marked("李社工")
    assert [t.name for t in ApiTokens(engine).tokens_of(moved_to.id)] == [marked("对接程序")]

    supervisor = logged_in(web, "zhao")
    audit_page = supervisor.get("/audit").get_data(as_text=True)
    assert marked("要约被拒绝：拒绝理由") in audit_page and boss.name in audit_page
    assert moved_to.name in supervisor.get("/cases").get_data(as_text=True)
    public = web.test_client().get(f"/notices/{case_id}.json").get_json()
    assert public["worker_chief"] == marked("刘一")

    # What search still finds with encryption on: the enterprise's register facts only.
    assert list_cases(engine, CaseFilter(text="保密电子", today=TODAY)).total == 1
    assert list_cases(engine, CaseFilter(text=CREDIT_CODE, today=TODAY)).total == 1
    assert list_cases(engine, CaseFilter(text="陈社工", today=TODAY)).total == 0
    assert search_notices(engine, TODAY, text="保密电子").total == 1
    assert search_notices(engine, TODAY, text="工资增长").total == 0

    negotiations.close()
    if settings.is_sqlite:
        data = sqlite_bytes(settings)
    else:
        tables, data = postgres_rows(settings)
        assert {"accounts", "api_tokens", "audit_log", "case_summaries", "public_notices",
                "negotiations_events"} <= tables
    assert found(ENTERPRISE, data), "control: the scan reads the read models"
    assert found("meixian", data)
    for part in (MARK, "MARKER7f3a", "密标"):
        assert not found(part, data), part
