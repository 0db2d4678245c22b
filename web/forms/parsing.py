"""From an HTML form to a schema's input, and from a schema to what the template shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marshmallow import Schema, fields
from werkzeug.datastructures import MultiDict


@dataclass(frozen=True)
class Widget:
    """One input (or list of inputs) as the form template draws it."""

    name: str
    label: Any
    widget: str
    required: bool
    choices: list[tuple[str, Any]] = field(default_factory=list)
    rows: int = 0
    columns: list[Widget] = field(default_factory=list)
    source: str = ""


def _row_schema(list_field: fields.Field) -> Schema:
    inner = list_field.inner  # type: ignore[attr-defined]
    schema = inner.schema
    assert isinstance(schema, Schema)
    return schema


def _texty(value_field: fields.Field) -> bool:
    return isinstance(value_field, fields.String)


def widgets(schema: Schema) -> list[Widget]:
    """The schema's fields in order, as template widgets."""
    found = []
    for name, item in schema.fields.items():
        meta = item.metadata
        kind = meta.get("widget", "text")
        columns = widgets(_row_schema(item)) if kind == "rows" else []
        found.append(Widget(name, meta.get("label", name), kind, bool(item.required),
                            list(meta.get("choices", [])), int(meta.get("rows", 0)), columns,
                            str(meta.get("source", ""))))
    return found


def input_names(schema: Schema) -> list[str]:
    """Every input name the form has (list rows as ``name-0-column``)."""
    names = []
    for widget in widgets(schema):
        names.append(widget.name)
        for index in range(widget.rows):
            names.append(f"{widget.name}-{index}")
            names += [f"{widget.name}-{index}-{c.name}" for c in widget.columns]
    return names


def raw_values(schema: Schema, form: MultiDict[str, str]) -> dict[str, Any]:
    """What the user typed, shaped like the schema (blank list rows left out)."""
    values: dict[str, Any] = {}
    for name, item in schema.fields.items():
        kind = item.metadata.get("widget")
        count = int(item.metadata.get("rows", 0))
        if kind == "rows":
            inner = _row_schema(item)
            found = []
            for index in range(count):
                row = {col: form.get(f"{name}-{index}-{col}", "") for col in inner.fields}
                if any(str(row[col]).strip() for col, f in inner.fields.items() if _texty(f)):
                    found.append(row)
            values[name] = found
        elif kind == "picks":
            values[name] = [v for v in form.getlist(name) if v.strip()]
        elif kind == "lines":
            typed = (form.get(f"{name}-{index}", "").strip() for index in range(count))
            values[name] = [line for line in typed if line]
        else:
            values[name] = form.get(name, "")
    return values


def loadable(schema: Schema, values: dict[str, Any]) -> dict[str, Any]:
    """The values the schema loads: blank non-text inputs count as not given."""
    data: dict[str, Any] = {}
    for name, value in values.items():
        item = schema.fields.get(name)
        if item is None:
            continue
        if item.metadata.get("widget") == "rows":
            inner = _row_schema(item)
            data[name] = [loadable(inner, row) for row in value]
        elif isinstance(value, str) and not _texty(item) and not value.strip():
            continue
        else:
            data[name] = value.strip() if isinstance(value, str) and not _texty(item) else value
    return data
