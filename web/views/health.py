"""``/healthz``: is the store reachable, and how far has it got."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Report whether the database answers and how far each read model lags."""
    projector = current_app.extensions["projector"]
    try:
        lags = {status.name: status.lag for status in projector.status()}
    except Exception:
        current_app.logger.exception("health check: the database does not answer")
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok", projection_lag=lags)
