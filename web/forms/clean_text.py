"""The one check every text sent to the app passes: forms, the JSON API, corrections, query
strings, file names, login and account forms.

Refused everywhere: NUL and the other control characters (C0, DEL, C1) and lone surrogates
(half of a UTF-16 pair: no encoder takes one, so neither the hash chain nor PostgreSQL nor a
response could). Tab and line breaks are allowed in multi-line texts only (findings,
minutes, notes, reasons, contract text); names and other one-line texts refuse them too.
Emoji, right-to-left text and other printable Unicode pass.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields

from web.forms.errors import error_text
from web.forms.messages import FieldCode

_NEVER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")


def refusal(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` is refused, as an error code naming the first character refused
    (``characters:U+0000``, ``line_break:U+000A``); None if it is fine."""
    found = _NEVER.search(text)
    key = "characters"
    if not found and not multiline:
        found, key = _LINE_BREAKS.search(text), "line_break"
    return f"{key}:U+{ord(found.group()):04X}" if found else None


def text_error(text: str, label: Any, *, multiline: bool = False) -> str | None:
    """The words (naming ``label``) for a text :func:`refusal` refuses; None if it is fine."""
    code = refusal(text, multiline=multiline)
    return error_text(FieldCode(code, label)) if code else None


class Text(fields.String):
    """A string field that passes :func:`refusal`; the error names the field's label."""

    def __init__(self, *, multiline: bool = False, **kwargs: Any):
        self.multiline = multiline
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        code = refusal(text, multiline=self.multiline)
        if code:
            label = self.metadata.get("label") or attr or self.name
            raise ValidationError(FieldCode(code, label))
        return text
