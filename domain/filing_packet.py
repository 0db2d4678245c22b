"""The checklist before filing (Provisions Art. 42): what the labour bureau needs, item by
item from the case's profile (:mod:`config.filing_packet`), each recorded, proved by an
attached file, or missing. Filing is allowed with items missing; the screens flag them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from config.filing_packet import PacketItem, packet_items
from domain.entries import Entry
from domain.proofs import Proof, loose_proofs, proofs_by_entry
from domain.state import CaseState


class ItemState(StrEnum):
    """How far the case holds one item of the packet."""

    PROOF_ATTACHED = "proof_attached"   # a signed paper or photo is attached
    RECORDED = "recorded"               # the facts are recorded, no paper attached
    MISSING = "missing"


def _one(entry: Entry | None) -> list[Entry]:
    return [entry] if entry is not None else []


def _ratification(state: CaseState) -> list[Entry]:
    votes = state.track.ratifications
    return _one(state.passed_ratification or (votes[-1] if votes else None))


def _offer(state: CaseState, end: bool) -> list[Entry]:
    pair = state.accepted_offer or (state.offers[-1] if state.offers else None)
    if pair is None:
        return []
    return _one(pair.end if end else pair.start)


SOURCES: dict[str, Callable[[CaseState], list[Entry]]] = {
    "opening": lambda state: [state.opened],
    "representatives": lambda state: _one(state.appointment),
    "offer": lambda state: _offer(state, end=False),
    "reply": lambda state: _offer(state, end=True),
    "sessions": lambda state: list(state.track.sessions),
    "draft": lambda state: _one(state.track.draft),
    "ratification": _ratification,
    "signed": lambda state: _one(state.track.signed),
    "filed": lambda state: _one(state.track.filed),
}
"""Where the case records each item (``entry`` of a profile's item): the entries of the
current attempt at a contract."""


@dataclass(frozen=True)
class ChecklistItem:
    """One item of the packet as the case holds it."""

    item: PacketItem
    state: ItemState
    entries: tuple[Entry, ...]
    proofs: tuple[Proof, ...]

    @property
    def key(self) -> str:
        """The item's key in the profile."""
        return self.item.key

    def label(self, lang: str = "zh") -> str:
        """The item's name in ``lang``."""
        return self.item.label(lang)


def _value(entry: Entry, path: str) -> Any:
    value: Any = {"occurred_on": entry.occurred_on, **entry.facts}
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
    return value


def _holds(entry: Entry, facts: tuple[str, ...]) -> bool:
    """Every fact is there: not missing, blank, empty or false."""
    return all(_value(entry, path) not in (None, "", [], {}, False) for path in facts)


def check_item(item: PacketItem, state: CaseState) -> ChecklistItem:
    """One item: proof attached (to each of its entries, or to no entry in particular),
    else recorded (every entry holds the facts), else missing."""
    entries = SOURCES[item.entry](state)
    by_entry = proofs_by_entry(state.entries)
    kinds = set(item.proofs)
    tied = [p for e in entries for p in by_entry.get(e.version, []) if p.kind in kinds]
    loose = [p for p in loose_proofs(state.entries) if p.kind in kinds]
    every_tied = bool(entries) and all(
        any(p.proves_version == e.version for p in tied) for e in entries)
    if kinds and (every_tied or loose):
        found = ItemState.PROOF_ATTACHED
    elif entries and all(_holds(e, item.facts) for e in entries):
        found = ItemState.RECORDED
    else:
        found = ItemState.MISSING
    return ChecklistItem(item, found, tuple(entries), tuple(tied + loose))


def filing_checklist(state: CaseState) -> list[ChecklistItem]:
    """The packet's items the case's contract kind needs, in the profile's order."""
    kind = str(state.opened["contract_kind"])
    return [check_item(item, state) for item in packet_items(state.profile.name)
            if not item.kinds or kind in item.kinds]


def missing_items(state: CaseState) -> list[ChecklistItem]:
    """The items of the checklist the case does not have yet."""
    return [c for c in filing_checklist(state) if c.state is ItemState.MISSING]
