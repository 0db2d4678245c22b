"""The ``xieshang`` command line: serve, demo, verify, keygen, accounts, tokens, projections."""

from __future__ import annotations

import sys

import click

from config.settings import Settings
from domain.values import Role
from projections.base import engine_of
from projections.runner import Projector
from web.cli_tokens import tokens
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

    negotiations = build_negotiations(Settings.from_env())
    accounts = demo_accounts(AccountStore(engine_of(negotiations)))
    if accounts:
        click.echo(f"Created {accounts} demo accounts (e.g. sw-001, sup-01, admin; "
                   f"password {DEMO_PASSWORD}).")
    if negotiations.recorder.max_notification_id() and not add:
        click.echo("The store already has cases; use --add to add more.")
        return
    with tqdm(total=cases, unit="case", disable=None) as bar:
        events = generate(negotiations, cases, seed=seed, progress=bar.update)
    click.echo(f"Created {cases} cases ({events} events).")


@main.command()
def verify() -> None:
    """Check every case's hash chain; name any case and version altered by hand."""
    from domain.verify import verify as verify_store

    report = verify_store(build_negotiations(Settings.from_env()))
    for found in report.breaks:
        click.echo(f"ALTERED case {found.case_id} version {found.version}: {found.reason}")
    click.echo(f"Checked {report.cases} cases, {report.events} events: "
               + ("intact." if report.intact else f"{len(report.breaks)} break(s)."))
    sys.exit(0 if report.intact else 1)


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
def keygen() -> None:
    """Print a new key for XIESHANG_CIPHER_KEY (AES-256, base64)."""
    from eventsourcing.cipher import AESCipher

    click.echo(AESCipher.create_key(num_bytes=32))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--threads", default=8, show_default=True)
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app under the production WSGI server (waitress)."""
    from waitress import serve as waitress_serve

    from web.app import create_app

    click.echo(f"Xieshang on http://{host}:{port}/")
    waitress_serve(create_app(), host=host, port=port, threads=threads)


@main.group()
def projections() -> None:
    """Read models: follow the log, rebuild them, show where they stand."""


def _projector(names: list[str] | None = None, page: int = 5000) -> Projector:
    return Projector(build_negotiations(Settings.from_env()), names, page=page)


PAGE = click.option("--page", default=5000, show_default=True, type=click.IntRange(1, 100_000),
                    help="Events per transaction.")


@projections.command("run")
@click.option("--poll", default=0.5, show_default=True, help="Seconds between polls (SQLite).")
@PAGE
def projections_run(poll: float, page: int) -> None:
    """Follow the event log continuously (a separate worker process)."""
    import signal
    import threading

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    projector = _projector(page=page)
    click.echo("Following the event log; Ctrl-C to stop.")
    try:
        projector.follow(stop, poll=poll)
    except KeyboardInterrupt:
        stop.set()


@projections.command("rebuild")
@click.argument("name", required=False, type=click.Choice(Projector.names()))
@PAGE
def projections_rebuild(name: str | None, page: int) -> None:
    """Drop read models (all, or NAME) and replay them from the first event."""
    from tqdm import tqdm

    projector = _projector([name] if name else None, page=page)
    total = projector.negotiations.recorder.max_notification_id() or 0
    with tqdm(total=total, unit="event", disable=None) as bar:
        count = projector.rebuild(progress=bar.update)
    click.echo(f"Rebuilt {', '.join(m.name for m in projector.models)} from {count} events.")


@projections.command("status")
def projections_status() -> None:
    """Print each read model's position and lag."""
    for status in _projector().status():
        click.echo(f"{status.name:<16} position {status.position:>9}  lag {status.lag:>9}")


main.add_command(tokens)
