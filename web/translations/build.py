"""Build the Chinese catalog: extract every message, take translations from ``zh_*.tsv``.

Each ``zh_<area>.tsv`` beside this file holds ``English msgid<TAB>中文`` lines for one area of
the app (so several people can add strings without editing one file); a plural message
(``ngettext``) is listed under its singular msgid, Chinese having one form. Run

    .venv/bin/python web/translations/build.py

to regenerate ``zh_Hans_CN/LC_MESSAGES/messages.po`` and ``.mo``; it lists any message that
has no translation and exits 1 if there is one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOG = HERE / "zh_Hans_CN" / "LC_MESSAGES"


def translations() -> dict[str, str]:
    """Every ``msgid -> 中文`` pair from the ``zh_*.tsv`` files."""
    found: dict[str, str] = {}
    for path in sorted(HERE.glob("zh_*.tsv")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            english, _, chinese = line.partition("\t")
            if not chinese:
                raise SystemExit(f"{path.name}:{number}: no tab-separated translation")
            found[english] = chinese
    return found


def main() -> int:
    """Extract, translate, write .po and .mo; report what is missing."""
    pot = HERE / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract",
                    "-F", str(ROOT / "web" / "babel.cfg"), "-o", str(pot), "."],
                   check=True, cwd=ROOT, capture_output=True)
    with pot.open("rb") as handle:
        catalog = read_po(handle)  # the template's plural forms are English's two
    catalog.locale = "zh_Hans_CN"
    pot.unlink()
    known = translations()
    missing = []
    for message in catalog:
        if message.id:
            key = message.id if isinstance(message.id, str) else message.id[0]
            chinese = known.get(key, "")
            # Chinese has one plural form: a plural message (ngettext) takes the singular's key.
            message.string = (chinese,) if message.pluralizable else chinese
            if not chinese:
                missing.append(key)
    CATALOG.mkdir(parents=True, exist_ok=True)
    with (CATALOG / "messages.po").open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)
    with (CATALOG / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
    for key in missing:
        print(f"untranslated: {key}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
