"""The proofs of a case: its attachments, each naming what it is and the entry it proves.

Attachments stored before proofs had kinds load as :attr:`ProofKind.OTHER`, proving no
entry in particular (:func:`loose_proofs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.entries import Entry
from domain.values import ProofKind

ATTACHMENT = "AttachmentAdded"


@dataclass(frozen=True)
class Proof:
    """One attached file as a proof: which entry recorded it, what it is, what it proves."""

    version: int
    kind: ProofKind
    proves_version: int | None
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    occurred_on: date

    @property
    def previewable(self) -> bool:
        """An image or a PDF: a browser shows it in the page."""
        return self.media_type == "application/pdf" or self.media_type.startswith("image/")


def kind_of(value: object) -> ProofKind:
    """The stored kind as a :class:`ProofKind` (missing or unknown: ``other``)."""
    try:
        return ProofKind(str(value))
    except ValueError:
        return ProofKind.OTHER


def proof_of(entry: Entry) -> Proof:
    """The proof an attachment entry records."""
    facts = entry.facts
    proves = facts.get("proves_version")
    return Proof(version=entry.version, kind=kind_of(facts.get("proof_kind", ProofKind.OTHER)),
                 proves_version=None if proves is None else int(proves),
                 filename=facts["filename"], media_type=facts["media_type"],
                 size=facts["size"], sha256=facts["sha256"],
                 description=facts.get("description", ""), occurred_on=entry.occurred_on)


def proofs(entries: Iterable[Entry]) -> list[Proof]:
    """Every attachment of a case as a proof, oldest first."""
    return [proof_of(e) for e in entries if e.type == ATTACHMENT]


def proofs_by_entry(entries: Iterable[Entry]) -> dict[int, list[Proof]]:
    """Each proved entry's version and its proofs, oldest first (``case.entries`` or any
    history of entries); attachments proving no entry are left out (:func:`loose_proofs`)."""
    found: dict[int, list[Proof]] = {}
    for proof in proofs(entries):
        if proof.proves_version is not None:
            found.setdefault(proof.proves_version, []).append(proof)
    return found


def loose_proofs(entries: Iterable[Entry]) -> list[Proof]:
    """The attachments that name no entry they prove (all those stored before they could)."""
    return [p for p in proofs(entries) if p.proves_version is None]
