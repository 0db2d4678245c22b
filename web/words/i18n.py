"""Language: Simplified Chinese by default, English on request; dates the Chinese way."""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import urlencode

from flask import Flask, request, session
from flask_babel import format_date, get_locale
from werkzeug.datastructures import MultiDict

from domain.clock import CHINA
from domain.labels import label as domain_label

LANGUAGES = {"zh": "zh_Hans_CN", "en": "en"}


def select_locale() -> str:
    """``?lang=`` (remembered in the session), else the session's choice, else Chinese.
    The JSON API keeps no session: ``?lang=``, else Accept-Language, else Chinese."""
    wanted = request.args.get("lang")
    if request.path.startswith("/api/") and request.endpoint != "api_docs":
        chosen = wanted or request.accept_languages.best_match(["zh", "en"], default="zh")
        return LANGUAGES.get(chosen, LANGUAGES["zh"])
    if wanted in LANGUAGES:
        session["lang"] = wanted
    return LANGUAGES[session.get("lang", "zh")]


def lang() -> str:
    """``zh`` or ``en`` for the current request."""
    return "en" if str(get_locale()).startswith("en") else "zh"


def show_date(value: date | datetime | str | None) -> str:
    """A date as people write it: 2025年3月1日, or 1 Mar 2025 in English."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = value.astimezone(CHINA) if value.tzinfo else value
    return format_date(value, "long" if lang() == "zh" else "medium")


def show_time(value: datetime | None) -> str:
    """A recording time in China time, e.g. 2025-03-01 14:05."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def label(vocabulary: str, value: object) -> str:
    """A vocabulary word in the current language."""
    return domain_label(vocabulary, str(value), lang())


def urlencode_without(args: MultiDict[str, str], key: str) -> str:
    """The query string of ``args`` without ``key`` (for pagination links)."""
    return urlencode([(k, v) for k, v in args.items(multi=True) if k != key])


def init_app(app: Flask) -> None:
    """Register the template helpers."""
    app.jinja_env.globals.update(label=label, lang=lang)
    app.jinja_env.filters.update(show_date=show_date, show_time=show_time,
                                 urlencode_without=urlencode_without)
