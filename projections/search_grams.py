"""The grams that index a search text: every character and every pair of neighbours.

A search text (see :mod:`projections.search_text`) is matched by substrings: each query
term must occur in it. Chinese has no spaces to split words on and its words are mostly two
characters long (兴宁, 宁新, 食品), shorter than the trigrams that SQLite's ``trigram``
tokenizer and PostgreSQL's ``pg_trgm`` need. So a text is indexed by its *grams*: each of its
characters and each pair of adjacent characters. A term of one character is looked up as
itself, a longer one by all its pairs: every row holding the term holds them all, so those
rows are a superset of the answer, which the ``LIKE`` of each term then narrows to exactly the
rows a scan would find (宁新街道 needs 宁新, 新街 and 街道, and next to one another).

PostgreSQL works the grams out itself (:data:`projections.search_index.POSTGRES_GRAMS`, the
same as :func:`grams` here). For SQLite's FTS5 they are written as *tokens*, one
space-separated text: ASCII letters and digits and every non-ASCII character stand for
themselves; any other ASCII character (``%``, ``.``, ``"``…) is written as a character of
Unicode's private use area, so that every token is one word to the ``ascii`` tokenizer and
needs no quoting. Two grams sharing a token only widen the candidates: the ``LIKE`` keeps
the answer exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b

from projections.safe_text import storable

_PRIVATE_USE = 0xE000


def document(case_id: str) -> int:
    """The number (63 bits, from the case id's BLAKE2b digest) that ties a case's row to its
    grams on SQLite: the same for the same case in every store and every rebuild. Two cases
    with the same number would be refused by the gram table's primary key (and set aside,
    see :mod:`projections.set_aside`); among a million cases the odds of any such pair are
    about one in eighteen million."""
    return int.from_bytes(blake2b(case_id.encode(), digest_size=8).digest(), "big") >> 1


def grams(text: str) -> list[str]:
    """The grams of ``text`` (a search text, as the database stores it): its characters and
    its pairs of adjacent characters, each once."""
    text = storable(text)
    return list(dict.fromkeys([*text, *(text[i:i + 2] for i in range(len(text) - 1))]))


def query_grams(terms: Iterable[str]) -> list[str]:
    """The grams every text containing all of ``terms`` (normalised) holds: a term of one
    character itself, a longer one each of its pairs."""
    found: dict[str, None] = {}
    for term in terms:
        found.update(dict.fromkeys([term] if len(term) == 1 else
                                   [term[i:i + 2] for i in range(len(term) - 1)]))
    return list(found)


_TOKENS = {code: _PRIVATE_USE + code for code in range(128) if not chr(code).isalnum()}
"""Each ASCII character other than a letter or digit to its place in the private use area
(U+E000 plus its code), as :meth:`str.translate` takes it."""


def _token(gram: str) -> str:
    """``gram`` as one FTS5 word: each ASCII character other than a letter or digit moved to
    the private use area (U+E000 plus its code)."""
    return gram.translate(_TOKENS)


def fts_text(text: str) -> str:
    """What SQLite's FTS5 indexes for ``text``: the tokens of its grams, space-separated.

    A token is made character by character, so the whole text is translated once and its
    grams taken after: the same tokens in the same order as the tokens of :func:`grams`, at
    a fraction of the cost (a rebuild makes the tokens of every case)."""
    tokens = storable(text).translate(_TOKENS)
    return " ".join(dict.fromkeys([*tokens, *map(str.__add__, tokens, tokens[1:])]))


def fts_query(found: Iterable[str]) -> str:
    """An FTS5 query matching the rows that hold every gram of ``found``."""
    return " AND ".join(f'"{_token(gram)}"' for gram in found)
