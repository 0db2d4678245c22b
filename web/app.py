"""The Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from config.settings import Settings
from projections.runner import Background, Projector
from web.composition import build_negotiations


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the web app; ``config`` overrides settings (tests pass ``SETTINGS``)."""
    app = Flask(__name__)
    app.config.from_mapping(config or {})
    settings = app.config.get("SETTINGS") or Settings.from_env()
    app.config["SETTINGS"] = settings
    app.config["SECRET_KEY"] = settings.secret_key
    negotiations = build_negotiations(settings)
    app.extensions["negotiations"] = negotiations
    projector = Projector(negotiations)
    app.extensions["projector"] = projector
    if settings.projections_in_process:
        app.extensions["projections_thread"] = Background(projector).start()

    from domain.labels import label
    from web.views import cases, health

    app.jinja_env.globals["label"] = label

    app.register_blueprint(health.bp)
    app.register_blueprint(cases.bp)
    return app
