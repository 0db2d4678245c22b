"""What every response tells browsers and caches: nothing personal may be kept (``no-store``),
the public notices may; over HTTPS (secure cookies) browsers are told to use nothing else.

The access matrix checks ``no-store`` on every route with personal data, for every role;
here a worker's, a supervisor's and the public's everyday reads show it once more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_kit import issue
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from config.settings import Settings
from projections.base import engine_of
from web.app import create_app

HSTS = "max-age=31536000; includeSubDomains"


def kept_by_no_cache(response: TestResponse) -> bool:
    """Whether the response forbids caches to keep it."""
    return "no-store" in response.headers.get("Cache-Control", "")


def one(app: Flask, sql: str) -> str:
    """The first value that ``sql`` selects from the read models."""
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        return str(connection.exec_driver_sql(sql).scalar())


def logged_in(app: Flask, username: str) -> FlaskClient:
    """A client logged in as ``username``."""
    client = app.test_client()
    assert client.post("/login", data={"username": username,
                                       "password": "correct-horse-battery"}).status_code == 302
    return client


def test_pages_with_personal_data_are_stored_by_no_cache(app: Flask) -> None:
    case_id = one(app, "select case_id from case_summaries where scope = '兴宁市'")
    li = logged_in(app, "li")
    for url in ("/", "/cases", f"/cases/{case_id}", f"/cases/{case_id}/history",
                "/account/tokens", "/account/calendar"):
        page = li.get(url)
        assert page.status_code == 200 and kept_by_no_cache(page), url
    page = li.post("/account/calendar").get_data(as_text=True)
    (feed,) = re.findall(r'<code class="calendar-url">([^<]+)</code>', page)
    calendar = app.test_client().get(feed.removeprefix("http://localhost"))
    assert calendar.status_code == 200 and kept_by_no_cache(calendar)
    zhao = logged_in(app, "zhao")
    for url in ("/cases/export.csv", "/audit/export.xlsx", "/statistics", "/sign-offs"):
        download = zhao.get(url)
        assert download.status_code == 200 and kept_by_no_cache(download), url
    api = app.test_client()
    token = {"Authorization": f"Bearer {issue(app, 'sw-001')}"}
    for url in ("/api/v1/cases", f"/api/v1/cases/{case_id}", f"/api/v1/cases/{case_id}/history",
                "/api/v1/deadlines"):
        answer = api.get(url, headers=token)
        assert answer.status_code == 200 and kept_by_no_cache(answer), url
    assert kept_by_no_cache(api.get("/api/v1/cases")), "a 401 too"


def test_public_notices_and_static_files_may_be_cached(app: Flask, client: FlaskClient) -> None:
    notice = one(app, "select case_id from public_notices")
    for url in ("/notices", f"/notices/{notice}", f"/notices/{notice}.json", "/notices.json",
                "/notices/feed.atom", "/api/v1/notices", f"/api/v1/notices/{notice}",
                "/static/site.css"):
        answer = client.get(url)
        assert answer.status_code == 200 and not kept_by_no_cache(answer), url


def test_no_hsts_while_cookies_may_travel_over_plain_http(client: FlaskClient) -> None:
    for url in ("/login", "/notices"):
        assert "Strict-Transport-Security" not in client.get(url).headers


@pytest.fixture
def https_app(tmp_path: Path) -> Iterator[Flask]:
    """The app as deployed behind HTTPS: HTTPS-only cookies (an empty SQLite store)."""
    settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(tmp_path),
                                  "XIESHANG_COOKIE_SECURE": "true"})
    secure = create_app({"SETTINGS": settings, "TESTING": True,
                         "NO_BACKGROUND_PROJECTIONS": True})
    yield secure
    secure.extensions["negotiations"].close()


def test_hsts_whenever_cookies_are_https_only(https_app: Flask) -> None:
    assert https_app.config["SESSION_COOKIE_SECURE"] is True
    client = https_app.test_client()
    for url in ("/login", "/notices", "/api/v1/notices", "/no-such-page"):
        assert client.get(url).headers["Strict-Transport-Security"] == HSTS, url
