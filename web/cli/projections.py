"""``xieshang projections``: follow the log, rebuild the read models, show and retry."""

from __future__ import annotations

import click

from projections.runner import Projector


def _projector(names: list[str] | None = None, page: int = 5000) -> Projector:
    from config.settings import Settings
    from web.composition import build_negotiations

    return Projector(build_negotiations(Settings.from_env()), names, page=page)


PAGE = click.option("--page", default=5000, show_default=True, type=click.IntRange(1, 100_000),
                    help="Events per transaction.")


@click.group()
def projections() -> None:
    """Read models: follow the log, rebuild them, show where they stand, retry."""


@projections.command("run")
@click.option("--poll", default=0.5, show_default=True, help="Seconds between polls (SQLite).")
@click.option("--linger", default=0.25, show_default=True, type=click.FloatRange(0, 5),
              help="Seconds between passes while events keep coming: more seconds, fewer "
                   "passes and less CPU per event, the lists that much later (the first "
                   "event after a quiet spell is taken at once).")
@PAGE
def projections_run(poll: float, linger: float, page: int) -> None:
    """Follow the event log continuously (a separate worker process). Database errors are
    logged and retried with growing pauses: the runner does not exit on its own."""
    import logging
    import signal
    import threading

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    projector = _projector(page=page)
    click.echo("Following the event log; Ctrl-C to stop.")
    try:
        projector.follow(stop, poll=poll, linger=linger)
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
    """Print each read model's position, lag and events set aside, and the runner's state;
    exit status 1 when anything needs attention."""
    from projections.health import health
    from projections.set_aside import listed

    projector = _projector()
    report = health(projector)
    for model in report.models:
        click.echo(f"{model.name:<16} position {model.position:>9}  lag {model.lag:>9}"
                   f"  set aside {model.set_aside:>5}")
    beat = report.runner
    click.echo("runner           " + (f"{beat.state}, last seen {beat.age():.0f} s ago"
                                      + (f" ({beat.error})" if beat.error else "")
                                      if beat else "never seen"))
    for row in listed(projector.engine):
        click.echo(f"set aside: {row.model} case {row.case_id} version {row.version} "
                   f"(notification {row.notification_id}): {row.error}")
    click.echo(f"status: {report.status}" + (f" ({', '.join(report.problems)})"
                                             if report.problems else ""))
    if report.problems:
        raise SystemExit(1)


@projections.command("retry")
def projections_retry() -> None:
    """Take up again every event the read models set aside."""
    taken, left = _projector().retry()
    click.echo(f"Taken up: {taken}; still set aside: {left}.")
    if left:
        raise SystemExit(1)
