"""Logging in, what each role sees, the language switch and the security headers."""

from __future__ import annotations

import sqlite3

from flask import Flask
from flask.testing import FlaskClient

from projections.base import engine_of


def a_case_in(app: Flask, scope: str) -> tuple[str, str]:
    """(case id, enterprise) of some case in ``scope``."""
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        row = connection.exec_driver_sql(
            "select case_id, enterprise from case_summaries where scope = ? limit 1",
            (scope,)).one()
    return row[0], row[1]


def test_anonymous_visitors_are_sent_to_the_login_page(client: FlaskClient) -> None:
    response = client.get("/cases")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_a_wrong_password_is_refused_and_says_so(client: FlaskClient, auth) -> None:
    assert auth.login("li", "not-the-password") == 401
    page = client.get("/cases")
    assert page.status_code == 302


def test_repeated_failed_logins_are_throttled(client: FlaskClient, auth) -> None:
    statuses = [auth.login("wang", f"guess-{n}") for n in range(5)]
    assert statuses[:3] == [401, 401, 401]
    assert 429 in statuses[3:]


def test_a_worker_sees_her_region_and_not_another_by_url(app: Flask, client, auth) -> None:
    assert auth.login("li") == 302
    case_id, name = a_case_in(app, "兴宁市")
    assert name in client.get(f"/cases/{case_id}").get_data(as_text=True)
    other_id, _ = a_case_in(app, "五华县")
    assert client.get(f"/cases/{other_id}").status_code == 404
    listing = client.get("/cases").get_data(as_text=True)
    assert name in listing or "兴宁市" in listing


def test_an_admin_sees_every_region(app: Flask, client, auth) -> None:
    assert auth.login("root") == 302
    other_id, name = a_case_in(app, "五华县")
    assert name in client.get(f"/cases/{other_id}").get_data(as_text=True)


def test_chinese_by_default_and_english_on_request(client: FlaskClient, auth) -> None:
    auth.login("zhao")
    assert "我的工作" in client.get("/").get_data(as_text=True)
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "My work" in english
    assert "My work" in client.get("/").get_data(as_text=True)


def test_forms_carry_a_csrf_token_and_pages_security_headers(app: Flask) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        page = client.get("/login")
        assert 'name="csrf_token"' in page.get_data(as_text=True)
        assert page.headers["X-Frame-Options"] == "DENY"
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        refused = client.post("/login", data={"username": "li", "password": "x"})
        assert refused.status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_passwords_are_stored_as_argon2_hashes(app: Flask) -> None:
    url = str(engine_of(app.extensions["negotiations"]).url).removeprefix("sqlite:///")
    with sqlite3.connect(url) as db:
        (stored,) = db.execute("select password_hash from accounts where username='li'").fetchone()
    assert stored.startswith("$argon2id$")
    assert "correct-horse" not in stored
