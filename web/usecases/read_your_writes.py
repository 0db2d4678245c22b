"""Read-your-writes on the screens, paid only where a list is shown.

A form that records an entry redirects to the case's own page, which reads the case itself:
nothing waits there. The session remembers the entry's place in the log instead, and the
next page that shows a read model (a list, the dashboard, the audit log...) waits, bounded,
until the read models include it; then the session forgets it. When they already do (the
usual case: the runner was woken at the write), that check is made in memory.
"""

from __future__ import annotations

from flask import Flask, current_app, request, session

from domain.application import Recorded

WRITTEN = "written"
AGGREGATE_PAGES = frozenset({"cases.case_page", "static"})
"""Endpoints that read the case itself, not a read model: they never wait."""


def remember(recorded: Recorded) -> None:
    """Note the session's newest write, and wake the runner for it."""
    session[WRITTEN] = max(int(session.get(WRITTEN, 0)), recorded.notification_id)
    current_app.extensions["projector"].nudge.set()


def wait_for_own_writes() -> None:
    """Before a page that may show a read model: wait (at most 2 s) for the session's
    newest write to reach the read models."""
    written = session.get(WRITTEN)
    if not written or request.endpoint in AGGREGATE_PAGES:
        return
    if current_app.extensions["projector"].wait(int(written), timeout=2):
        session.pop(WRITTEN, None)


def init_app(app: Flask) -> None:
    """Wait for the session's own writes before the pages that need them."""
    app.before_request(wait_for_own_writes)
