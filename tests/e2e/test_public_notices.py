"""The public reads notices of contracts in force: no login, only the notice fields."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from flask import Flask
from flask.testing import FlaskClient

from projections.base import engine_of
from web.usecases.notices import NOTICE_FIELDS

ATOM = "{http://www.w3.org/2005/Atom}"


def a_notice(app: Flask) -> dict[str, object]:
    """Some published notice of the demo data."""
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        row = connection.exec_driver_sql(
            "select case_id, enterprise, town from public_notices limit 1").one()
    return {"id": row[0], "enterprise": row[1], "town": row[2]}


def test_anyone_can_search_and_read_a_notice(app: Flask, client: FlaskClient) -> None:
    notice = a_notice(app)
    found = client.get("/notices", query_string={"q": str(notice["enterprise"])[3:5]})
    assert found.status_code == 200
    assert notice["enterprise"] in found.get_data(as_text=True)
    page = client.get(f"/notices/{notice['id']}").get_data(as_text=True)
    assert notice["enterprise"] in page and "统一社会信用代码" in page
    printable = client.get(f"/notices/{notice['id']}/print")
    assert printable.status_code == 200 and "打印版" not in printable.get_data(as_text=True)


def test_the_json_holds_exactly_the_public_fields(app: Flask, client: FlaskClient) -> None:
    notice = a_notice(app)
    data = client.get(f"/notices/{notice['id']}.json").get_json()
    assert set(data) == {*NOTICE_FIELDS, "id"}
    listing = client.get("/notices.json", query_string={"town": notice["town"]}).get_json()
    assert notice["id"] in {item["id"] for item in listing["items"]}
    assert listing["total"] >= 1


def test_a_bad_search_is_explained_not_crashed(client: FlaskClient) -> None:
    page = client.get("/notices", query_string={"status": "forever", "year": "19x"})
    assert page.status_code == 400
    problem = client.get("/notices.json", query_string={"year": "abc"})
    assert problem.status_code == 400
    assert problem.mimetype == "application/problem+json"
    assert "year" in problem.get_json()["errors"]


def test_an_unknown_notice_is_not_found(client: FlaskClient) -> None:
    assert client.get("/notices/00000000-0000-4000-8000-000000000000").status_code == 404


def test_the_atom_feed_lists_published_notices(app: Flask, client: FlaskClient) -> None:
    response = client.get("/notices/feed.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert any(str(a_notice(app)["enterprise"]) in (t or "") for t in titles)


def test_notices_switch_to_english(app: Flask, client: FlaskClient) -> None:
    notice = a_notice(app)
    page = client.get(f"/notices/{notice['id']}?lang=en").get_data(as_text=True)
    assert "Credit code" in page and "Monitoring contact" in page
