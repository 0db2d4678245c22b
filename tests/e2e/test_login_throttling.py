"""Guessing passwords: one counter per username however it is typed, one per address for
spraying, and the address taken from X-Forwarded-For only behind trusted proxies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from config.settings import Settings
from domain.values import Role
from web.app import create_app

PASSWORD = "correct-horse-battery"
SPRAYED = "Spring2026!"


def make_app(folder: Path, **environ: str) -> Flask:
    """The app on its own SQLite file with its default login limits and 李社工 as sw-003."""
    settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(folder),
                                  "XIESHANG_COOKIE_SECURE": "false", **environ})
    app = create_app({"SETTINGS": settings, "TESTING": True, "WTF_CSRF_ENABLED": False,
                      "NO_BACKGROUND_PROJECTIONS": True})
    app.extensions["accounts"].add("sw-003", "李社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD)
    return app


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app as it is served with no proxy in front."""
    flask_app = make_app(tmp_path_factory.mktemp("direct"))
    yield flask_app
    flask_app.extensions["negotiations"].close()


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app behind one trusted reverse proxy."""
    flask_app = make_app(tmp_path_factory.mktemp("proxied"), XIESHANG_TRUSTED_PROXIES="1")
    yield flask_app
    flask_app.extensions["negotiations"].close()


def client_at(app: Flask, address: str) -> FlaskClient:
    """A browser whose requests arrive from ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def login(client: FlaskClient, username: str, password: str, forwarded_for: str = "") -> int:
    """Submit the login form; the status code."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post("/login", data={"username": username, "password": password},
                       headers=headers).status_code


def test_spaces_capitals_and_full_width_letters_count_against_one_username(app: Flask) -> None:
    guesser = client_at(app, "198.51.100.1")
    limit = int(app.config["LOGIN_ATTEMPTS"].split()[0])
    variants = ["sw-003", " sw-003", "SW-003 ", "\u3000Sw-003", "ｓｗ－００３"]
    statuses = [login(guesser, variants[n % len(variants)], f"guess-{n}") for n in range(limit)]
    assert statuses == [401] * limit
    assert login(guesser, " SW-003", PASSWORD) == 429
    assert login(guesser, "sw-003", PASSWORD) == 429


def test_the_username_logs_in_however_it_is_typed(app: Flask) -> None:
    worker = client_at(app, "198.51.100.2")
    assert login(worker, "  ＳＷ-003 ", PASSWORD) == 302
    assert "李社工" in worker.get("/cases").get_data(as_text=True)


def test_one_password_sprayed_over_36_usernames_is_stopped_at_the_address(app: Flask) -> None:
    sprayer = client_at(app, "198.51.100.3")
    per_address = int(app.config["LOGIN_ATTEMPTS_PER_ADDRESS"].split()[0])
    statuses = [login(sprayer, f"sw-{n:03}", SPRAYED, forwarded_for=f"203.0.113.{n}")
                for n in range(36)]
    assert statuses[:per_address] == [401] * per_address    # each username tried once only
    assert set(statuses[per_address:]) == {429}             # X-Forwarded-For is not believed
    assert login(sprayer, "sw-003", PASSWORD) == 429
    assert login(client_at(app, "198.51.100.4"), "sw-003", PASSWORD) == 302


def test_behind_a_trusted_proxy_each_client_is_counted_at_its_own_address(
        proxied: Flask) -> None:
    proxy = client_at(proxied, "10.0.0.2")
    per_address = int(proxied.config["LOGIN_ATTEMPTS_PER_ADDRESS"].split()[0])
    spray = [login(proxy, f"sw-{n:03}", SPRAYED, forwarded_for=f"192.0.2.{n}, 203.0.113.7")
             for n in range(per_address + 1)]
    assert spray == [401] * per_address + [429]      # the proxy's entry counts, not the forged
    assert login(proxy, "sw-003", PASSWORD, forwarded_for="203.0.113.7") == 429
    assert login(proxy, "sw-003", PASSWORD, forwarded_for="203.0.113.8") == 302


def test_logging_in_still_works_while_the_shared_limiter_store_is_down(tmp_path: Path) -> None:
    """Redis unreachable: the limiter counts in memory meanwhile instead of failing logins."""
    down = make_app(tmp_path, XIESHANG_LIMITER_STORAGE="redis://127.0.0.1:1/0")
    try:
        client = client_at(down, "203.0.113.9")
        assert login(client, "sw-003", "wrong password") == 401
        assert login(client, "sw-003", PASSWORD) == 302
        statuses = {login(client_at(down, "203.0.113.10"), "sw-003", SPRAYED)
                    for _ in range(12)}
        assert statuses == {401, 429}, "still throttled, in this process"
    finally:
        down.extensions["negotiations"].close()
