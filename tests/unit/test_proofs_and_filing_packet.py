"""Proofs attached to their entries (domain/proofs.py) and the checklist before filing
(domain/filing_packet.py), on cases built with the domain's own commands."""

from __future__ import annotations

from dataclasses import replace
from datetime import date as D

import pytest

from config.filing_packet import packet_items
from config.profiles import available
from domain.entries import Entry
from domain.filing_packet import SOURCES, ItemState, filing_checklist, missing_items
from domain.proofs import loose_proofs, proofs, proofs_by_entry
from domain.stages import Stage
from domain.values import ContractKind, ProofKind

SHA = "ab" * 32


def attach(case, worker, kind: ProofKind, proves: int | None, sha: str = SHA,
           on: D = D(2025, 4, 23)) -> None:
    """Attach a PDF as a proof of ``kind`` of entry ``proves``."""
    case.attach_file(worker, on, filename="扫描件.pdf", media_type="application/pdf",
                     size=2048, sha256=sha, proof_kind=kind, proves_version=proves)


def version_of(case, event_type: str) -> int:
    """The version of the case's last entry of ``event_type``."""
    return [e for e in case.entries if e.type == event_type][-1].version


def states(case) -> dict[str, ItemState]:
    """Each checklist item's state by its key."""
    return {c.key: c.state for c in filing_checklist(case.state)}


def test_each_entry_lists_the_proofs_attached_to_it(story, worker):
    case = story.up_to(Stage.FILED)
    signed = version_of(case, "ContractSigned")
    attach(case, worker, ProofKind.SIGNED_CONTRACT, signed)
    attach(case, worker, ProofKind.OTHER, None, sha="cd" * 32)
    found = proofs_by_entry(case.entries)
    assert list(found) == [signed]
    [proof] = found[signed]
    assert (proof.kind, proof.proves_version, proof.sha256) == (
        ProofKind.SIGNED_CONTRACT, signed, SHA)
    assert proof.previewable and proof.version == case.version - 1
    assert [p.sha256 for p in loose_proofs(case.entries)] == ["cd" * 32]


def test_an_attachment_stored_before_proofs_had_kinds_loads_as_other(story, worker):
    case = story.open()
    entry = Entry(version=2, type="AttachmentAdded", by=worker, occurred_on=D(2025, 3, 5),
                  recorded_at=case.entries[0].recorded_at,
                  facts={"filename": "纪要.pdf", "media_type": "application/pdf",
                         "size": 10, "sha256": SHA, "description": ""})
    [proof] = proofs([*case.entries, entry])
    assert proof.kind is ProofKind.OTHER and proof.proves_version is None
    assert proofs_by_entry([entry]) == {} and loose_proofs([entry]) == [proof]


@pytest.mark.parametrize(("facts", "expected"), [
    pytest.param({"proves_version": 99}, {"proof_entry_unknown"}, id="no-such-entry"),
    pytest.param({"proves_version": 2}, {"proof_entry_unknown"}, id="an-attachment"),
    pytest.param({"proof_kind": "selfie"}, {"proof_kind_unknown"}, id="unknown-kind"),
])
def test_a_proof_must_name_a_known_kind_and_a_step_of_the_case(story, worker, refused,
                                                               facts, expected):
    case = story.open()
    attach(case, worker, ProofKind.OTHER, None)          # version 2: not a step
    attachment = {"filename": "纪要.pdf", "media_type": "application/pdf", "size": 2048,
                  "sha256": SHA, **facts}
    assert refused(case.attach_file, worker, D(2025, 3, 5), **attachment) == expected


def test_the_checklist_follows_the_case_recorded_then_proved(story, worker):
    case = story.up_to(Stage.SIGNED)
    assert states(case) == {
        "contract_text": ItemState.RECORDED, "average_wage": ItemState.MISSING,
        "wage_raise": ItemState.RECORDED, "workers_covered": ItemState.RECORDED,
        "vote": ItemState.RECORDED, "representatives": ItemState.RECORDED,
        "minutes": ItemState.RECORDED}
    attach(case, worker, ProofKind.SIGNED_CONTRACT, version_of(case, "ContractSigned"))
    attach(case, worker, ProofKind.CONGRESS_RESOLUTION, version_of(case, "ContractSigned"))
    found = states(case)
    assert found["contract_text"] is ItemState.PROOF_ATTACHED
    assert found["vote"] is ItemState.RECORDED, "a resolution tied to another entry proves nothing"
    attach(case, worker, ProofKind.CONGRESS_RESOLUTION, version_of(case, "RatificationVoted"))
    assert states(case)["vote"] is ItemState.PROOF_ATTACHED
    assert [c.key for c in missing_items(case.state)] == ["average_wage"]


def test_every_session_needs_its_signed_minutes(story, worker):
    case = story.up_to(Stage.DRAFT_AGREED)
    first = case.state.track.sessions[0].version
    story.hold_session(case, on=D(2025, 4, 9), minutes_signed=False)
    assert states(case)["minutes"] is ItemState.MISSING
    attach(case, worker, ProofKind.SIGNED_MINUTES, first, on=D(2025, 4, 10))
    assert states(case)["minutes"] is ItemState.MISSING
    attach(case, worker, ProofKind.SIGNED_MINUTES, case.state.track.sessions[-1].version,
           on=D(2025, 4, 10))
    assert states(case)["minutes"] is ItemState.PROOF_ATTACHED


def test_an_early_case_misses_what_is_not_yet_recorded(story):
    case = story.up_to(Stage.SURVEYED, kind=ContractKind.GENERAL)
    assert states(case) == {key: ItemState.MISSING for key in
                            ("contract_text", "vote", "representatives", "minutes")}


def test_a_profile_no_longer_shipped_takes_the_national_list(story):
    case = story.up_to(Stage.SIGNED)
    gone = replace(case.state.profile, name="atlantis")
    assert packet_items(gone.name) == packet_items("national")


@pytest.mark.parametrize("name", available())
def test_every_profile_item_names_a_known_source_proof_and_kind(name):
    items = packet_items(name)
    assert items, f"{name} lists no filing packet"
    for item in items:
        assert item.entry in SOURCES
        assert item.facts or item.proofs, f"{item.key}: nothing can satisfy it"
        assert all(ProofKind(p) in ProofKind for p in item.proofs)
        assert all(ContractKind(k) in ContractKind for k in item.kinds)
    assert len({i.key for i in items}) == len(items)


def test_last_year_s_average_wage_is_a_key_term_of_the_draft(story, worker):
    case = story.up_to(Stage.NEGOTIATING)
    story.agree_draft(case, key_terms={"wage_increase_pct": 5, "average_wage_last_year": 5200})
    assert states(case)["average_wage"] is ItemState.RECORDED
    assert states(case)["contract_text"] is ItemState.MISSING
