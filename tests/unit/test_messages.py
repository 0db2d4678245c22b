"""Every refusal the domain can raise has a message in Chinese and English that renders.

The keys and the parameters each call site passes are read from the domain's source (every
``Breach("key", {...})``, ``_b("key", name=...)`` and ``render("key", ...)``), so a new rule
without a message, or a message naming a parameter its rule does not pass, fails here.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

import domain
from domain.errors import Breach
from domain.messages import MESSAGES, TERMS, render
from domain.procedure import registry  # noqa: F401  (steps add their own messages)

DOMAIN = Path(domain.__file__).parent


@dataclass(frozen=True)
class Use:
    """One place the domain names a message key, with the parameters it passes there."""

    key: str
    params: frozenset[str] | None        # None: passed in a form we cannot read statically
    where: str


def _params(call: ast.Call) -> frozenset[str] | None:
    name = call.func.id if isinstance(call.func, ast.Name) else ""
    if name == "_b" or name == "render":
        if any(k.arg is None for k in call.keywords):
            return None
        return frozenset(k.arg for k in call.keywords if k.arg)
    params = call.args[1] if len(call.args) > 1 else next(
        (k.value for k in call.keywords if k.arg == "params"), None)
    if params is None:
        return frozenset()
    if isinstance(params, ast.Dict) and all(isinstance(k, ast.Constant) for k in params.keys):
        return frozenset(k.value for k in params.keys)  # type: ignore[union-attr]
    return None


def _outcome_use(node: ast.AST) -> tuple[str, frozenset[str] | None] | None:
    """An outcome's headline (``Outcome(good, "key", ...)``) or one of its reasons, a
    ``("key", {...})`` pair naming a message."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "Outcome" and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)):
        return str(node.args[1].value), frozenset()
    if (isinstance(node, ast.Tuple) and len(node.elts) == 2
            and isinstance(node.elts[0], ast.Constant) and node.elts[0].value in MESSAGES
            and isinstance(node.elts[1], ast.Dict)
            and all(isinstance(k, ast.Constant) for k in node.elts[1].keys)):
        return str(node.elts[0].value), frozenset(
            k.value for k in node.elts[1].keys)  # type: ignore[union-attr]
    return None


def uses() -> list[Use]:
    found = []
    for path in sorted(DOMAIN.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            outcome = _outcome_use(node)
            if outcome is not None:
                found.append(Use(*outcome, f"{path.relative_to(DOMAIN.parent)}:"
                                           f"{getattr(node, 'lineno', 0)}"))
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Breach", "_b", "render") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                where = f"{path.relative_to(DOMAIN.parent)}:{node.lineno}"
                found.append(Use(node.args[0].value, _params(node), where))
    return found


USES = uses()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_rules():
    keys = {u.key for u in USES}
    assert len(keys) > 60
    assert {"side_size", "term_length", "credit_code_invalid", "case_closed",
            "at_least", "sha256_invalid", "case_conflict"} <= keys


@pytest.mark.parametrize("use", USES, ids=lambda u: f"{u.key}@{u.where}")
def test_every_key_used_has_both_languages_and_gets_its_parameters(use):
    assert use.key in MESSAGES, f"{use.where}: no message for {use.key!r}"
    zh, en = MESSAGES[use.key]
    assert zh.strip() and en.strip()
    assert placeholders(zh) == placeholders(en), "both languages take the same parameters"
    if use.params is not None:
        missing = placeholders(zh) - use.params
        assert not missing, f"{use.where} does not pass {sorted(missing)}"
        values = {name: "x" for name in use.params}
        assert render(use.key, "zh", **values) and render(use.key, "en", **values)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_renders_in_both_languages(key):
    values = {name: "workers" for name in placeholders(MESSAGES[key][0])}
    zh, en = render(key, "zh", **values), render(key, "en", **values)
    assert "{" not in zh and "{" not in en
    if values:
        assert "职工方" in zh and "worker side" in en       # vocabulary is translated


def test_every_message_is_used_somewhere():
    assert set(MESSAGES) - {u.key for u in USES} == set()


def test_terms_have_both_languages():
    assert all(zh.strip() and en.strip() for zh, en in TERMS.values())


def test_a_breach_renders_in_the_language_asked_for():
    breach = Breach("sides_unequal", {"workers": 3, "employer": 4})
    assert breach.message() == breach.message("zh")
    assert "3" in breach.message("zh") and "职工方" in breach.message("zh")
    assert "workers 3, employer 4" in breach.message("en")
