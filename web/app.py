"""The Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from config.settings import Settings
from web.composition import build_negotiations


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the web app; ``config`` overrides settings (tests pass ``SETTINGS``)."""
    app = Flask(__name__)
    app.config.from_mapping(config or {})
    settings = app.config.get("SETTINGS") or Settings.from_env()
    app.config["SETTINGS"] = settings
    app.config["SECRET_KEY"] = settings.secret_key
    app.extensions["negotiations"] = build_negotiations(settings)

    from web.views import cases, health

    app.register_blueprint(health.bp)
    app.register_blueprint(cases.bp)
    return app
