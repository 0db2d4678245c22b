"""Every message the web app shows has a Chinese translation; the compiled catalog is current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "web" / "translations" / "build.py"


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalog_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _first(text: str | list[str] | tuple[str, ...]) -> str:
    """A message's id or translation; a plural one's singular (Chinese has one form)."""
    return text if isinstance(text, str) else text[0]


def shown_messages() -> set[str]:
    """Every msgid in the web package's Python code and templates."""
    methods = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "web"), method_map=methods,
            keywords={"_": None, "gettext": None, "ngettext": (1, 2)}):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_shown_message_has_a_chinese_translation() -> None:
    known = _build_module().translations()
    missing = sorted(m for m in shown_messages() if not known.get(m))
    assert missing == []


def test_the_compiled_catalog_matches_the_translations() -> None:
    mo = ROOT / "web" / "translations" / "zh_Hans_CN" / "LC_MESSAGES" / "messages.mo"
    with mo.open("rb") as handle:
        compiled = {_first(m.id): _first(m.string) for m in read_mo(handle) if m.id}
    known = _build_module().translations()
    assert {k: known[k] for k in shown_messages()} == {k: compiled.get(k) for k in shown_messages()}
