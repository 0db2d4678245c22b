"""Form errors: marshmallow's and the domain's, keyed by the input they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _

from domain.errors import Breach
from web.i18n import lang

TOP = "_top"
# Breach fields that name a form input differently (the rules speak of a side).
ALIASES = {"workers_side": "worker_side", "changes": "field", "assigned_to": TOP}


class FieldCode(str):
    """An error code that carries its field's label, so that the words can name the field."""

    label: Any

    def __new__(cls, code: str, label: Any) -> FieldCode:
        made = super().__new__(cls, code)
        made.label = label
        return made


def _label(code: str) -> Any:
    return getattr(code, "label", None) or _("This field")


def error_text(code: str) -> str:
    """The words for an error code from :mod:`web.forms.fields` (a :class:`FieldCode`
    names its field)."""
    key, *params = str(code).split(":")
    if key == "characters" and params:
        return _("“%(field)s” contains a character that is not allowed (%(char)s): control "
                 "characters such as NUL and broken Unicode are refused.",
                 field=_label(code), char=params[0])
    if key == "line_break":
        return _("“%(field)s” takes one line: no line breaks or tabs.", field=_label(code))
    if key == "date_range" and len(params) == 2:
        return _("Enter a date between %(low)s and %(high)s.", low=params[0], high=params[1])
    if key == "items" and params:
        return _("At most %(count)s entries.", count=params[0])
    if key == "file_name" and params:
        return _("The file's name contains a character that is not allowed (%(char)s).",
                 char=params[0])
    if key == "required":
        return _("Please fill this in.")
    if key == "invalid_date":
        return _("Enter a date as YYYY-MM-DD.")
    if key == "invalid_integer":
        return _("Enter a whole number.")
    if key == "invalid_number":
        return _("Enter a number.")
    if key == "invalid_choice":
        return _("Choose one of the options.")
    if key == "min" and params:
        return _("At least %(low)s.", low=params[0])
    if key == "range" and len(params) == 2:
        return _("Between %(low)s and %(high)s.", low=params[0], high=params[1])
    if key == "length" and params:
        return _("At most %(count)s characters.", count=params[0])
    if key == "file_too_large":
        return _("The file is larger than %(mb)s MB.", mb=params[0] if params else "10")
    if key == "file_type":
        return _("Only PDF, JPEG, PNG and Word, Excel or PowerPoint files are accepted.")
    if key == "file_missing":
        return _("Choose a file to upload.")
    if key == "no_such_account":
        return _("Choose a social worker of this case's region.")
    if key == "invalid_base64":
        return _("Send the file's bytes in base64.")
    if key == "until_before_since":
        return _("The end date is before the start date.")
    if key == "invalid_text":
        return _("Enter text.")
    if key == "value_kind":
        return _("The new value is not of the same kind as the old one.")
    return _("This value is not accepted.")


def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Marshmallow's nested error dict as ``{"demands-0-text": ["..."], ...}``."""
    found: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            name = f"{prefix}-{key}" if prefix else str(key)
            for inner, texts in flatten(value, name).items():
                found.setdefault(inner, []).extend(texts)
    elif isinstance(messages, list | tuple):
        for item in messages:
            if isinstance(item, dict | list):
                for inner, texts in flatten(item, prefix).items():
                    found.setdefault(inner, []).extend(texts)
            else:
                found.setdefault(prefix or TOP, []).append(error_text(item))
    else:
        found.setdefault(prefix or TOP, []).append(error_text(messages))
    return found


def breach_errors(breaches: Iterable[Breach]) -> dict[str, list[str]]:
    """Domain refusals, each at the input its rule names (or at the top of the form)."""
    found: dict[str, list[str]] = {}
    for breach in breaches:
        name = ALIASES.get(breach.field or TOP, breach.field or TOP)
        found.setdefault(name, []).append(breach.message(lang()))
    return found


def placed(errors: dict[str, list[str]], names: Iterable[str]) -> dict[str, list[str]]:
    """Errors whose input is not on the form move to the top."""
    known = set(names)
    result: dict[str, list[str]] = {}
    for name, texts in errors.items():
        result.setdefault(name if name in known else TOP, []).extend(texts)
    return result
