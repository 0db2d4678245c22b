"""``/healthz``: is the store reachable, and are the read models following the log."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from projections.health import health

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """"ok" only when the database answers and every read model follows the log;
    "degraded" (still 200: the site serves) when a read model lags, its runner has stopped
    or keeps failing, or events are set aside; 503 when the database does not answer."""
    try:
        report = health(current_app.extensions["projector"])
    except Exception:
        current_app.logger.exception("health check: the database does not answer")
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(
        status=report.status, database="ok", problems=report.problems,
        projection_lag={m.name: m.lag for m in report.models},
        set_aside={m.name: m.set_aside for m in report.models if m.set_aside},
        runner=({"state": report.runner.state, "seconds_since_seen": round(report.runner.age())}
                if report.runner else None))
