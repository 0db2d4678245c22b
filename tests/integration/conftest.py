"""Fixtures for the event-store integration tests, each run on SQLite and on PostgreSQL.

``store`` is a fresh, empty store (a SQLite file under ``tmp_path``, or a PostgreSQL database
created for the test and dropped after it); ``open_app`` opens application instances on it
as separate web processes would, closing them all at teardown; ``story`` tells case stories
through the application's commands (see :mod:`storyteller`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict
from sqlalchemy.engine import URL
from storyteller import Apps, Story

from config.keys import new_key
from config.settings import Settings
from domain.commands import Negotiations

# Where to create the per-test databases (a libpq DSN); CI may point it elsewhere.
ADMIN_DSN = os.environ.get(
    "XIESHANG_TEST_PG_ADMIN", "host=127.0.0.1 port=5432 user=postgres dbname=test"
)


def database_url(admin_dsn: str, name: str) -> str:
    """The SQLAlchemy URL of database ``name`` on the server of ``admin_dsn``."""
    params = {k: str(v) for k, v in conninfo_to_dict(admin_dsn).items() if v is not None}
    port = params.get("port")
    url = URL.create("postgresql+psycopg", username=params.get("user"),
                     password=params.get("password"), host=params.get("host"),
                     port=int(port) if port else None, database=name)
    return url.render_as_string(hide_password=False)


# --------------------------------------------------------------------------- the store


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="session")
def postgres_admin() -> str:
    """The admin DSN, once PostgreSQL answers. Skips locally when it is down; fails under CI."""
    try:
        with psycopg.connect(ADMIN_DSN, autocommit=True, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        message = f"PostgreSQL is not reachable at {ADMIN_DSN!r}: {error}"
        if _under_ci():
            pytest.fail(message + " (CI=true: never skipped)", pytrace=False)
        pytest.skip(message)
    return ADMIN_DSN


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for a fresh, empty event store: a SQLite file under ``tmp_path`` (its chain
    key beside it), or a PostgreSQL database created for this test alone and dropped
    afterwards, with a chain key of its own, as production has."""
    env = {"XIESHANG_INSTANCE_PATH": str(tmp_path)}
    if request.param == "sqlite":
        yield Settings.from_env(env)
        return
    admin = request.getfixturevalue("postgres_admin")
    name = f"xs_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Settings.from_env({**env, "XIESHANG_DATABASE_URL": database_url(admin, name),
                                 "XIESHANG_CHAIN_KEY": new_key()})
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def open_app(store: Settings) -> Iterator[Apps]:
    """``open_app(settings)`` → a new application instance (as a new web process would
    make). Depends on ``store`` so apps are closed before the database is dropped."""
    apps = Apps()
    try:
        yield apps
    finally:
        apps.close_all()


@pytest.fixture
def app(store: Settings, open_app: Apps) -> Negotiations:
    """The application on the fresh store."""
    return open_app(store)


@pytest.fixture
def story(app: Negotiations) -> Story:
    """A social worker telling case stories through ``app``."""
    return Story(app)
