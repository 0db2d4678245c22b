"""Form errors: marshmallow's and the domain's, keyed by the input they belong to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from flask_babel import gettext as _

from domain.errors import Breach
from web.forms.messages import code_of
from web.words.i18n import lang

TOP = "_top"
# Breach fields that name a form input differently (the rules speak of a side).
ALIASES = {"workers_side": "worker_side", "changes": "field", "assigned_to": TOP}


def _label(code: str) -> Any:
    return getattr(code, "label", None) or _("This field")


def error_text(code: str, *, named: bool = False) -> str:
    """The words for an error code from :mod:`web.forms.fields`, or for one of marshmallow's
    own messages (:mod:`web.forms.messages`). ``named``: a ``FieldCode`` names its field
    (as a form does; the API names fields by their keys)."""
    code = code_of(code)
    key = str(code).split(":")[0]
    words = _words(code)
    label = getattr(code, "label", None)
    if not named or label is None or key in ("characters", "line_break"):
        return words
    if key == "required":
        return _("Please fill in “%(field)s”.", field=label)
    return _("“%(field)s”: %(problem)s", field=label, problem=words)


def _words(code: str) -> str:
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
    if key == "invalid_time":
        return _("Enter a time of day as HH:MM.")
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
    return _more_words(key, params)


def _more_words(key: str, params: list[str]) -> str:
    """Words for the codes of marshmallow's own messages (:mod:`web.forms.messages`)."""
    if key == "max" and params:
        return _("At most %(high)s.", high=params[0])
    if key == "min_length" and params:
        return _("At least %(count)s characters.", count=params[0])
    if key == "length_between" and len(params) == 2:
        return _("Between %(low)s and %(high)s characters.", low=params[0], high=params[1])
    if key == "invalid_datetime":
        return _("Enter a date and time as YYYY-MM-DDTHH:MM:SS.")
    if key == "invalid_list":
        return _("Enter a list.")
    if key == "invalid_object":
        return _("Enter an object with named fields.")
    if key == "invalid_id":
        return _("This is not a valid id.")
    if key == "unknown_field":
        return _("This field is not part of this request.")
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
                found.setdefault(prefix or TOP, []).append(error_text(item, named=True))
    else:
        found.setdefault(prefix or TOP, []).append(error_text(messages, named=True))
    return found


def breach_errors(breaches: Iterable[Breach],
                  labels: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """Domain refusals, each at the input its rule names (or at the top of the form). A
    refusal naming a field (``{"field": "reason"}``) names it by its label in ``labels``."""
    found: dict[str, list[str]] = {}
    for breach in breaches:
        name = ALIASES.get(breach.field or TOP, breach.field or TOP)
        named = (labels or {}).get(str(breach.params.get("field")))
        if named is not None:
            breach = replace(breach, params={**breach.params, "field": str(named)})
        found.setdefault(name, []).append(breach.message(lang()))
    return found


def breach_texts(breaches: Iterable[Breach], labels: Mapping[str, Any]) -> list[str]:
    """Domain refusals as a list of texts, naming fields by their ``labels``."""
    return [text for texts in breach_errors(breaches, labels).values() for text in texts]


def placed(errors: dict[str, list[str]], names: Iterable[str]) -> dict[str, list[str]]:
    """Errors whose input is not on the form move to the top."""
    known = set(names)
    result: dict[str, list[str]] = {}
    for name, texts in errors.items():
        result.setdefault(name if name in known else TOP, []).extend(texts)
    return result
