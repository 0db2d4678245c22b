"""marshmallow's own messages, for every field type the app uses, read in Chinese and in
English (:mod:`web.forms.messages`), and a form's error names its field by its label."""

from __future__ import annotations

import enum
import re
from typing import Any

import pytest
from flask import Flask
from marshmallow import Schema, ValidationError, fields, validate

from web.forms.base import FormSchema
from web.forms.errors import error_text, flatten
from web.forms.fields import text, whole

DEFAULTS = re.compile(r"Not a valid|Missing data|may not be null|Invalid|Must be|Unknown field|"
                      r"Longer than|Shorter than|Length must|Number too large")
DATE_PATTERN = re.compile(r"YYYY-MM-DD(THH:MM:SS)?")


class Colour(enum.Enum):
    """A vocabulary for the Enum field."""

    RED = "red"


class Row(Schema):
    """A nested row."""

    name = fields.String(required=True)


# field type -> (the field, a value it refuses); each also refuses None and absence.
FIELDS: dict[str, tuple[fields.Field, Any]] = {
    "String": (fields.String(required=True), 12),
    "Integer": (fields.Integer(required=True), "many"),
    "Float": (fields.Float(required=True, allow_nan=False), "nan"),
    "Boolean": (fields.Boolean(required=True), "perhaps"),
    "Date": (fields.Date(required=True), "2025-02-30"),
    "DateTime": (fields.DateTime(required=True), "yesterday"),
    "Enum": (fields.Enum(Colour, by_value=True, required=True), "blue"),
    "List": (fields.List(fields.String(), required=True), "a, b"),
    "Nested": (fields.Nested(Row, required=True), "row"),
    "UUID": (fields.UUID(required=True), "case-1"),
    "Dict": (fields.Dict(required=True), [1]),
    "Range": (fields.Integer(required=True, validate=validate.Range(1, 9)), 10),
    "Length": (fields.String(required=True, validate=validate.Length(max=2)), "abc"),
}


def _messages(field: fields.Field, value: Any) -> list[str]:
    schema = Schema.from_dict({"x": field})()
    found = []
    for data in ({"x": value}, {"x": None}, {}, {"x": 1, "y": 2}, []):
        try:
            schema.load(data)  # type: ignore[arg-type]
        except ValidationError as error:
            found += [m for ms in flatten(error.messages).values() for m in ms]
    return found


@pytest.mark.parametrize("name", list(FIELDS))
def test_every_message_of_a_field_type_reads_in_both_languages(app: Flask, name: str) -> None:
    field, value = FIELDS[name]
    with app.test_request_context("/?lang=zh"):
        chinese = _messages(field, value)
    with app.test_request_context("/?lang=en"):
        english = _messages(field, value)
    assert len(chinese) >= 4
    for message in chinese:
        assert re.search(r"[\u4e00-\u9fff]", message), message
        assert not re.search(r"[A-Za-z]{3,}", DATE_PATTERN.sub("", message)), message
    for message in english:
        assert not DEFAULTS.search(message), message
        assert message != "This value is not accepted.", message


class Opening(FormSchema):
    """A form with labelled fields."""

    name = text("Enterprise name")
    headcount = whole("Headcount", low=1)


def test_a_form_error_names_its_field(app: Flask) -> None:
    with app.test_request_context("/?lang=en"):
        try:
            Opening().load({"name": " ", "headcount": "0.5"})
        except ValidationError as error:
            errors = flatten(error.messages)
        assert errors == {"name": ["Please fill in “Enterprise name”."],
                          "headcount": ["“Headcount”: Enter a whole number."]}
        assert error_text("Not a valid integer.") == "Enter a whole number."
