"""Correcting an entry in its own terms: the step that recorded it is filled in again, and
the correction names exactly the facts that changed.

The step's own command checks the restated facts, on the case as it stood just before the
entry (only whether the step may be taken *now* is not asked again: it was taken). What the
command would have recorded is compared with the entry as it reads today (earlier
corrections overlaid); each fact that differs becomes one change of an
:class:`~domain.procedure.correction.EntryCorrected`. A fact inside a mapping (the
enterprise's name, one key term) changes on its own; a list of records (a side's
representatives, agenda items, demands) is restated whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.case_core import plain
from domain.entries import Entry, materialise
from domain.errors import Breach, require
from domain.procedure.opening import CaseOpened
from domain.procedure.registry import step_recording
from domain.procedure.step import Taking
from domain.replay import states
from domain.rules.enterprise import enterprise_valid, normalised
from domain.rules.procedure import not_in_future
from domain.values import Actor, Enterprise

CORRECTABLE_OPENING = ("enterprise", "contract_kind")
"""What a correction of the opening may restate (its profile, scope and worker stay)."""


def _state_before(entries: list[Entry], version: int) -> Any:
    before = [e for e in entries if e.version < version]
    *_, state = states(before)
    return state


def _flat_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key, value in new.items():
        was = old.get(key)
        if value == was:
            continue
        if isinstance(was, dict) and isinstance(value, dict) and set(value) <= set(was):
            changes.update({f"{key}.{k}": v for k, v in value.items() if was.get(k) != v})
        else:
            changes[key] = value
    return changes


def _restated_opening(entry: Entry, facts: dict[str, Any]) -> dict[str, Any]:
    enterprise = facts.get("enterprise")
    if isinstance(enterprise, Enterprise):
        enterprise = normalised(enterprise)
        require(enterprise_valid(enterprise))
        facts = {**facts, "enterprise": enterprise.to_dict()}
    return {k: plain(v) for k, v in facts.items() if k in CORRECTABLE_OPENING}


def restated_changes(records: list[dict[str, Any]], version: int, by: Actor, today: date,
                     occurred_on: date, facts: dict[str, Any]) -> dict[str, Any]:
    """The changes that correct entry ``version`` of a case (its stored ``records``) to
    what its step records from ``facts`` on ``occurred_on``; refused with the step's own
    breaches if the step would not take them."""
    entries = materialise(records)
    entry = next((e for e in entries if e.version == version), None)
    if entry is None:
        require([Breach("correction_target", {"version": version}, field="corrects_version")])
    assert entry is not None
    old = {"occurred_on": entry.occurred_on, **entry.facts}
    if entry.type == CaseOpened.__name__:
        require(not_in_future(occurred_on, today))
        return _flat_changes(old, {"occurred_on": occurred_on,
                                   **_restated_opening(entry, facts)})
    step = step_recording(entry.type)
    if step is None:
        require([Breach("correction_target", {"version": version}, field="corrects_version")])
    assert step is not None
    taking = Taking(step, _state_before(entries, version), by, occurred_on, today,
                    [r for r in records if r["version"] < version], restating=True)
    recorded = [r for r in step.record(taking, **facts) if r.event.__name__ == entry.type]
    new = plain(recorded[0].facts) if recorded else {}
    return _flat_changes(old, {"occurred_on": occurred_on, **new})
