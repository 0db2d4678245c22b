"""Personal text in the read models and account tables, encrypted with the events' cipher.

With ``XIESHANG_CIPHER_KEY`` set, the eventsourcing library encrypts every stored event and
snapshot (AES-GCM). The read models and the account tables repeat some of the same personal
text: people's names, reasons, free text. Columns marked ``info=ENCRYPTED`` hold it
encrypted with the same cipher (as base64 text, so the schema is the same either way) and
are decrypted where they are read; without a key an :class:`Encryption` leaves every value
as it is, at no cost.

An encrypted column can only be compared after decrypting: it cannot be searched, sorted or
grouped by in SQL. What stays in the clear: ids, scopes, stages, dates, numbers, and the
enterprise's register facts (name, credit code, town, industry), which the public notices
show and the searches match.

The key must be set before the first case and account, as for the events: a store is
encrypted throughout or not at all.
"""

from __future__ import annotations

import json
from base64 import b64decode, b64encode
from collections.abc import Callable, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from eventsourcing.persistence import Cipher
from sqlalchemy import JSON, Table
from sqlalchemy.engine import Connection, Engine, RowMapping
from sqlalchemy.engine.result import result_tuple

ENCRYPTED = {"encrypted": True}
"""``Column(..., info=ENCRYPTED)``: the column holds personal text, encrypted with a key set."""


class Encryption:
    """Encrypts and decrypts the columns marked :data:`ENCRYPTED` with the event store's
    cipher (None: values pass as they are)."""

    def __init__(self, cipher: Cipher | None = None):
        self.cipher = cipher

    @property
    def on(self) -> bool:
        """Whether values are encrypted (a cipher key is set)."""
        return self.cipher is not None

    def encrypt(self, text: str) -> str:
        """``text`` encrypted, as base64 text."""
        if self.cipher is None:
            return text
        return b64encode(self.cipher.encrypt(text.encode())).decode("ascii")

    def decrypt(self, stored: str) -> str:
        """The text ``stored`` holds (ValueError: damaged, or encrypted with another key)."""
        if self.cipher is None:
            return stored
        return self.cipher.decrypt(b64decode(stored)).decode()

    def encrypt_dicts(self, table: Table, rows: Sequence[dict[str, Any]]
                      ) -> list[dict[str, Any]]:
        """``rows`` of ``table`` with their encrypted columns encrypted (new dicts)."""
        rows = list(rows)
        if self.cipher is None or not rows:
            return rows
        columns = [(c.name, self._encrypter(c.type)) for c in table.columns
                   if c.info.get("encrypted")]
        return [{**row, **{name: encrypt(row[name]) for name, encrypt in columns
                           if row[name] is not None}} for row in rows]

    def encrypt_tuples(self, table: Table, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """``rows`` (values in ``table``'s column order) with their encrypted columns encrypted."""
        if self.cipher is None or not rows:
            return rows
        columns = {i: self._encrypter(c.type) for i, c in enumerate(table.columns)
                   if c.info.get("encrypted")}
        return [tuple(columns[i](v) if i in columns and v is not None else v
                      for i, v in enumerate(row)) for row in rows]

    def decrypt_rows(self, table: Table, rows: list[RowMapping]) -> list[RowMapping]:
        """``rows`` read from ``table`` with their encrypted columns decrypted."""
        if self.cipher is None or not rows:
            return rows
        keys = [str(key) for key in rows[0]]
        found = table.columns
        columns = {i: self._decrypter(found[key].type) for i, key in enumerate(keys)
                   if key in found and found[key].info.get("encrypted")}
        make = result_tuple(keys)
        return [make([columns[i](v) if i in columns and v is not None else v
                      for i, v in enumerate(row.values())])._mapping for row in rows]

    def _encrypter(self, kind: Any) -> Callable[[Any], str]:
        if isinstance(kind, JSON):
            return lambda value: self.encrypt(json.dumps(value, ensure_ascii=False))
        return self.encrypt

    def _decrypter(self, kind: Any) -> Callable[[Any], Any]:
        if isinstance(kind, JSON):
            return lambda stored: json.loads(self.decrypt(stored))
        return self.decrypt


PLAIN = Encryption()
_known: WeakKeyDictionary[Engine, Encryption] = WeakKeyDictionary()


def remember(engine: Engine, cipher: Cipher | None) -> None:
    """Encrypt with ``cipher`` what goes through ``engine`` (see :func:`encryption_of`)."""
    known = _known.get(engine)
    if known is None or known.cipher is not cipher:
        _known[engine] = Encryption(cipher) if cipher is not None else PLAIN


def encryption_of(engine: Engine | Connection | None) -> Encryption:
    """The encryption of the application whose engine this is (remembered by
    :func:`projections.base.datastore_of` and ``engine_of``): plain if none was."""
    return _known.get(engine, PLAIN) if isinstance(engine, Engine) else PLAIN
