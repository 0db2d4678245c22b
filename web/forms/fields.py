"""Field factories for the step forms: marshmallow fields that also know how to be shown.

Each field carries ``metadata`` the form template reads: ``label``, ``widget`` (text,
textarea, date, number, checkbox, select, rows, lines, hidden, dynamic) and, for lists,
``rows`` (how many blank rows the page offers, so it works without JavaScript).
Error messages are short codes (``required``, ``range:1:10``) turned into words by
:func:`web.forms.errors.error_text` in the user's language.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from flask_babel import LazyString
from marshmallow import ValidationError, fields, validate

from domain.labels import ENUM_VOCABULARY
from web.forms.bounds import FIRST_BUSINESS_DAY, LAST_DAY, WHOLE_ERRORS, Whole, between
from web.forms.clean_text import Text
from web.words.i18n import label as label_of

TEXT_MAX = 200
LONG_TEXT_MAX = 20000
REQUIRED: dict[str, Any] = {"required": "required", "null": "required"}


class NotBlank(validate.Validator):
    """A text with something in it besides spaces."""

    def __init__(self, error: str = "required"):
        self.message = error

    def __call__(self, value: str) -> str:
        if not value.strip():
            raise ValidationError(self.message)
        return value


def _range(low: float | None, high: float | None) -> list[validate.Validator]:
    if low is None and high is None:
        return []
    if high is None:
        return [validate.Range(min=low, error="min:{min}")]
    return [validate.Range(min=low, max=high, error="range:{min}:{max}")]


def _optional(required: bool) -> dict[str, Any]:
    """A field left blank loads as None unless it is required."""
    return {} if required else {"load_default": None}


def text(label: Any = None, *, required: bool = True, long: bool = False,
         max_len: int | None = None,
         widget: str | None = None) -> Text:
    """A text (``long``: a textarea, several lines); required texts may not be blank."""
    limit = max_len or (LONG_TEXT_MAX if long else TEXT_MAX)
    checks: list[validate.Validator] = [validate.Length(max=limit, error="length:{max}")]
    if required:
        checks.append(NotBlank(error="required"))
    extra: dict[str, Any] = {} if required else {"load_default": ""}
    return Text(multiline=long, required=required, validate=checks, **extra,
                error_messages={**REQUIRED, "invalid": "invalid_text"},
                metadata={"label": label, "widget": widget or ("textarea" if long else "text")})


def day(label: Any = None, *, required: bool = True) -> fields.Date:
    """A business date typed as YYYY-MM-DD (the browser's date picker), within bounds."""
    return fields.Date(required=required, **_optional(required),
                       validate=between(FIRST_BUSINESS_DAY, LAST_DAY),
                       error_messages={**REQUIRED, "invalid": "invalid_date",
                                       "format": "invalid_date"},
                       metadata={"label": label, "widget": "date"})


def whole(label: Any = None, *, low: int | None = 0, high: int | None = None,
          required: bool = True, widget: str = "number") -> Whole:
    """A whole number between ``low`` and ``high`` (a fraction is refused, not cut)."""
    return Whole(required=required, **_optional(required), validate=_range(low, high),
                 error_messages={**REQUIRED, **WHOLE_ERRORS},
                 metadata={"label": label, "widget": widget})


def decimal(label: Any = None, *, low: float, high: float) -> fields.Float:
    """An optional number with decimals (percentages, hours)."""
    return fields.Float(required=False, load_default=None, allow_nan=False,
                        validate=_range(low, high),
                        error_messages={**REQUIRED, "invalid": "invalid_number",
                                        "special": "invalid_number"},
                        metadata={"label": label, "widget": "decimal"})


def flag(label: Any = None) -> fields.Boolean:
    """A checkbox: ticked or not."""
    return fields.Boolean(load_default=False, error_messages={"invalid": "invalid_choice"},
                          metadata={"label": label, "widget": "checkbox"})


def yes_no(label: Any, yes: Any, no: Any) -> fields.Boolean:
    """A required choice between two answers, shown as a select."""
    return fields.Boolean(required=True, error_messages={**REQUIRED,
                                                          "invalid": "invalid_choice"},
                          metadata={"label": label, "widget": "select",
                                    "choices": [("true", yes), ("false", no)]})


def word(enum: type[StrEnum], value: StrEnum) -> LazyString:
    """The name of ``value`` in the domain's vocabulary, in the language of the request
    that shows it."""
    return LazyString(label_of, ENUM_VOCABULARY[enum], value)


def choice(label: Any, enum: type[StrEnum]) -> fields.Enum:
    """One value of a domain vocabulary, shown as a select with translated names."""
    return fields.Enum(enum, by_value=True, required=True,
                       error_messages={**REQUIRED, "unknown": "invalid_choice"},
                       metadata={"label": label, "widget": "select",
                                 "choices": [(str(v), word(enum, v)) for v in enum]})


def picked(label: Any, source: str) -> Text:
    """A select whose options the view computes from the case (``source`` names them)."""
    return Text(required=True, validate=validate.Length(min=1, error="required"),
                error_messages={**REQUIRED, "invalid": "invalid_text"},
                metadata={"label": label, "widget": "dynamic", "source": source})


def _at_most(count: int) -> validate.Length:
    return validate.Length(max=count, error="items:{max}")


def rows(label: Any, schema: Any, count: int) -> fields.List:
    """A list of records typed into ``count`` fixed rows (at most ``count`` through the API);
    blank rows are ignored."""
    return fields.List(fields.Nested(schema), load_default=list, validate=_at_most(count),
                       metadata={"label": label, "widget": "rows", "rows": count})


def lines(label: Any, count: int, *, max_len: int = TEXT_MAX) -> fields.List:
    """A list of one-line texts typed into ``count`` fixed inputs (at most ``count`` through
    the API); blank ones are ignored."""
    item = Text(validate=validate.Length(max=max_len, error="length:{max}"),
                error_messages={"invalid": "invalid_text"}, metadata={"label": label})
    return fields.List(item, load_default=list, validate=_at_most(count),
                       metadata={"label": label, "widget": "lines", "rows": count})


TIME_OF_DAY = r"([01][0-9]|2[0-3]):[0-5][0-9]"


def clock_time(label: Any) -> Text:
    """An optional time of day typed as HH:MM (24 hours; blank: not given)."""
    return Text(required=False, load_default="",
                validate=validate.Regexp(f"^({TIME_OF_DAY})?$", error="invalid_time"),
                error_messages={"invalid": "invalid_text"},
                metadata={"label": label, "widget": "time"})


def picks(label: Any, source: str, count: int) -> fields.List:
    """Several of the options the view computes from the case (``source`` names them),
    ticked as checkboxes; none ticked: not given (``None``)."""
    item = Text(validate=validate.Length(min=1, max=TEXT_MAX, error="length:{max}"),
                error_messages={"invalid": "invalid_text"}, metadata={"label": label})
    return fields.List(item, load_default=None, allow_none=True, validate=_at_most(count),
                       error_messages={"null": "invalid_list"},
                       metadata={"label": label, "widget": "picks", "source": source})
