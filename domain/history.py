"""What changed at each version of a case: its state as a flat dict, and the diff of two.

Pure functions (no Flask, no database): the history screen formats what they return.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.deadlines import deadlines
from domain.entries import Entry, materialise
from domain.replay import recorded_states
from domain.stages import stage_of
from domain.state import CaseState
from domain.values import Representative

Value = str | int | float | bool | date | tuple[Any, ...] | None
Flat = dict[str, Value]


@dataclass(frozen=True)
class Change:
    """One meaningful field that changed: ``key`` is ``group`` or ``group:detail``."""

    key: str
    before: Value
    after: Value

    @property
    def group(self) -> str:
        """The kind of field (``stage``, ``deadline_due``, ``key_term``...)."""
        return self.key.partition(":")[0]

    @property
    def detail(self) -> str:
        """What the group is about (a deadline kind, a key term's name...), or ''."""
        return self.key.partition(":")[2]


def _names(side: list[Representative]) -> tuple[str, ...]:
    return tuple(r.name for r in side)


def _chief(side: list[Representative]) -> str | None:
    return next((r.name for r in side if r.chief), None)


def _fact(entry: Entry | None, key: str) -> Value:
    return entry.facts.get(key) if entry else None


def _on(entry: Entry | None) -> date | None:
    return entry.occurred_on if entry else None


def flatten(state: CaseState) -> Flat:
    """The meaningful fields of a case's state, as one flat dict of plain values."""
    track = state.track
    flat: Flat = {"stage": str(stage_of(state)), "assigned": state.assigned_to.name}
    flat.update({f"enterprise:{k}": v for k, v in state.enterprise.to_dict().items()})
    flat.update({
        "contract_kind": str(state.opened["contract_kind"]),
        "surveys": len(state.surveys), "outreach": len(state.outreach),
        "worker_side": _names(state.worker_side), "worker_chief": _chief(state.worker_side),
        "employer_side": _names(state.employer_side),
        "employer_chief": _chief(state.employer_side),
        "open_vacancies": len(state.open_vacancies), "offers": len(state.offers),
        "offer_accepted": (bool(state.offers[-1].end["accepted"])
                           if state.offers and state.offers[-1].end else None),
        "sessions": len(state.sessions),
        "session_dates": tuple(s.occurred_on for s in state.sessions),
        "suspended_until": (state.open_suspension.start["resume_on"]
                            if state.open_suspension else None),
        "disputes": len(state.disputes), "open_dispute": state.open_dispute is not None,
        "draft_on": _on(track.draft),
    })
    key_terms: dict[str, Any] = track.draft["key_terms"] if track.draft else {}
    for name, value in sorted(key_terms.items()):
        flat[f"key_term:{name}"] = value if isinstance(value, str | int | float) else str(value)
    vote = track.ratifications[-1] if track.ratifications else None
    flat.update({
        "ratification_on": _on(vote), "ratification_members": _fact(vote, "members"),
        "ratification_present": _fact(vote, "present"),
        "ratification_votes_for": _fact(vote, "votes_for"),
        "ratification_passed": state.vote_passed(vote) if vote else None,
        "signed_on": _on(track.signed), "term_start": _fact(track.signed, "term_start"),
        "term_end": _fact(track.signed, "term_end"), "filed_on": _on(track.filed),
        "bureau": _fact(track.filed, "bureau"), "objections": len(state.tracks) - 1,
        "effective_on": _fact(track.effect, "effective_on"),
        "effect_basis": _fact(track.effect, "basis"), "published_on": _on(track.published),
        "implementation_reviews": len(state.implementation_reviews),
        "renewals": len(state.renewals),
        "pending_sign_offs": sum(1 for s in state.sign_offs if s.end is None),
        "closed": state.closed is not None, "closed_reason": _fact(state.closed, "reason"),
    })
    for deadline in deadlines(state):
        detail = f"{deadline.kind}#{deadline.source_version}"
        flat[f"deadline_due:{detail}"] = deadline.due_on
        flat[f"deadline_met:{detail}"] = deadline.met_on
    return flat


def diff(before: Flat, after: Flat) -> list[Change]:
    """The fields whose values differ, in the order of ``after`` (then fields gone)."""
    keys = list(after) + [k for k in before if k not in after]
    return [Change(k, before.get(k), after.get(k)) for k in keys
            if before.get(k) != after.get(k)]


def flat_versions(records: list[dict[str, Any]]) -> Iterator[tuple[int, Flat]]:
    """``(version, flat state)`` after each record, the state as it stood then.

    See :func:`domain.replay.recorded_states`: a correction counts from when it was made.
    """
    for record, state in recorded_states(records):
        yield record["version"], flatten(state)


def _facts_of(entries: list[Entry], version: int) -> Flat:
    found = next(e for e in entries if e.version == version)
    flat: Flat = {"occurred_on": found.occurred_on}
    for key, value in found.facts.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = tuple(value) if isinstance(value, list) else value
    return flat


def corrected_facts(records: list[dict[str, Any]], count: int) -> list[Change]:
    """The facts the correction ``records[count - 1]`` changed in the entry it corrects,
    as they read before it and after it (keys ``fact:<name>``)."""
    target = records[count - 1]["facts"]["corrects_version"]
    before = _facts_of(materialise(records[:count - 1]), target)
    after = _facts_of(materialise(records[:count]), target)
    return [Change(f"fact:{c.key}", c.before, c.after) for c in diff(before, after)]


def changes_by_version(records: list[dict[str, Any]]) -> dict[int, list[Change]]:
    """For each version, what changed against the version before: for a correction, the
    corrected facts first; then the fields of the case's state."""
    result: dict[int, list[Change]] = {}
    previous: Flat = {}
    for count, (version, flat) in enumerate(flat_versions(records), 1):
        facts = (corrected_facts(records, count)
                 if records[count - 1]["type"] == "EntryCorrected" else [])
        result[version] = facts + (diff(previous, flat) if previous else [])
        previous = flat
    return result
