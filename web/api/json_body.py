"""Reading a JSON body: its nesting is bounded before it is parsed, and whatever the parser
refuses (bad UTF-8, bad syntax, a number of thousands of digits) is a 400 problem.

Python's parser recurses once per level and raises ``RecursionError`` near a thousand; no
request of this API nests deeper than three levels, so anything past
:data:`MAX_DEPTH` is refused before parsing starts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask_babel import gettext as _

from web.api.problems import Problem

MAX_DEPTH = 32
# A JSON string (skipped whole, escapes included) or a bracket that opens or closes a level.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def depth(body: bytes) -> int:
    """How deeply ``body`` nests arrays and objects (brackets inside strings do not count)."""
    level = deepest = 0
    for token in _TOKENS.finditer(body):
        mark = token.group()
        if mark in (b"[", b"{"):
            level += 1
            deepest = max(deepest, level)
        elif mark in (b"]", b"}"):
            level -= 1
    return deepest


def _malformed(detail: str) -> Problem:
    return Problem(400, "malformed", _("The request could not be read."), detail)


def parsed(body: bytes) -> Any:
    """The JSON value of ``body``; a 400 problem if it nests too deeply or is not JSON."""
    if depth(body) > MAX_DEPTH:
        raise _malformed(_("The JSON nests more than %(depth)s levels deep.", depth=MAX_DEPTH))
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _malformed(_("The body is not valid JSON.")) from None
