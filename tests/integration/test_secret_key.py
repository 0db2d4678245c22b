"""The public development key signs sessions only on the embedded SQLite store: on PostgreSQL
the app and ``xieshang serve`` refuse to start without a key of their own, and say how to
make one."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from config.settings import DEV_SECRET_KEY, Settings
from web.app import create_app


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_the_embedded_sqlite_store_starts_on_the_development_key(store: Settings) -> None:
    app = create_app({"SETTINGS": store, "NO_BACKGROUND_PROJECTIONS": True})
    try:
        assert app.secret_key == DEV_SECRET_KEY
        assert app.test_client().get("/healthz").status_code == 200
    finally:
        app.extensions["negotiations"].close()


@pytest.mark.postgres
@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_on_postgresql_the_app_wants_a_key_of_its_own(store: Settings) -> None:
    assert store.secret_key == DEV_SECRET_KEY
    with pytest.raises(RuntimeError, match="XIESHANG_SECRET_KEY") as refused:
        create_app({"SETTINGS": store, "NO_BACKGROUND_PROJECTIONS": True})
    assert "secrets.token_urlsafe(32)" in str(refused.value)
    own = dataclasses.replace(store, secret_key="a-key-of-its-own-3f9c1e7a52d8b604")
    app = create_app({"SETTINGS": own, "NO_BACKGROUND_PROJECTIONS": True})
    try:
        assert app.test_client().get("/healthz").status_code == 200
    finally:
        app.extensions["negotiations"].close()


@pytest.mark.postgres
@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_serve_on_postgresql_without_a_key_stops_and_says_how_to_make_one(
        store: Settings) -> None:
    env = {**os.environ, "XIESHANG_DATABASE_URL": store.database_url,
           "XIESHANG_INSTANCE_PATH": str(store.instance_path)}
    env.pop("XIESHANG_SECRET_KEY", None)
    served = subprocess.run([sys.executable, "-c", "from web.cli.main import main; main()",
                             "serve", "--port", "0"], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert served.returncode == 1
    assert "XIESHANG_SECRET_KEY" in served.stderr
    assert 'python3 -c "import secrets; print(secrets.token_urlsafe(32))"' in served.stderr
    assert "Traceback" not in served.stderr
