"""Attachments stored by release 5a6e39d, before proofs had kinds, load as proofs of kind
``other`` proving no entry, and those cases compute their filing checklist."""

from __future__ import annotations

from pathlib import Path

from storyteller import Apps, restore_release
from test_history_of_release_5a6e39d import FIXTURE, KEY

from config.settings import Settings
from domain.commands import Negotiations
from domain.filing_packet import ItemState, filing_checklist
from domain.proofs import loose_proofs, proofs, proofs_by_entry
from domain.values import ProofKind
from domain.verify import notifications


def test_old_attachments_are_loose_proofs_of_kind_other(
        store: Settings, open_app: Apps, app: Negotiations, tmp_path: Path) -> None:
    then = restore_release(FIXTURE, store, open_app, app, tmp_path, CHAIN_KEY=KEY)
    cases = [then.get_case(c) for c in {n.originator_id for n in notifications(then)}]
    found = [p for case in cases for p in proofs(case.entries)]
    assert len(found) == 46
    assert {p.kind for p in found} == {ProofKind.OTHER}
    assert all(p.proves_version is None for p in found)
    assert all(proofs_by_entry(case.entries) == {} for case in cases)
    assert sum(len(loose_proofs(case.entries)) for case in cases) == 46
    states = {c.state for case in cases for c in filing_checklist(case.state)}
    assert ItemState.RECORDED in states and ItemState.PROOF_ATTACHED not in states
