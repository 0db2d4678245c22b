"""The snapshot check of ``verify``: each stored snapshot sealed, and equal to a replay.

A snapshot is a cache of the case at one version. ``verify`` reads every one, checks its
seal (one written before snapshots were sealed is counted, and never served), and compares
its state with the case replayed from its events up to the same version.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.chain import ChainBreak
from domain.snapshots import MARK, SnapshotRefused, unseal


def check_snapshots(app: Any, cases: list[UUID], breaks: list[ChainBreak]) -> tuple[int, int]:
    """Check the snapshots of ``cases``; return how many there are and how many unsealed."""
    recorder = (app.snapshots.recorder if app.snapshots is not None
                else app.factory.aggregate_recorder(purpose="snapshots"))
    key = app.chain_key
    count = unsealed = 0
    for case_id in cases:
        for stored in recorder.select_events(case_id):
            count += 1
            version = stored.originator_version
            body = stored.state
            if key is not None or stored.state.startswith(MARK):
                try:
                    body = unseal(key or b"", stored)
                except SnapshotRefused as refused:
                    if stored.state.startswith(MARK) or key is None:
                        breaks.append(ChainBreak(case_id, version, f"snapshot: {refused}"))
                        continue
                    unsealed += 1
            else:
                unsealed += 1
            reason = _differs(app, StoredEvent(case_id, version, stored.topic, body))
            if reason:
                breaks.append(ChainBreak(case_id, version, reason))
    return count, unsealed


def _differs(app: Any, stored: StoredEvent) -> str:
    """Why the snapshot's state is not the replay of its case's events ("" if it is)."""
    try:
        snapshot = app.mapper.to_domain_event(stored)
        case = None
        for event in app.events.get(stored.originator_id, lte=stored.originator_version):
            case = event.mutate(case)
        if case is None or case.version != stored.originator_version:
            return "snapshot of a version its events do not reach"
        replayed = type(snapshot).take(case)
    except Exception as error:  # noqa: BLE001 - any failure to compare is a break
        return f"snapshot cannot be compared with its events: {error}"
    encode = app.mapper.transcoder.encode
    if encode(replayed.state) != encode(snapshot.state):
        return "snapshot differs from its events"
    return ""
