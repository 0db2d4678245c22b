"""``xieshang verify`` and ``xieshang checkpoint``: is the stored history whole?"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from domain.checkpoint import Checkpoint, CheckpointUnreadable, take
from domain.clock import CHINA
from domain.commands import Negotiations
from domain.verify import VerifyReport, notifications
from domain.verify import verify as verify_store


def _negotiations() -> Negotiations:
    from config.settings import Settings
    from web.composition import build_negotiations

    return build_negotiations(Settings.from_env())


@click.command()
@click.option("--checkpoint", "checkpoint_file", type=click.Path(exists=True, dir_okay=False,
                                                                  path_type=Path),
              help="A checkpoint file from `xieshang checkpoint`: report any history "
                   "removed or rewritten since it was made.")
def verify(checkpoint_file: Path | None) -> None:
    """Check the stored history: every case's hash chain, the sealed ledger of the whole
    log, every snapshot, and (given one) a checkpoint. Exit status 1 names what was
    altered, removed or inserted behind the application's back."""
    from projections.base import engine_of
    from projections.ledger import ledger_entries

    checkpoint = None
    if checkpoint_file is not None:
        try:
            checkpoint = Checkpoint.loads(checkpoint_file.read_text(encoding="utf-8"))
        except (CheckpointUnreadable, UnicodeDecodeError) as error:
            raise click.ClickException(f"{checkpoint_file}: {error}") from None
    negotiations = _negotiations()
    report = verify_store(negotiations, ledger_entries(engine_of(negotiations)), checkpoint)
    _print(report, negotiations.chain_key is not None)
    raise SystemExit(0 if report.intact else 1)


def _print(report: VerifyReport, keyed: bool) -> None:
    for found in report.breaks:
        click.echo(f"ALTERED case {found.case_id} version {found.version}: {found.reason}")
    for gap in report.log_breaks:
        where = f" (case {gap.case_id} version {gap.version})" if gap.case_id else ""
        click.echo(f"ALTERED log at notification {gap.notification_id}{where}: {gap.reason}")
    click.echo(f"Checked {report.cases} cases, {report.events} events, "
               f"{report.snapshots} snapshots.")
    if keyed:
        click.echo(f"Ledger: {report.sealed} events sealed, {report.unsealed} newer than "
                   "its last entry.")
    else:
        click.echo("Ledger: not checked (no chain key: set XIESHANG_CHAIN_KEY).")
    if report.unsealed_snapshots:
        click.echo(f"{report.unsealed_snapshots} snapshots from before sealing: compared "
                   "with their events, never served.")
    if report.checkpoint is not None:
        cp = report.checkpoint
        click.echo(f"Checkpoint {cp.fingerprint} of {cp.made_at}: {cp.events} events up to "
                   f"notification {cp.last_notification_id}"
                   + ("" if cp.seal or not keyed else " (unsealed)"))
    problems = len(report.breaks) + len(report.log_breaks)
    click.echo("intact." if report.intact else f"{problems} break(s).")


@click.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Where to write it (default: checkpoint-<time>.json here).")
def checkpoint(out: Path | None) -> None:
    """Seal the whole log and write a checkpoint file to keep outside the database; print
    its fingerprint to write down beside it."""
    from projections.ledger import Ledger

    negotiations = _negotiations()
    key = negotiations.chain_key
    ledger = Ledger(negotiations, key) if key is not None else None
    if ledger is not None:
        ledger.seal()
    made_at = datetime.now(CHINA).isoformat(timespec="seconds")
    taken = take(negotiations.name, notifications(negotiations), made_at,
                 ledger.link_at if ledger else (lambda _: None), key)
    if ledger is not None and taken.ledger_link is None and taken.events:
        ledger.seal()
        taken = take(negotiations.name, notifications(negotiations), made_at, ledger.link_at,
                     key)
    path = out or Path(f"checkpoint-{made_at.replace(':', '')}.json")
    path.write_text(taken.dumps(), encoding="utf-8")
    click.echo(f"Checkpoint of {taken.events} events (up to notification "
               f"{taken.last_notification_id}) written to {path}.")
    click.echo(f"Fingerprint: {taken.fingerprint}"
               + ("" if key else "  (not sealed: no chain key)"))
