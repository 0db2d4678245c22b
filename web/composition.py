"""The composition root: the one place that turns settings into running parts."""

from __future__ import annotations

from config.settings import Settings
from domain.commands import Negotiations


def build_negotiations(settings: Settings) -> Negotiations:
    """The application on the configured store (creating the SQLite folder if needed)."""
    if settings.is_sqlite:
        settings.instance_path.mkdir(parents=True, exist_ok=True)
    return Negotiations.from_settings(settings)
