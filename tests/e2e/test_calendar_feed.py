"""A social worker's private calendar URL: her deadlines in any calendar app, revocable."""

from __future__ import annotations

import re

import pytest
from casework import following, told  # noqa: F401 - the fixture is used by name
from conftest import PASSWORD
from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar

from domain.values import Role


def new_address(client: FlaskClient) -> str:
    """Make a new calendar address on the account page; return its path."""
    page = client.post("/account/calendar").get_data(as_text=True)
    (url,) = re.findall(r'<code class="calendar-url">([^<]+)</code>', page)
    return url.removeprefix("http://localhost")


@pytest.mark.usefixtures("following")
def test_the_feed_lists_her_open_deadlines_and_dies_when_revoked(
        app: Flask, client: FlaskClient, auth) -> None:
    case = told(app, "兴宁市日历测试电子有限公司").synced()
    assert auth.login("li") == 302
    address = new_address(client)
    client.post("/logout")
    feed = client.get(address)
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    events = Calendar.from_ical(feed.data).walk("VEVENT")
    mine = [e for e in events if str(case.case_id) in str(e["UID"])]
    assert [str(e["SUMMARY"]) for e in mine] == ["要约回应期限 · 兴宁市日历测试电子有限公司"]
    assert str(mine[0].decoded("DTSTART")) == "2025-04-21"
    auth.login("li")
    newer = new_address(client)
    assert client.get(address).status_code == 404
    client.post("/account/calendar/revoke")
    assert client.get(newer).status_code == 404


def test_only_social_workers_have_a_calendar(client: FlaskClient, auth) -> None:
    assert auth.login("zhao") == 302
    assert client.get("/account/calendar").status_code == 403
    assert client.post("/account/calendar").status_code == 403
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_the_address_dies_with_the_account(app: Flask, client: FlaskClient, auth) -> None:
    app.extensions["accounts"].add("xu", "徐社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                                   account_id="sw-xu")
    assert auth.login("xu") == 302
    address = new_address(client)
    assert client.get(address).status_code == 200
    client.post("/logout")
    assert auth.login("root") == 302
    assert client.post("/admin/accounts/sw-xu/active", data={"active": "0"}).status_code == 302
    assert client.get(address).status_code == 404, "a disabled worker's deadlines stay private"
