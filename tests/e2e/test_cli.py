"""The ``xieshang`` command line as a newcomer uses it: demo data, verify, projections, serve."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import closing
from pathlib import Path

import pytest

XIESHANG = [sys.executable, "-c", "from web.cli.main import main; main()"]


def run(instance: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``xieshang ARGS`` on the SQLite store in ``instance``."""
    env = {**os.environ, "XIESHANG_INSTANCE_PATH": str(instance)}
    env.pop("XIESHANG_DATABASE_URL", None)
    return subprocess.run([*XIESHANG, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 40 demo cases, made once for this module."""
    folder = tmp_path_factory.mktemp("instance")
    made = run(folder, "demo", "--cases", "40")
    assert made.returncode == 0, made.stderr
    assert "Created 40 cases" in made.stdout
    assert "demo accounts" in made.stdout
    return folder


def test_demo_does_not_pile_onto_an_existing_store(instance: Path) -> None:
    again = run(instance, "demo", "--cases", "5")
    assert again.returncode == 0
    assert "already has cases" in again.stdout


def tables_in(instance: Path) -> set[str]:
    """The tables of the SQLite store in ``instance``."""
    with closing(sqlite3.connect(instance / "xieshang.sqlite3")) as db:
        return {name for name, in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def leave_the_retired_search_model(instance: Path) -> None:
    """The tables of the ``search`` read model, as an earlier release left them."""
    with closing(sqlite3.connect(instance / "xieshang.sqlite3")) as db, db:
        db.execute("CREATE TABLE IF NOT EXISTS search_index (case_id VARCHAR(36) PRIMARY KEY,"
                   " scope TEXT NOT NULL, text TEXT NOT NULL, public_text TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS search_tracking (application_name VARCHAR(32)"
                   " NOT NULL, notification_id INTEGER NOT NULL,"
                   " PRIMARY KEY (application_name, notification_id))")
        db.execute("INSERT OR IGNORE INTO search_tracking VALUES ('Negotiations', 1)")


def test_projections_rebuild_then_status_shows_no_lag(instance: Path) -> None:
    leave_the_retired_search_model(instance)
    assert {"search_index", "search_tracking"} <= tables_in(instance)
    rebuilt = run(instance, "projections", "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not {"search_index", "search_tracking"} & tables_in(instance)
    status = run(instance, "projections", "status").stdout.splitlines()
    models = [line.split() for line in status if "position" in line]
    assert [words[0] for words in models] == [
        "case_summaries", "deadlines", "audit_log", "statistics", "public_notices"]
    assert all(words[4] == "0" and words[-1] == "0" for words in models), status
    assert status[-1] == "status: ok"


def test_serve_answers_over_http_and_asks_for_a_login(instance: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "XIESHANG_INSTANCE_PATH": str(instance)}
    server = subprocess.Popen([*XIESHANG, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        health = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
                    health = json.load(response)
                break
            except OSError:
                time.sleep(0.1)
        assert health is not None and health["status"] == "ok"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert response.url.endswith("/login?next=%2F")
            assert "登录" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_verify_names_the_case_and_version_edited_by_hand(instance: Path) -> None:
    clean = run(instance, "verify")
    assert clean.returncode == 0 and "intact" in clean.stdout
    db = sqlite3.connect(instance / "xieshang.sqlite3")
    row_id, case_bytes, version, state = db.execute(
        "select id, originator_id, originator_version, state from negotiations_events "
        "where topic like '%SurveyRecorded' limit 1").fetchone()
    db.execute("update negotiations_events set state = ? where id = ?",
               (state.replace(b'"respondents":', b'"respondents":1'), row_id))
    db.commit()
    tampered = run(instance, "verify")
    assert tampered.returncode == 1
    (line,) = [x for x in tampered.stdout.splitlines() if x.startswith("ALTERED case")]
    assert str(uuid.UUID(bytes=case_bytes)) in line
    assert f"version {version}:" in line


def test_a_checkpoint_kept_outside_shows_the_newest_events_cut_off(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("checkpointed")
    assert run(folder, "demo", "--cases", "6").returncode == 0
    kept = folder.parent / f"{folder.name}-checkpoint.json"
    made = run(folder, "checkpoint", "--out", str(kept))
    assert made.returncode == 0, made.stderr
    fingerprint = made.stdout.split("Fingerprint: ")[1].split()[0]
    assert len(fingerprint) == 19 and fingerprint.count("-") == 3
    assert json.loads(kept.read_text())["seal"], "sealed with the instance's chain key"

    checked = run(folder, "verify", "--checkpoint", str(kept))
    assert checked.returncode == 0, checked.stdout
    assert f"Checkpoint {fingerprint}" in checked.stdout and "intact." in checked.stdout

    db = sqlite3.connect(folder / "xieshang.sqlite3")
    newest = db.execute("select max(id) from negotiations_events").fetchone()[0]
    db.execute("delete from negotiations_events where id = ?", (newest,))
    db.execute("delete from event_ledger where notification_id = ?", (newest,))
    db.commit()
    db.close()
    assert run(folder, "verify").returncode == 0, "the database alone cannot tell"
    cut = run(folder, "verify", "--checkpoint", str(kept))
    assert cut.returncode == 1
    assert "1 event(s) removed since the checkpoint" in cut.stdout
