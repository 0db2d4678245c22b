"""Templates of the printed documents a union can adapt without touching code.

A file ``<instance>/templates/print/NAME.html`` is used instead of the built-in
``web/templates/print/NAME.html`` (only templates under ``print/`` are looked up there).
The wording of the documents is written in the templates themselves, in both languages:
``{{ tr("集体协商要约书", "Offer to negotiate") }}`` shows the Chinese on a Chinese page and
the English on an English one, so a union edits the words where it sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, TemplateNotFound

from web.words.i18n import lang


class PrintTemplates(FileSystemLoader):
    """The instance folder's own print templates (``print/…`` only)."""

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        """The union's file for ``template``, if it is a print template it has."""
        if not template.startswith("print/"):
            raise TemplateNotFound(template)
        return super().get_source(environment, template)

    def list_templates(self) -> list[str]:
        """The print templates the union has adapted."""
        return [name for name in super().list_templates() if name.startswith("print/")]


def tr(chinese: str, english: str) -> str:
    """The wording of a document in the request's language."""
    return english if lang() == "en" else chinese


def init_app(app: Flask, instance_path: Path) -> None:
    """Look up print templates in ``<instance_path>/templates`` first, then the app's own;
    give the templates :func:`tr`. Called before anything else uses ``app.jinja_env``."""
    own: BaseLoader = PrintTemplates(str(instance_path / "templates"))
    app.jinja_options = {**app.jinja_options,
                         "loader": ChoiceLoader([own, app.create_global_jinja_loader()])}
    app.jinja_env.globals["tr"] = tr
