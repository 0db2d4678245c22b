"""The composition root: the one place that turns settings into running parts."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.engine import Engine

from config.settings import Settings
from domain.commands import Negotiations
from projections.base import engine_of


def build_negotiations(settings: Settings) -> Negotiations:
    """The application on the configured store (creating the SQLite folder if needed)."""
    if settings.is_sqlite:
        settings.instance_path.mkdir(parents=True, exist_ok=True)
    return Negotiations.from_settings(settings)


def negotiations() -> Negotiations:
    """The running app's application (inside a request or an app context)."""
    found: Negotiations = current_app.extensions["negotiations"]
    return found


def read_models() -> Engine:
    """The running app's database of read models (the event store's database)."""
    return engine_of(negotiations())
