"""Template helpers for recorded facts shown as they are typed: the correction form lists
each correctable fact by its name in words, the name to type, and its value as it is typed
(dates as YYYY-MM-DD, yes or no in the reader's language, not Python's True and False)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask
from flask_babel import gettext as _

from domain.vocabulary import fact_label
from web.words.i18n import lang

# Facts copied from settings, not typed by anyone (the history hides them too).
HIDDEN_FACTS = frozenset({"profile"})


def yes_no(value: Any) -> Any:
    """``True``/``False`` as yes or no in the reader's language; anything else unchanged."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value


def typed_value(path: str, value: Any) -> tuple[str, str | None]:
    """A fact's value in words, and the code to type to correct it when that differs from
    the words (a stored vocabulary value such as ``union`` or ``social_worker``)."""
    if value is None or value == "":
        return "—", None
    if isinstance(value, bool):
        return str(yes_no(value)), None
    if isinstance(value, date):
        return value.isoformat(), None
    if isinstance(value, str):
        words = _vocabulary_word(path.rpartition(".")[2], value)
        return (words, value) if words != value else (value, None)
    return str(value), None


def _vocabulary_word(key: str, value: str) -> str:
    from web.words.history import VOCABULARY_OF, show_value
    from web.words.i18n import label

    if key == "role":
        return label("role", value)
    return show_value(value, VOCABULARY_OF.get(key))


def fact_name(path: str) -> str:
    """The words for a fact's name (``key_terms.minimum_wage`` → 主要条款 · …), as far as the
    history screens know them; empty if they know none of it."""
    found = fact_label(path, lang())
    return "" if found == path else found


def correctable_facts(occurred_on: date, facts: dict[str, Any]) -> list[tuple[str, Any]]:
    """``(path, value)`` of each fact a correction may name: one-level dicts are opened up,
    lists (changed through their own entries) and settings are left out."""
    found: list[tuple[str, Any]] = [("occurred_on", occurred_on)]
    for key, value in facts.items():
        if key in HIDDEN_FACTS:
            continue
        if isinstance(value, dict):
            found += [(f"{key}.{inner}", v) for inner, v in value.items()]
        elif isinstance(value, str) or not hasattr(value, "__iter__"):
            found.append((key, value))
    return found


def init_app(app: Flask) -> None:
    """Register the helpers with the templates."""
    app.jinja_env.filters.update(yes_no=yes_no)
    app.jinja_env.globals.update(fact_name=fact_name, typed_value=typed_value,
                                 correctable_facts=correctable_facts)
