"""Admins manage accounts; nobody else reaches the admin screens."""

from __future__ import annotations

from conftest import PASSWORD
from flask import Flask
from flask.testing import FlaskClient

from domain.values import Role


def store(app: Flask):  # type: ignore[no-untyped-def]
    """The account store."""
    return app.extensions["accounts"]


def test_only_admins_reach_the_admin_screens(app: Flask, client: FlaskClient, auth) -> None:
    for username in ("li", "zhao"):
        auth.login(username)
        assert client.get("/admin/accounts").status_code == 403, username
        assert client.post("/admin/accounts", data={"username": "x"}).status_code == 403
        assert client.post("/admin/accounts/sw-001/active", data={}).status_code == 403
        client.post("/logout")
    assert client.get("/admin/accounts").status_code == 302     # anonymous: log in first


def test_an_admin_lists_and_creates_accounts(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("root")
    page = client.get("/admin/accounts").get_data(as_text=True)
    for name in ("李社工", "王社工", "赵督导", "管理员"):
        assert name in page
    created = client.post("/admin/accounts", data={
        "username": "chen", "name": "陈社工", "role": "social_worker", "scope": "梅县区",
        "password": "a-long-enough-pass"})
    assert created.status_code == 302
    chen = store(app).by_username("chen")
    assert chen and chen.role is Role.SOCIAL_WORKER and chen.scope == "梅县区" and chen.active
    client.post("/logout")
    assert auth.login("chen", "a-long-enough-pass") == 302


def test_errors_are_shown_next_to_their_fields(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("root")
    short = client.post("/admin/accounts", data={
        "username": "zhou", "name": "周社工", "role": "social_worker", "scope": "兴宁市",
        "password": "short"})
    assert short.status_code == 422
    text = short.get_data(as_text=True)
    assert 'id="password-error"' in text and "至少 10 个字符" in text
    assert 'value="zhou"' in text and 'value="周社工"' in text          # input kept
    taken = client.post("/admin/accounts", data={
        "username": "li", "name": "又一个李", "role": "supervisor", "scope": "兴宁市",
        "password": "a-long-enough-pass"}).get_data(as_text=True)
    assert 'id="username-error"' in taken and "已被使用" in taken
    blank = client.post("/admin/accounts", data={"role": "nobody", "password": "x" * 12})
    assert blank.status_code == 422
    for field in ("username", "name", "scope", "role"):
        assert f'id="{field}-error"' in blank.get_data(as_text=True)
    assert store(app).by_username("zhou") is None


def test_an_admin_changes_role_and_scope(app: Flask, client: FlaskClient, auth) -> None:
    store(app).add("sun", "孙社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD, account_id="sw-sun")
    auth.login("root")
    assert "孙社工" in client.get("/admin/accounts/sw-sun").get_data(as_text=True)
    changed = client.post("/admin/accounts/sw-sun", data={"role": "supervisor",
                                                          "scope": "五华县"})
    assert changed.status_code == 302
    sun = store(app).get("sw-sun")
    assert sun.role is Role.SUPERVISOR and sun.scope == "五华县"
    blank = client.post("/admin/accounts/sw-sun", data={"role": "supervisor", "scope": ""})
    assert blank.status_code == 422 and 'id="scope-error"' in blank.get_data(as_text=True)
    own = client.post("/admin/accounts/adm-1", data={"role": "supervisor", "scope": "全省"})
    assert own.status_code == 422 and store(app).get("adm-1").role is Role.ADMIN


def test_disable_enable_and_reset_a_password(app: Flask, client: FlaskClient, auth) -> None:
    store(app).add("qian", "钱督导", Role.SUPERVISOR, "兴宁市", PASSWORD, account_id="sup-qian")
    admin = app.test_client()
    admin.post("/login", data={"username": "root", "password": PASSWORD})
    assert auth.login("qian") == 302 and client.get("/audit").status_code == 200
    assert admin.post("/admin/accounts/sup-qian/active", data={"active": "0"}).status_code == 302
    assert not store(app).get("sup-qian").active
    assert client.get("/audit").status_code == 302                 # the session ends
    assert auth.login("qian") == 401
    admin.post("/admin/accounts/sup-qian/active", data={"active": "1"})
    short = admin.post("/admin/accounts/sup-qian/password", data={"password": "short"})
    assert short.status_code == 422 and 'id="password-error"' in short.get_data(as_text=True)
    reset = admin.post("/admin/accounts/sup-qian/password", data={"password": "new-password-99"})
    assert reset.status_code == 302
    assert auth.login("qian") == 401
    assert auth.login("qian", "new-password-99") == 302
    self_off = admin.post("/admin/accounts/adm-1/active", data={"active": "0"})
    assert self_off.status_code == 422 and store(app).get("adm-1").active
