"""The words a reader sees on a page, and the Latin ones among them that should be Chinese.

Visible text is every text node outside ``<script>``, ``<style>`` and ``<textarea>`` (what
the user typed), plus the attributes a reader meets: ``title``, ``placeholder``,
``aria-label``, ``alt``, ``data-label`` (the column name shown on narrow screens) and the
``value`` of buttons. The values of other inputs are what the user typed, and are skipped.

Latin words are then looked for in that text, after removing what is legitimately Latin in a
Chinese page: URLs and paths, e-mail addresses, credit codes, ids and versions (anything
holding a digit), file names, media types, and a short allowlist of names (``ALLOWED``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Not read: code, what the user typed, and machine text in <code> (names to type, tokens).
HIDDEN = {"script", "style", "textarea", "template", "code"}
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-label")
BUTTONS = {"submit", "button", "reset"}

# Names that stay Latin in Chinese: formats, protocols and their headers, products, units,
# language codes, and the link to the English pages.
ALLOWED = frozenset({
    "PDF", "CSV", "XLSX", "API", "JSON", "URL", "HTTP", "HTTPS", "OpenAPI", "Swagger", "UI",
    "Atom", "RSS", "iCalendar", "ICS", "JPEG", "PNG", "Word", "Excel", "PowerPoint",
    "Authorization", "Bearer", "Accept-Language", "SHA", "UTF", "OA", "NUL", "Unicode",
    "KB", "MB", "zh", "en", "English",
})

_LEGITIMATE = [re.compile(pattern, re.ASCII) for pattern in (
    r"[A-Za-z][A-Za-z+.-]*://\S+",                                  # URLs
    r"(?<![\w/])/[\w./?=&%{}<>:-]*",                                # paths, /api/v1/...
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+",                                  # e-mail addresses
    r"\b[0-9A-Z]{18}\b",                                             # credit codes
    r"[\w-]*\.(?i:pdf|docx?|xlsx?|pptx?|jpe?g|png|csv|ics|atom|json)\b",  # file names
    r"\b(application|image|text)/[\w.+-]+",                         # media types
    r"\b[\w-]+\+json\b",                                             # problem+json
    r"\bYYYY-MM-DD(THH:MM(:SS)?)?\b",                                 # date patterns
    r"[\w-]*\d[\w.-]*",                                               # ids, versions, sw-001
)]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_HAN = re.compile(r"[\u3400-\u9fff]")


class _Visible(HTMLParser):
    """Collects the visible text and the shown attributes of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in HIDDEN:
            self._hidden += 1
        for name in SHOWN_ATTRIBUTES:
            if values.get(name):
                self.parts.append(str(values[name]))
        if tag == "input" and values.get("type") in BUTTONS and values.get("value"):
            self.parts.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    """The pieces of text a reader sees on ``html``, in page order."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser.parts


def latin_words(piece: str, data: frozenset[str] = frozenset()) -> list[str]:
    """Latin words in ``piece`` that are neither legitimately Latin nor in ``data`` (values
    of the demo data, such as usernames, that are Latin on purpose)."""
    for pattern in _LEGITIMATE:
        piece = pattern.sub(" ", piece)
    return [word for word in _WORD.findall(piece)
            if word not in ALLOWED and word not in data and len(word) > 1]


def chinese_pieces(pieces: list[str]) -> list[str]:
    """The pieces holding Chinese characters (for the English report)."""
    return [piece for piece in pieces if _HAN.search(piece)]
