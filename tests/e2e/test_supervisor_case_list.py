"""The case list's choice of social workers: every worker holding a case the account sees,
including one who has since left the region and the service, and no one else."""

from __future__ import annotations

import re
from datetime import date

from casework import Casework
from flask import Flask
from flask.testing import FlaskClient
from steps_story import PASSWORD

from domain.values import Role
from projections.base import engine_of


def worker_choices(page: str) -> list[tuple[str, str]]:
    """(value, name) of the options of the list's worker filter, in their order."""
    found = re.search(r'<select name="worker">(.*?)</select>', page, re.S)
    assert found, "no worker filter"
    return re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', found.group(1))


def holders(app: Flask, scope: str) -> list[tuple[str, str]]:
    """(id, name) of the workers the cases of ``scope`` are assigned to, by name."""
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        rows = connection.exec_driver_sql(
            "select distinct assigned_id, assigned_name from case_summaries where scope = ?",
            (scope,)).all()
    return sorted(((i, n) for i, n in rows), key=lambda row: (row[1], row[0]))


def test_the_case_list_offers_the_workers_of_its_cases_even_one_who_left(
        app: Flask, client: FlaskClient, auth) -> None:
    accounts = app.extensions["accounts"]
    xu = accounts.add("xu", "徐社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD,
                      account_id="sw-xu")
    accounts.add("he", "何社工", Role.SOCIAL_WORKER, "兴宁市", PASSWORD, account_id="sw-he")
    case = Casework(app, "兴宁市留任电子有限公司")
    case.step("reassign", date(2025, 3, 5), to=xu.actor, reason="徐社工接手")
    accounts.change("sw-xu", scope="五华县", active=False)     # she left, the case stays hers
    app.extensions["projector"].catch_up()

    auth.login("zhao")
    page = client.get("/cases").get_data(as_text=True)
    offered = worker_choices(page)
    assert ("sw-xu", "徐社工") in offered
    assert "sw-he" not in dict(offered), "a worker of the region holding no case is not offered"
    assert len(offered) > 2 and offered == holders(app, "兴宁市")
    hers = client.get("/cases?worker=sw-xu").get_data(as_text=True)
    assert "(1)</h1>" in hers and "兴宁市留任电子有限公司" in hers
    assert '<option value="sw-xu" selected>徐社工</option>' in hers

    client.post("/logout")
    auth.login("wang")
    elsewhere = worker_choices(client.get("/cases").get_data(as_text=True))
    assert elsewhere == holders(app, "五华县") and "sw-xu" not in dict(elsewhere)
    client.post("/logout")
    auth.login("root")
    every = dict(worker_choices(client.get("/cases").get_data(as_text=True)))
    assert every["sw-xu"] == "徐社工" and "sw-he" not in every
