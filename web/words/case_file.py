"""Words of the case file: each fact by its name, its value with its unit, lists of records
as tables (see :mod:`domain.case_file`). Called inside a request."""

from __future__ import annotations

from typing import Any

from flask import Flask

from domain.case_file import Fact
from domain.messages import render
from domain.vocabulary import BY_PATH, fact_label, with_unit
from web.words.history import VOCABULARY_OF, show_value
from web.words.i18n import label, lang


def fact_value(key: str, value: Any) -> str:
    """A fact's value in words: numbers with their unit, vocabulary in the reader's words."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return with_unit(key, value, lang())
    return show_value(value, VOCABULARY_OF.get(key.rpartition(".")[2]))


def fact_name(fact: Fact) -> str:
    """A fact's name in the reader's language: within a mapping, its own name unless the
    catalog names the whole path (an enterprise's ``name`` is its 企业名称)."""
    whole = fact_label(fact.key, lang())
    if fact.key in BY_PATH:
        return whole
    return fact_label(fact.key.rpartition(".")[2], lang())


def record_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """A list of records as a table: headers, then each record's values in words."""
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    headers = [fact_label(key, lang()) for key in columns]
    return headers, [[fact_value(key, row.get(key)) for key in columns] for row in rows]


def attention_words(flag: str) -> str:
    """A list's flag (``RatificationVoted:vote_failed``) in words: 职代会/全体职工审议：未通过."""
    event, _sep, key = flag.partition(":")
    colon = "：" if lang() == "zh" else ": "
    return f"{label('event', event)}{colon}{render(key, lang())}"


def init_app(app: Flask) -> None:
    """Register the helpers with the templates."""
    app.jinja_env.globals.update(fact_value=fact_value, file_fact_name=fact_name,
                                 record_table=record_table, attention_words=attention_words)
