"""A correction in the worker's own terms: the form of the step that recorded an entry,
filled in with what the entry says now, plus the reason for the change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from flask_babel import lazy_gettext as _
from marshmallow import Schema

from domain.entries import Entry
from domain.procedure.opening import CaseOpened
from domain.procedure.registry import step_recording
from web.forms.base import StepSchema
from web.forms.fields import text
from web.forms.listed import ListedText
from web.forms.parsing import widgets
from web.forms.preparation import OpenCaseSchema
from web.forms.registry import BY_SLUG

RENAMED = {"new_name": "name"}
"""Inputs whose fact is stored under another name inside a record (a replacement's name)."""


@cache
def restating_schema(entry_type: str) -> type[Schema] | None:
    """The step's own form with a required reason (None: the entry is not correctable)."""
    if entry_type == CaseOpened.__name__:
        base: type[Schema] = OpenCaseSchema
    else:
        step = step_recording(entry_type)
        form = BY_SLUG.get(step.name) if step else None
        if form is None or step is None or step.rewrites_history:
            return None
        base = form.schema
    fields_: dict[str, Any] = {"reason": text(_("Why it is corrected"), long=True)}
    if not issubclass(base, StepSchema):
        fields_["expected_version"] = StepSchema._declared_fields["expected_version"]
    return type(f"Restating{base.__name__}", (base,), fields_)


def schema_for(entry_type: str) -> Schema | None:
    """An instance of :func:`restating_schema` (the opening's without its token)."""
    schema = restating_schema(entry_type)
    if schema is None:
        return None
    return schema(exclude=("case_token",)) if entry_type == CaseOpened.__name__ else schema()


def keeping_listed(schema: Schema, entry: Entry) -> Schema:
    """Let a listed input (a town, an industry) keep the entry's value as it stands, even
    one typed before the lists were used: only a new value must come from the list."""
    facts = {"occurred_on": entry.occurred_on, **entry.facts}
    for name, field in schema.fields.items():
        kept = _fact(facts, name)
        if isinstance(field, ListedText) and isinstance(kept, str) and kept:
            field.find = _or_kept(field.find, kept)
    return schema


def _or_kept(find: Callable[[str], str | None], kept: str) -> Callable[[str], str | None]:
    return lambda text: kept if text.strip() == kept else find(text)


def correctable(entry: Entry) -> bool:
    """Whether ``entry`` has a form to correct it by."""
    return restating_schema(entry.type) is not None


def _fact(facts: dict[str, Any], name: str) -> Any:
    if name in facts:
        return facts[name]
    for inner in facts.values():
        if isinstance(inner, dict) and RENAMED.get(name, name) in inner:
            return inner[RENAMED.get(name, name)]
    return None


def _shown(value: Any, widget: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("y" if value else "") if widget == "checkbox" else str(value).lower()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and widget == "number":
        return str(int(value))
    return value if isinstance(value, list | dict) else str(value)


def prefilled(schema: Schema, entry: Entry, expected_version: int) -> dict[str, Any]:
    """What the form shows: each input with the entry's fact (corrections overlaid)."""
    facts = {"occurred_on": entry.occurred_on, **entry.facts}
    values: dict[str, Any] = {"expected_version": str(expected_version), "reason": ""}
    for widget in widgets(schema):
        if widget.name in values:
            continue
        value = _fact(facts, widget.name)
        if widget.widget == "rows":
            values[widget.name] = [{c.name: _shown(row.get(c.name), c.widget) for c in
                                    widget.columns} for row in value or []]
        elif widget.widget in ("lines", "picks"):
            values[widget.name] = [str(v) for v in value or []]
        else:
            values[widget.name] = _shown(value, widget.widget)
    return values

