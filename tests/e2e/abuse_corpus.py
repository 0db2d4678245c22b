"""A corpus of hostile input, chosen by the kind of field it is sent to.

Every sample here must be refused wherever it is sent (a 4xx, nothing recorded), in a
request that would otherwise be accepted. ``ODD`` texts are unusual but fine (emoji, a
right-to-left override, a long text where long texts belong): they are only sent in
requests bound to be refused for another reason (a stale version), to show they do no harm.
"""

from __future__ import annotations

import copy
from typing import Any

from marshmallow import Schema, fields, validate

from domain.values import Role

NUL = "零\x00字节"
CONTROLS = ("响\x07铃", "\x1b[31m红字", "删\x7f除", "下\x85一行", "换\x0c页")
SURROGATES = ("\ud800", "半\udfff个")  # JSON only: a query string or form cannot carry them
LINE_BREAKS = ("第一行\n第二行", "制\t表", "回\r车")
LONG = "长" * 10_000
DATES = ("9999-12-31", "0001-01-01", "1900-01-01", "2025-02-30", "2025/01/01")
NUMBERS: tuple[Any, ...] = (11111111111111111111, 1e308, 10**30, -1, 1000.5, 1e3)
NUMBER_TEXTS = ("11111111111111111111", "1e308", "1" + "0" * 30, "-1", "1000.5", "很多",
                "9" * 5000)
WRONG_TYPES: tuple[Any, ...] = ([], {}, True, [1, [2]])
ODD = ("工会👩‍👩‍👧‍👦💪", "\u202e公司名称", "عربي 中文 mixed")
DEEP = b"[" * 100_000 + b"]" * 100_000
BODIES: tuple[Any, ...] = ([], "文字", 3, None)


def nested(levels: int) -> Any:
    """A list inside a list ... ``levels`` deep."""
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


def _limit(field: fields.Field) -> int | None:
    return next((v.max for v in field.validators
                 if isinstance(v, validate.Length) and v.max is not None), None)


def _multiline(field: fields.Field) -> bool:
    return bool(getattr(field, "multiline", field.metadata.get("widget") == "textarea"))


def _texts(field: fields.Field, *, in_json: bool) -> list[Any]:
    found: list[Any] = [NUL, *CONTROLS]
    if not _multiline(field):
        found += LINE_BREAKS
    if in_json:
        found += [*SURROGATES, 42, *WRONG_TYPES]
    limit = _limit(field)
    if limit is not None:
        found.append("长" * max(limit + 1, 10_000 if limit < 10_000 else 0))
    return found


def samples(field: fields.Field, *, in_json: bool) -> list[Any]:
    """The hostile values for ``field``: JSON values, or the texts a form would carry."""
    if isinstance(field, fields.String):
        return _texts(field, in_json=in_json)
    if isinstance(field, fields.Integer | fields.Float):
        return [*NUMBERS, *WRONG_TYPES, "很多"] if in_json else list(NUMBER_TEXTS)
    if isinstance(field, fields.Date):
        return [*DATES, *([20250101, *WRONG_TYPES] if in_json else [NUL])]
    if isinstance(field, fields.Boolean):
        return ["maybe", NUL, *([2, [], {}] if in_json else [])]
    if isinstance(field, fields.Enum):
        return ["nowhere", NUL, *([3, *WRONG_TYPES] if in_json else [])]
    if isinstance(field, fields.UUID):
        return ["not-a-uuid", NUL, *([7, []] if in_json else [])]
    if isinstance(field, fields.List):
        return ["不是列表", nested(40), {}, [NUL], [[]]] if in_json else []
    raise AssertionError(f"no samples for {type(field).__name__}: add them to the corpus")


def odd(field: fields.Field) -> list[str]:
    """Unusual but acceptable texts for ``field`` (none for fields that are not texts)."""
    if not isinstance(field, fields.String):
        return []
    limit = _limit(field) or 0
    return [*ODD, *([LONG] if limit >= len(LONG) else [])]


QUERY_TEXTS = (NUL, *CONTROLS, *LINE_BREAKS)
QUERY_PAGES = ("11111111111111111111", "0", "-1", "1.5", "1e308", "１２")
QUERY_DATES = ("9999-12-31", "0001-01-01", "2025-13-45")

PER_FIELD = 4
# Fields of the forms read by hand (login, accounts, tokens, sign-off decisions).
LINE, WHOLE = fields.String(), fields.Integer()
TEXT = fields.String(metadata={"widget": "textarea"})
CHOICE = fields.Enum(Role, by_value=True)


def pick(values: list[Any], turn: int) -> list[Any]:
    """The first sample (NUL, where there is one) and :data:`PER_FIELD` more, in turn."""
    rest = values[1:]
    chosen = [rest[(turn * PER_FIELD + i) % len(rest)] for i in range(min(PER_FIELD, len(rest)))]
    return values[:1] + chosen


def form_inputs(schema: Schema) -> list[tuple[str, fields.Field]]:
    """Every input of a step form and its field (a list's first row or line)."""
    found: list[tuple[str, fields.Field]] = []
    for name, item in schema.fields.items():
        widget = item.metadata.get("widget")
        if widget == "rows":
            inner = item.inner.schema  # type: ignore[attr-defined]
            found += [(f"{name}-0-{col}", f) for col, f in inner.fields.items()]
        elif widget == "lines":
            found.append((f"{name}-0", item.inner))  # type: ignore[attr-defined]
        else:
            found.append((name, item))
    return found


def json_inputs(schema: Schema) -> list[tuple[tuple[Any, ...], fields.Field]]:
    """Every field of a JSON body by its path (lists: the list itself and its first item)."""
    found: list[tuple[tuple[Any, ...], fields.Field]] = []
    for name, item in schema.fields.items():
        found.append(((name,), item))
        inner = getattr(item, "inner", None)
        if isinstance(inner, fields.Nested):
            found += [((name, 0, col), f) for col, f in inner.schema.fields.items()]
        elif inner is not None:
            found.append(((name, 0), inner))
    return found


def replaced(body: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """``body`` with the value at ``path`` replaced (a list too short gets the item)."""
    changed = copy.deepcopy(body)
    target: Any = changed
    for step in path[:-1]:
        if isinstance(target, dict):
            target = target.setdefault(step, [])
        else:
            target.extend({} for _ in range(step + 1 - len(target)))
            target = target[step]
    if isinstance(target, list) and len(target) <= path[-1]:
        target.append(value)
    else:
        target[path[-1]] = value
    return changed
