"""``xieshang tokens``: make, list and revoke API tokens from the command line."""

from __future__ import annotations

import click

from web.accounts.api_tokens import DEFAULT_DAYS, MAX_DAYS, ApiTokens
from web.accounts.store import AccountStore


def _stores() -> tuple[AccountStore, ApiTokens]:
    from config.settings import Settings
    from projections.base import engine_of
    from web.composition import build_negotiations

    engine = engine_of(build_negotiations(Settings.from_env()))
    return AccountStore(engine), ApiTokens(engine)


@click.group()
def tokens() -> None:
    """API tokens: create one, list them, revoke one."""


@tokens.command("create")
@click.argument("username")
@click.option("--name", required=True, help="What the token is for, e.g. 'county report'.")
@click.option("--days", default=DEFAULT_DAYS, show_default=True,
              type=click.IntRange(1, MAX_DAYS), help="Days until it expires.")
def tokens_create(username: str, name: str, days: int) -> None:
    """Make a token for USERNAME and print its secret (shown only this once)."""
    accounts, store = _stores()
    account = accounts.by_username(username)
    if account is None or not account.active:
        raise click.ClickException(f"no active account {username!r}")
    token, secret = store.issue(account.id, name, days)
    click.echo(f"Token {token.id} for {username}, expires {token.expires_at:%Y-%m-%d}:")
    click.echo(secret)


@tokens.command("list")
@click.argument("username", required=False)
def tokens_list(username: str | None) -> None:
    """List tokens (of USERNAME, or everyone's); never their secrets."""
    from datetime import UTC, datetime

    accounts, store = _stores()
    names = {a.id: a.username for a in accounts.all()}
    now = datetime.now(tz=UTC)
    for token in store.everyone():
        owner = names.get(token.account_id, token.account_id)
        if username and owner != username:
            continue
        state = token.problem(now) or "active"
        click.echo(f"{token.id}  {owner:<16} {state:<8} expires {token.expires_at:%Y-%m-%d}"
                   f"  {token.name}")


@tokens.command("revoke")
@click.argument("token_id")
def tokens_revoke(token_id: str) -> None:
    """Revoke the token with TOKEN_ID (as printed by ``tokens list``)."""
    _accounts, store = _stores()
    if not store.revoke(token_id):
        raise click.ClickException(f"no active token {token_id!r}")
    click.echo(f"Revoked {token_id}.")
