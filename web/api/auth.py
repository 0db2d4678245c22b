"""Who is calling: the account behind a bearer token (the API ignores session cookies)."""

from __future__ import annotations

from flask import current_app, g, request
from flask_babel import gettext as _

from web.accounts.api_tokens import ApiTokens, TokenProblem
from web.accounts.store import Account
from web.api.problems import Problem
from web.composition import read_models


def tokens() -> ApiTokens:
    """The app's token store (made on first use)."""
    store = current_app.extensions.get("api_tokens")
    if store is None:
        store = ApiTokens(read_models())
        current_app.extensions["api_tokens"] = store
    return store


def _unauthorised(detail: str, error: str = "invalid_token") -> Problem:
    challenge = f'Bearer realm="xieshang", error="{error}"'
    return Problem(401, "unauthorised", _("Authentication is required."), detail,
                   headers={"WWW-Authenticate": challenge})


def caller() -> Account:
    """The active account whose token came with the request; 401 otherwise."""
    if "api_account" in g:
        return g.api_account  # type: ignore[no-any-return]
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Problem(401, "unauthorised", _("Authentication is required."),
                      _("Send an API token as 'Authorization: Bearer <token>'."),
                      headers={"WWW-Authenticate": 'Bearer realm="xieshang"'})
    token, problem = tokens().check(secret.strip())
    if problem is TokenProblem.EXPIRED:
        raise _unauthorised(_("This token has expired; create a new one on your account page."))
    if problem is TokenProblem.REVOKED:
        raise _unauthorised(_("This token has been revoked."))
    account = current_app.extensions["accounts"].get(token.account_id) if token else None
    if token is None or account is None or not account.active:
        raise _unauthorised(_("This token is not valid."))
    g.api_account = account
    return account  # type: ignore[no-any-return]


def authenticate() -> None:
    """Before any work on a request: who is calling (401 first, before input is read)."""
    caller()
