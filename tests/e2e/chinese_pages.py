"""What the language crawl looks for: Latin words on Chinese pages, Chinese words of the
interface on English pages, and the leaks already known and left to the people who own them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from page_words import chinese_pieces, latin_words, visible_text
from site_crawl import Page

from domain.labels import LABELS

CATALOG = (Path(__file__).resolve().parents[2] / "web" / "translations" / "zh_Hans_CN"
           / "LC_MESSAGES" / "messages.po")


@dataclass(frozen=True)
class Leak:
    """A piece of text a reader sees, on one page, with the words that should not be there."""

    url: str
    text: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.url}: {self.text[:160]!r} {list(self.words)}"


def leaks_on(pages: Iterable[Page], data: frozenset[str]) -> list[Leak]:
    """Every piece of text with Latin words on ``pages`` (``data``: Latin on purpose)."""
    found = []
    for page in pages:
        for piece in visible_text(page.html):
            words = latin_words(piece, data)
            if words:
                found.append(Leak(page.url, piece, tuple(words)))
    return found


def interface_words() -> frozenset[str]:
    """The Chinese of the interface: every translation in the catalog and every Chinese
    vocabulary word of the domain (two characters or more)."""
    words = set(re.findall(r'^msgstr "(.+)"$', CATALOG.read_text("utf-8"), re.M))
    words |= {zh for vocabulary in LABELS.values() for zh, _en in vocabulary.values()}
    return frozenset(word for word in words if len(word) > 1 and chinese_pieces([word]))


def chinese_on_english(pages: Iterable[Page], words: frozenset[str]) -> list[Leak]:
    """Pieces of English pages that are (or are made of) Chinese words of the interface;
    names, towns and other Chinese data are not reported."""
    found = []
    for page in pages:
        for piece in chinese_pieces(visible_text(page.html)):
            parts = [p.strip() for p in re.split(r"[·：:，,（）()]", piece) if p.strip()]
            hits = tuple(p for p in parts if p in words)
            if hits:
                found.append(Leak(page.url, piece, hits))
    return found
