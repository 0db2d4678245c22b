"""Entries: the recorded events of a case as plain data, with corrections overlaid."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.values import Actor

META_FIELDS = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic",
                         "by", "occurred_on", "prev_hash", "digest"})


@dataclass(frozen=True)
class Entry:
    """One entry of a case's timeline. ``facts`` already include any corrections."""

    version: int
    type: str
    by: Actor
    occurred_on: date
    recorded_at: datetime
    facts: dict[str, Any]
    corrected_by: tuple[int, ...] = field(default=())

    def __getitem__(self, key: str) -> Any:
        return self.facts[key]


def entry_record(event: Any) -> dict[str, Any]:
    """The snapshot-friendly dict an aggregate keeps for one event."""
    data = vars(event)
    return {
        "version": event.originator_version,
        "type": type(event).__name__,
        "by": dict(event.by),
        "occurred_on": event.occurred_on,
        "recorded_at": event.timestamp,
        "facts": {k: v for k, v in data.items() if k not in META_FIELDS},
    }


def fresh_entry(record: dict[str, Any]) -> Entry:
    """The entry of a record just made (nothing can have corrected it yet)."""
    return Entry(version=record["version"], type=record["type"],
                 by=Actor.from_dict(record["by"]), occurred_on=record["occurred_on"],
                 recorded_at=record["recorded_at"], facts=dict(record["facts"]))


def overlay(changes: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """Apply a correction's changes; ``a.b`` changes key ``b`` inside dict ``a``."""
    result = dict(facts)
    for path, value in changes.items():
        head, _, tail = path.partition(".")
        if tail:
            result[head] = {**result[head], tail: value}
        else:
            result[head] = value
    return result


def materialise(records: list[dict[str, Any]]) -> list[Entry]:
    """Turn stored records into entries, overlaying corrections in the order recorded."""
    corrections: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        if record["type"] == "EntryCorrected":
            corrections.setdefault(record["facts"]["corrects_version"], []).append(record)
    entries = []
    for record in records:
        facts = {"occurred_on": record["occurred_on"], **record["facts"]}
        fixes = corrections.get(record["version"], [])
        for fix in fixes:
            facts = overlay(fix["facts"]["changes"], facts)
        entries.append(Entry(
            version=record["version"], type=record["type"], by=Actor.from_dict(record["by"]),
            occurred_on=facts.pop("occurred_on"), recorded_at=record["recorded_at"],
            facts=facts, corrected_by=tuple(f["version"] for f in fixes)))
    return entries


def as_recorded(records: list[dict[str, Any]]) -> list[Entry]:
    """Entries exactly as first recorded (no corrections overlaid), each naming the
    versions of the corrections made to it: the audit view of a case's history."""
    corrected: dict[int, list[int]] = {}
    for record in records:
        if record["type"] == "EntryCorrected":
            corrected.setdefault(record["facts"]["corrects_version"], []).append(record["version"])
    return [Entry(version=r["version"], type=r["type"], by=Actor.from_dict(r["by"]),
                  occurred_on=r["occurred_on"], recorded_at=r["recorded_at"],
                  facts=dict(r["facts"]), corrected_by=tuple(corrected.get(r["version"], ())))
            for r in records]
