"""What a read model last committed of each case, so that rows that did not change are
not deleted and written again.

Following the log, most events leave most of a case's rows as they were: a note changes
its summary, not its deadlines, stage periods or public notice. The read model keeps a
fingerprint (a hash of the rows' values) of the rows it committed per table and case, and
:meth:`Written.changed` drops the cases whose new rows have the same fingerprint from both
the delete and the insert.

Only what this process committed is remembered, and only once the transaction committed
(:func:`after_commit`, run by the runner after the commit). The rows can still only be
skipped when they are the ones in the database: any other runner that writes them moves
the read model's position, so this one's next write fails (``IntegrityError``) and it
forgets everything (:meth:`Written.clear`); ``xieshang projections retry`` rewrites a
case from its newest state, which the runner then reaches by itself. Fingerprints are
taken while following only (a rebuild writes every case once: it would pay for nothing),
and at most ``size`` cases per table are remembered (the least recently written go first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

PENDING = "xieshang.written"
"""Key in ``Session.info`` of the fingerprints to remember once the session commits."""
Remember = Callable[[], None]


class Written:
    """Fingerprints of the rows committed per table and case (bounded; off by default)."""

    def __init__(self, size: int = 10_000):
        self.size = size
        self.on = False
        self._tables: dict[str, dict[str, int]] = {}

    def clear(self) -> None:
        """Forget every fingerprint (the database may hold other rows now)."""
        self._tables.clear()

    def changed(self, table: str, case_ids: Sequence[str], rows: Sequence[dict[str, Any]],
                fields: Sequence[str] | None = None
                ) -> tuple[list[str], list[dict[str, Any]], Remember | None]:
        """Of ``case_ids`` (cases that may have rows) and ``rows`` (their new rows, each
        with a ``case_id``), those of the cases whose rows (or the rows' ``fields``) changed
        since this process last committed them; and what to remember once the new rows
        are committed."""
        known = self._tables.setdefault(table, {})
        if not self.on:     # written whole; what was remembered of these cases is stale then
            return list(case_ids), list(rows), self._forgetting(known, case_ids, rows)
        by_case: dict[str, list[Any]] = {case_id: [] for case_id in case_ids}
        for row in rows:
            by_case.setdefault(row["case_id"], []).append(
                row if fields is None else [row[field] for field in fields])
        prints = {case_id: hash(repr(case_rows)) for case_id, case_rows in by_case.items()}
        same = {case_id for case_id, mark in prints.items() if known.get(case_id) == mark}
        deleted = [case_id for case_id in case_ids if case_id not in same]
        kept = [row for row in rows if row["case_id"] not in same]

        def remember() -> None:
            for case_id, mark in prints.items():
                known.pop(case_id, None)
                known[case_id] = mark
            while len(known) > self.size:
                del known[next(iter(known))]
        return deleted, kept, remember

    @staticmethod
    def _forgetting(known: dict[str, int], case_ids: Sequence[str],
                    rows: Sequence[dict[str, Any]]) -> Remember | None:
        """What forgets the fingerprints of the cases written (None: none remembered)."""
        if not known:
            return None
        cases = set(case_ids) | {row["case_id"] for row in rows}

        def forget() -> None:
            for case_id in cases:
                known.pop(case_id, None)
        return forget


def pending(session: Session, remember: Remember | None) -> None:
    """Remember ``remember`` for when ``session`` commits (see :func:`after_commit`)."""
    if remember is not None:
        session.info.setdefault(PENDING, []).append(remember)


def take_pending(session: Session) -> list[Remember]:
    """What the session's writes will remember once it commits (taken off the session)."""
    return list(session.info.pop(PENDING, []))


def after_commit(remembered: list[Remember]) -> None:
    """Remember the fingerprints of a transaction that committed."""
    for remember in remembered:
        remember()


@contextmanager
def fingerprints(written: Iterable[Written], on: bool) -> Iterator[None]:
    """Fingerprints taken (``on``) or not inside the block, as they were after it."""
    kept = [(each, each.on) for each in written]
    for each, _ in kept:
        each.on = on
    try:
        yield
    finally:
        for each, was in kept:
            each.on = was
