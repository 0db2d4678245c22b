"""``/healthz``: is the store reachable, and how far has it got."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Report the store's newest notification id (the event log's length)."""
    negotiations = current_app.extensions["negotiations"]
    try:
        newest = negotiations.recorder.max_notification_id() or 0
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return jsonify(status="error", database=str(error)), 503
    return jsonify(status="ok", database="ok", notifications=newest)
