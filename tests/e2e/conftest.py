"""Fixtures for the web app: a real SQLite file, real accounts, the Flask test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from config.settings import Settings
from domain.values import Role
from projections.runner import Projector
from web.app import create_app
from web.demo.generator import generate
from web.paper.attachments import keep

PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app on a fresh SQLite file with 60 demo cases, their read models and accounts."""
    folder: Path = tmp_path_factory.mktemp("web")
    settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(folder),
                                  "XIESHANG_COOKIE_SECURE": "false"})
    flask_app = create_app({"SETTINGS": settings, "TESTING": True,
                            "NO_BACKGROUND_PROJECTIONS": True, "LOGIN_ATTEMPTS": "3 per minute",
                            "WTF_CSRF_ENABLED": False})
    negotiations = flask_app.extensions["negotiations"]
    generate(negotiations, 60, seed=7, keep_file=lambda content: keep(folder, content))
    Projector(negotiations).catch_up()
    accounts = flask_app.extensions["accounts"]
    accounts.add("li", "李社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD, account_id="sw-001")
    accounts.add("wang", "王社工", Role.SOCIAL_WORKER, "五华县", PASSWORD, account_id="sw-wh")
    accounts.add("zhao", "赵督导", Role.SUPERVISOR, "兴宁市", PASSWORD, account_id="sup-xn")
    accounts.add("root", "管理员", Role.ADMIN, "全省", PASSWORD, account_id="adm-1")
    yield flask_app
    negotiations.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser-like client with its own cookies."""
    return app.test_client()


class Auth:
    """Logs a client in and out (the flaskr tutorial's action helper)."""

    def __init__(self, client: FlaskClient):
        self.client = client

    def login(self, username: str, password: str = PASSWORD) -> int:
        """Submit the login form; return the status code."""
        return self.client.post("/login", data={"username": username,
                                                "password": password}).status_code


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    """The login helper bound to ``client``."""
    return Auth(client)


@pytest.fixture
def unchanged(app: Flask) -> Iterator[None]:
    """Asserts the event log did not grow during the test."""
    recorder = app.extensions["negotiations"].recorder
    before = recorder.max_notification_id()
    yield
    assert recorder.max_notification_id() == before, "something was recorded"
