"""Confirming sanity warnings (:mod:`domain.rules.sanity`): the ``confirm_warnings`` input of
the steps that can raise them, and the warnings' words for a page or a problem document.

A form that raises warnings is shown again with them and an unticked box; the step is
recorded once the box is ticked (through the API: once ``confirm_warnings`` is true).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _
from marshmallow import fields

from domain.rules.sanity import CONFIRM_FIELD, WarningsUnconfirmed
from web.words.i18n import lang

DESCRIPTION = ("Send true to record the step although it raises warnings (a minimum wage "
               "below the local minimum, more than 40 hours a week, a vote of all workers "
               "not counting the headcount). Without it such a request is answered 422 with "
               "type warnings-unconfirmed, listing them in `warnings`, and nothing is recorded.")


def confirm_warnings() -> fields.Boolean:
    """The box the worker ticks to save despite the warnings shown (hidden until then)."""
    return fields.Boolean(load_default=False, error_messages={"invalid": "invalid_choice"},
                          metadata={"label": _("I have checked these warnings: save anyway"),
                                    "widget": "checkbox", "description": DESCRIPTION})


def warning_words(error: WarningsUnconfirmed) -> list[str]:
    """The warnings of ``error`` in the reader's language."""
    return [caution.message(lang()) for caution in error.cautions]


def warning_items(error: WarningsUnconfirmed) -> list[dict[str, Any]]:
    """The warnings of ``error`` as the API lists them: the rule's key, its figures and
    the words."""
    return [{"key": c.key, "params": c.params, "message": c.message(lang())}
            for c in error.cautions]


def drawn_apart(widgets: list[Any]) -> list[Any]:
    """The form's widgets less the confirmation box, which the form template draws with the
    warnings, and only when there are warnings to confirm."""
    return [w for w in widgets if w.name != CONFIRM_FIELD]
