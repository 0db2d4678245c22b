"""API tokens: made on the account page or from the command line, shown once, used as a
bearer token, listed without their secret, and revoked."""

from __future__ import annotations

import re
from pathlib import Path

from api_kit import Caller
from flask import Flask
from steps_story import PASSWORD
from test_cli import instance, run

__all__ = ["instance"]


def _logged_in(app: Flask, username: str) -> Caller:
    client = app.test_client()
    assert client.post("/login", data={"username": username,
                                       "password": PASSWORD}).status_code == 302
    return Caller(client)


def _secret(page: str) -> str:
    found = re.search(r'<code class="api-token">(xs_[\w-]+)</code>', page)
    assert found, "the new token is shown on the page"
    return found[1]


def test_a_token_made_on_the_account_page_works_until_it_is_revoked(app: Flask) -> None:
    li = _logged_in(app, "li")
    made = li.client.post("/account/tokens", data={"name": "县总工会月报", "days": "30"})
    assert made.status_code == 200
    secret = _secret(made.get_data(as_text=True))
    program = Caller(app.test_client(), secret)
    assert program.get("/cases").status_code == 200
    listing = li.client.get("/account/tokens").get_data(as_text=True)
    assert "县总工会月报" in listing and secret not in listing, "the secret is shown only once"
    token_id = re.search(r"/account/tokens/(\w+)/revoke", listing)[1]  # type: ignore[index]
    wang = _logged_in(app, "wang")
    assert wang.client.post(f"/account/tokens/{token_id}/revoke").status_code == 404
    assert program.get("/cases").status_code == 200, "someone else cannot revoke it"
    assert li.client.post(f"/account/tokens/{token_id}/revoke").status_code == 302
    refused = program.get("/cases")
    assert refused.status_code == 401 and "吊销" in refused.get_json()["detail"]
    assert "已吊销" in li.client.get("/account/tokens").get_data(as_text=True)


def test_the_token_form_says_what_is_wrong(app: Flask) -> None:
    li = _logged_in(app, "li")
    blank = li.client.post("/account/tokens", data={"name": " ", "days": "30"})
    assert blank.status_code == 400 and "请填写" in blank.get_data(as_text=True)
    odd = li.client.post("/account/tokens", data={"name": "x", "days": "9999"})
    assert odd.status_code == 400 and 'class="api-token"' not in odd.get_data(as_text=True)


def test_tokens_from_the_command_line(instance: Path) -> None:
    made = run(instance, "tokens", "create", "sw-001", "--name", "数据对接", "--days", "10")
    assert made.returncode == 0, made.stderr
    token_id = made.stdout.split()[1]
    secret = made.stdout.splitlines()[-1]
    assert secret.startswith("xs_")
    listed = run(instance, "tokens", "list", "sw-001").stdout
    assert token_id in listed and "active" in listed and secret not in listed
    assert run(instance, "tokens", "revoke", token_id).returncode == 0
    assert "revoked" in run(instance, "tokens", "list").stdout
    again = run(instance, "tokens", "revoke", token_id)
    assert again.returncode != 0 and "no active token" in again.stderr
    nobody = run(instance, "tokens", "create", "nobody", "--name", "x")
    assert nobody.returncode != 0 and "no active account" in nobody.stderr
