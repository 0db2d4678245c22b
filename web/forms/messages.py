"""marshmallow's own messages as the app's error codes, naming the field they belong to.

marshmallow answers in English ("Not a valid integer.", "Missing data for required field.",
"Field may not be null."). The app's fields mostly give codes instead (``invalid_integer``,
``required``, see :mod:`web.forms.fields`), which :func:`web.forms.errors.error_text` words in
the reader's language; but a field or validator left with marshmallow's default would show
English on a Chinese page. :func:`code_of` turns every default message of the field types
and validators the app uses into the matching code, wherever the message comes from (a form,
the API, a query string).

:func:`name_field` makes a field's messages (its own and its validators') carry the field's
label (:class:`FieldCode`), so that a form error can name its field;
:class:`web.forms.base.FormSchema` calls it for every field it binds.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import fields


class FieldCode(str):
    """An error code that carries its field's label, so that the words can name the field.
    Filling in its placeholders (as marshmallow does) keeps the label."""

    label: Any

    def __new__(cls, code: str, label: Any = None) -> FieldCode:
        made = super().__new__(cls, code)
        made.label = label
        return made

    def __getnewargs__(self) -> tuple[str, Any]:  # type: ignore[override]
        return str(self), self.label

    def format(self, *args: Any, **kwargs: Any) -> FieldCode:
        """The code with its placeholders filled in, still naming the field."""
        return FieldCode(super().format(*args, **kwargs), self.label)


# marshmallow's English messages (the default of each field type and validator the app uses)
# and the code each stands for; ``{name}`` matches any text and may reappear in the code.
DEFAULTS: tuple[tuple[str, str], ...] = (
    ("Missing data for required field.", "required"),
    ("Field may not be null.", "required"),
    ("Invalid value.", "invalid_value"),
    ("Not a valid string.", "invalid_text"),
    ("Not a valid utf-8 string.", "invalid_text"),
    ("Not a valid integer.", "invalid_integer"),
    ("Not a valid number.", "invalid_number"),
    ("Number too large.", "invalid_number"),
    ("Special numeric values (nan or infinity) are not permitted.", "invalid_number"),
    ("Not a valid boolean.", "invalid_choice"),
    ("Not a valid date.", "invalid_date"),
    ('"{input}" cannot be formatted as a date.', "invalid_date"),
    ("Not a valid datetime.", "invalid_datetime"),
    ('"{input}" cannot be formatted as a datetime.', "invalid_datetime"),
    ("Must be one of: {choices}.", "invalid_choice"),
    ("Not a valid list.", "invalid_list"),
    ("Not a valid tuple.", "invalid_list"),
    ("Invalid type.", "invalid_object"),
    ("Invalid input type.", "invalid_object"),
    ("Not a valid mapping type.", "invalid_object"),
    ("Not a valid UUID.", "invalid_id"),
    ("Unknown field.", "unknown_field"),
    ("Must be greater than or equal to {min} and less than or equal to {max}.",
     "range:{min}:{max}"),
    ("Must be greater than or equal to {min}.", "min:{min}"),
    ("Must be less than or equal to {max}.", "max:{max}"),
    ("Longer than maximum length {max}.", "length:{max}"),
    ("Shorter than minimum length {min}.", "min_length:{min}"),
    ("Length must be between {min} and {max}.", "length_between:{min}:{max}"),
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)  # text, name, text, name, ..., text
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                    for i, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)


_MATCHERS = [(_pattern(english), code) for english, code in DEFAULTS]


def code_of(message: str) -> str:
    """The app's code for one of marshmallow's English messages; any other message as it is.
    A :class:`FieldCode` keeps its label."""
    for pattern, code in _MATCHERS:
        found = pattern.match(str(message))
        if found:
            made = code.format(**found.groupdict())
            label = getattr(message, "label", None)
            return FieldCode(made, label) if label is not None else made
    return message


def _named(message: Any, label: Any) -> Any:
    if isinstance(message, str) and not isinstance(message, FieldCode):
        return FieldCode(code_of(message), label)
    return message


def name_field(field: fields.Field, label: Any = None) -> None:
    """Make the messages of ``field`` (and of its validators, and of the items of a list)
    carry ``label`` (by default the field's own), so an error can name the field."""
    label = label if label is not None else field.metadata.get("label")
    if label is None:
        return
    for key, message in list(field.error_messages.items()):
        field.error_messages[key] = _named(message, label)
    for validator in field.validators:
        for attribute in ("error", "message"):
            words = getattr(validator, attribute, None)
            if isinstance(words, str):
                setattr(validator, attribute, _named(words, label))
    inner = getattr(field, "inner", None)
    if isinstance(inner, fields.Field) and not isinstance(inner, fields.Nested):
        name_field(inner, label)
