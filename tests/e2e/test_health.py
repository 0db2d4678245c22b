"""``/healthz`` tells a monitor when the read models are not following the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from eventsourcing.persistence import StoredEvent
from flask import Flask
from stdnum.cn import uscc

from config import profiles
from config.settings import Settings
from domain.values import Actor, ContractKind, Enterprise
from projections.runner import Projector
from web.app import create_app

CLERK = Actor("sw-h", "何社工")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Flask]:
    """A site whose read models nobody keeps current (no runner in this process)."""
    settings = Settings.from_env({"XIESHANG_INSTANCE_PATH": str(tmp_path)})
    app = create_app({"SETTINGS": settings, "TESTING": True,
                      "NO_BACKGROUND_PROJECTIONS": True})
    yield app
    app.extensions["negotiations"].close()


def _credit_code() -> str:
    body = "91441481MA0000042"
    return body + uscc.calc_check_digit(body)


def _open_case(site: Flask) -> None:
    negotiations = site.extensions["negotiations"]
    negotiations.open_case(
        by=CLERK, occurred_on=date(2025, 3, 1),
        enterprise=Enterprise("兴宁市健康电子有限公司", _credit_code(), "兴宁市", "电子",
                              40, 20, True),
        contract_kind=ContractKind.WAGE, profile=profiles.load("guangdong"),
        assigned_to=CLERK, scope="兴宁市")


def test_healthz_is_ok_only_while_the_read_models_follow_the_log(site: Flask) -> None:
    client = site.test_client()
    assert client.get("/healthz").get_json()["status"] == "ok"

    _open_case(site)
    waiting = client.get("/healthz")
    assert waiting.status_code == 200, "the site still serves"
    assert waiting.get_json()["status"] == "degraded"
    assert waiting.get_json()["problems"] == ["stopped"]

    Projector(site.extensions["negotiations"]).catch_up()
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_healthz_counts_the_events_set_aside(site: Flask) -> None:
    _open_case(site)
    negotiations = site.extensions["negotiations"]
    case_id = negotiations.recorder.select_notifications(start=1, limit=1)[0].originator_id
    negotiations.recorder.insert_events([StoredEvent(case_id, 2, "domain.events:Unknown",
                                                     b"{}")])
    Projector(negotiations).catch_up()

    body = site.test_client().get("/healthz").get_json()
    assert body["status"] == "degraded"
    assert body["problems"] == ["set_aside"]
    assert body["set_aside"] == dict.fromkeys(Projector.names(), 1)
