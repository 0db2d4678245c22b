"""The ``xieshang`` command line: serve, demo, verify, keygen, accounts, tokens, projections."""

from __future__ import annotations

import click

from config.settings import Settings
from domain.values import Role
from projections.base import engine_of
from web.cli.integrity import checkpoint, verify
from web.cli.projections import projections
from web.cli.tokens import tokens
from web.composition import build_negotiations


@click.group()
def main() -> None:
    """Xieshang (协商): case tracker for collective bargaining."""


@main.command()
@click.option("--cases", default=300, show_default=True, help="How many cases to create.")
@click.option("--seed", default=2026, show_default=True, help="Random seed (same seed, same data).")
@click.option("--add", is_flag=True, help="Add cases even if the store already has some.")
def demo(cases: int, seed: int, add: bool) -> None:
    """Fill the store with realistic demo cases (Guangdong towns, every stage)."""
    from tqdm import tqdm

    from web.accounts.store import AccountStore
    from web.demo.accounts import DEMO_PASSWORD, demo_accounts
    from web.demo.generator import generate
    from web.paper.attachments import keep

    settings = Settings.from_env()
    negotiations = build_negotiations(settings)
    accounts = demo_accounts(AccountStore(engine_of(negotiations)))
    if accounts:
        click.echo(f"Created {accounts} demo accounts (e.g. sw-001, sup-01, admin; "
                   f"password {DEMO_PASSWORD}).")
    if negotiations.recorder.max_notification_id() and not add:
        click.echo("The store already has cases; use --add to add more.")
        return
    with tqdm(total=cases, unit="case", disable=None) as bar:
        events = generate(negotiations, cases, seed=seed, progress=bar.update,
                          keep_file=lambda content: keep(settings.instance_path, content))
    click.echo(f"Created {cases} cases ({events} events).")


@main.group()
def accounts() -> None:
    """Accounts: add one, list them."""


@accounts.command("add")
@click.argument("username")
@click.option("--name", required=True, help="Display name, e.g. 李社工.")
@click.option("--role", required=True, type=click.Choice([str(r) for r in Role]))
@click.option("--scope", required=True, help="Union or region, e.g. 兴宁市.")
@click.password_option(help="At least 10 characters (asked for if not given).")
def accounts_add(username: str, name: str, role: str, scope: str, password: str) -> None:
    """Create an account."""
    from web.accounts.store import AccountError, AccountStore

    store = AccountStore(engine_of(build_negotiations(Settings.from_env())))
    try:
        account = store.add(username, name, Role(role), scope, password)
    except AccountError as error:
        raise click.ClickException(f"not created: {error.key}") from None
    click.echo(f"Created {account.role} {account.username} ({account.id}) in {account.scope}.")


@accounts.command("list")
def accounts_list() -> None:
    """List every account."""
    from web.accounts.store import AccountStore

    store = AccountStore(engine_of(build_negotiations(Settings.from_env())))
    for a in store.all():
        state = "active" if a.active else "disabled"
        click.echo(f"{a.username:<16} {a.role:<14} {a.scope:<10} {a.name} ({state})")


@main.command()
@click.option("--chain", is_flag=True,
              help="A key for XIESHANG_CHAIN_KEY (the tamper seals) instead.")
def keygen(chain: bool) -> None:
    """Print a new key for XIESHANG_CIPHER_KEY (AES-256, base64), or with --chain for
    XIESHANG_CHAIN_KEY."""
    from eventsourcing.cipher import AESCipher

    from config.keys import new_key

    click.echo(new_key() if chain else AESCipher.create_key(num_bytes=32))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--threads", default=8, show_default=True)
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app under the production WSGI server (waitress)."""
    from waitress import serve as waitress_serve

    from web.app import InsecureSecretKey, create_app

    try:
        app = create_app()
    except InsecureSecretKey as refused:
        raise click.ClickException(str(refused)) from None
    trusted = app.config["SETTINGS"].trusted_proxies
    click.echo(f"Xieshang on http://{host}:{port}/")
    # waitress drops X-Forwarded-* headers; behind trusted proxies the app's ProxyFix reads them
    waitress_serve(app, host=host, port=port, threads=threads,
                   clear_untrusted_proxy_headers=not trusted)


main.add_command(tokens)
main.add_command(projections)
main.add_command(verify)
main.add_command(checkpoint)
