"""A session ends for good: a copy of its cookie no longer works after logging out, nor after
an admin resets the password, changes the role or scope, or disables the account; and a
session cookie or remember-me cookie names a login session, not an account."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from flask_login.utils import encode_cookie
from sqlalchemy import event, update
from sqlalchemy.engine import Engine
from steps_story import PASSWORD

from domain.values import Role
from web.accounts.sessions import MAX_AGE, login_sessions
from web.accounts.store import accounts
from web.site.users import load_user


def logged_in(app: Flask, username: str, password: str = PASSWORD) -> FlaskClient:
    """A browser of its own, logged in as ``username``."""
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 302
    return client


def copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of ``client``'s session cookie."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    return thief


def works(client: FlaskClient) -> bool:
    """Whether the client's session still opens the case list."""
    return client.get("/cases").status_code == 200


def test_after_logout_a_copied_cookie_is_refused_and_other_devices_stay(app: Flask) -> None:
    app.extensions["accounts"].add("zhou", "周社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD)
    office, phone = logged_in(app, "zhou"), logged_in(app, "zhou")
    copied = copy_of(app, office)
    assert works(copied)
    assert office.post("/logout").status_code == 302
    assert not works(copied)
    assert not works(office)
    assert works(phone)


def test_a_password_reset_ends_every_session_of_the_account(app: Flask) -> None:
    app.extensions["accounts"].add("wu", "吴督导", Role.SUPERVISOR, "兴宁市", PASSWORD,
                                   account_id="sup-wu")
    wu = logged_in(app, "wu")
    copied = copy_of(app, wu)
    admin = logged_in(app, "root")
    reset = admin.post("/admin/accounts/sup-wu/password", data={"password": "new-password-77"})
    assert reset.status_code == 302
    assert not works(copied)
    assert not works(wu)
    assert works(logged_in(app, "wu", "new-password-77"))
    assert works(admin)


def test_a_new_role_or_scope_ends_the_sessions_granted_to_the_old_one(app: Flask) -> None:
    app.extensions["accounts"].add("zheng", "郑社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                                   account_id="sw-zheng")
    admin = logged_in(app, "root")
    unchanged = {"role": "social_worker", "scope": "兴宁市"}
    for changed in ({"role": "supervisor", "scope": "兴宁市"},
                    {"role": "supervisor", "scope": "五华县"}):
        copied = copy_of(app, logged_in(app, "zheng"))
        assert admin.post("/admin/accounts/sw-zheng", data=unchanged).status_code == 302
        assert works(copied)                                 # saved as it was: nothing ends
        assert admin.post("/admin/accounts/sw-zheng", data=changed).status_code == 302
        assert not works(copied), changed
        unchanged = changed


def test_disabling_an_account_ends_its_sessions_even_once_it_is_enabled_again(
        app: Flask) -> None:
    app.extensions["accounts"].add("feng", "冯社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                                   account_id="sw-feng")
    copied = copy_of(app, logged_in(app, "feng"))
    admin = logged_in(app, "root")
    admin.post("/admin/accounts/sw-feng/active", data={"active": "0"})
    admin.post("/admin/accounts/sw-feng/active", data={"active": "1"})
    assert not works(copied)
    assert works(logged_in(app, "feng"))


def test_a_cookie_signed_with_the_key_but_naming_an_account_opens_nothing(app: Flask) -> None:
    forged_session = app.test_client()
    signer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    forged_session.set_cookie("session", signer.dumps({"_user_id": "adm-1", "_fresh": True}))
    assert not works(forged_session)
    forged_remember_me = app.test_client()
    with app.app_context():
        forged_remember_me.set_cookie("remember_token", encode_cookie("adm-1"))
    assert not works(forged_remember_me)


def test_a_session_ends_by_itself_after_a_working_day(app: Flask) -> None:
    app.extensions["accounts"].add("qian", "钱社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD)
    yesterday, today = logged_in(app, "qian"), logged_in(app, "qian")
    assert works(yesterday) and works(today)
    with app.extensions["accounts"].sessions.engine.begin() as connection:
        connection.execute(update(login_sessions)
                           .where(login_sessions.c.account_id == account_id(app, "qian"))
                           .values(started_at=datetime.now(tz=UTC) - MAX_AGE * 2))
    assert not works(yesterday)
    assert not works(today)
    assert works(logged_in(app, "qian"))


def account_id(app: Flask, username: str) -> str:
    """The account id of ``username``."""
    account = app.extensions["accounts"].by_username(username)
    assert account is not None
    return str(account.id)


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements ``engine`` sends while in the block."""
    sent: list[str] = []

    def seen(*args: Any) -> None:
        sent.append(args[2])
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_the_user_loader_asks_once_and_refuses_an_expired_an_ended_or_a_disabled_session(
        app: Flask) -> None:
    store = app.extensions["accounts"]
    store.add("sun", "孙社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD, account_id="sw-sun")
    store.add("ma", "马社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD, account_id="sw-ma")
    sessions = {name: store.sessions.start("sw-sun")
                for name in ("fresh", "nearly_over", "expired", "ended")}
    sessions["disabled"] = store.sessions.start("sw-ma")
    store.sessions.end(sessions["ended"])
    with store.engine.begin() as connection:
        for name, age in (("nearly_over", MAX_AGE - timedelta(minutes=1)),
                          ("expired", MAX_AGE + timedelta(minutes=1))):
            digest = hashlib.sha256(sessions[name].encode()).hexdigest()
            connection.execute(update(login_sessions)
                               .where(login_sessions.c.id_sha256 == digest)
                               .values(started_at=datetime.now(tz=UTC) - age))
        # disabled behind the store's back, so the session itself is left in place
        connection.execute(update(accounts).where(accounts.c.id == "sw-ma")
                           .values(active=False))
    with app.test_request_context(), statements(store.engine) as sent:
        users = {name: load_user(session_id) for name, session_id in sessions.items()}
    assert {name: user and user.account.id for name, user in users.items()} == {
        "fresh": "sw-sun", "nearly_over": "sw-sun", "expired": None, "ended": None,
        "disabled": None}
    assert users["fresh"] is not None and users["fresh"].get_id() == sessions["fresh"]
    assert len(sent) == len(sessions), "one query per request, sessions and accounts joined"
