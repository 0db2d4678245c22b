"""A file attached to a case (a scanned contract, signed minutes...), stored elsewhere by
its SHA-256; the event keeps its name, type, size and hash, what kind of proof it is and
which entry of the case it proves (:mod:`domain.proofs` lists each entry's proofs)."""

from __future__ import annotations

import re

from domain.errors import Breach
from domain.events import CaseEvent, StepEvent
from domain.procedure.step import WORKERS_AND_SUPERVISORS, Part, Record, Step, Taking
from domain.rules.procedure import at_least, text_given
from domain.state import CaseState
from domain.values import ProofKind

SHA256 = re.compile(r"[0-9a-f]{64}")


class AttachmentAdded(CaseEvent):
    """A file stored elsewhere by content hash (SHA-256).

    ``proof_kind`` and ``proves_version`` came later: attachments stored before them load as
    ``other``, proving no entry in particular.
    """

    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    proof_kind: str = ProofKind.OTHER.value
    proves_version: int | None = None


def proof_target(state: CaseState, version: int | None) -> list[Breach]:
    """A proof proves a step of the procedure recorded on this case (or nothing named)."""
    if version is None:
        return []
    if any(e.version == version and e.type in StepEvent.named for e in state.entries):
        return []
    return [Breach("proof_entry_unknown", {"version": version}, field="proves_version")]


def attach_file(step: Taking, *, filename: str, media_type: str, size: int, sha256: str,
                description: str = "", proof_kind: str = ProofKind.OTHER.value,
                proves_version: int | None = None) -> list[Record]:
    """A named, non-empty file with a well-formed SHA-256, a known kind of proof, and the
    entry it proves, if one is named."""
    kinds = {str(k) for k in ProofKind}
    step.require(text_given(filename, "filename"), at_least(size, 1, "size"),
                 [] if SHA256.fullmatch(sha256) else [Breach("sha256_invalid", field="sha256")],
                 [] if str(proof_kind) in kinds
                 else [Breach("proof_kind_unknown", field="proof_kind")],
                 proof_target(step.state, proves_version))
    return [Record(AttachmentAdded, dict(
        filename=filename, media_type=media_type, size=size, sha256=sha256,
        description=description, proof_kind=str(proof_kind),
        proves_version=None if proves_version is None else int(proves_version)))]


STEP = Step(
    name="attachment", command="attach_file", label=("附件", "Attachment"),
    record=attach_file, events={AttachmentAdded: ("附件", "Attachment")},
    roles=WORKERS_AND_SUPERVISORS, part=Part.ENTRY, while_closed=True,
    fields={"filename": ("文件名", "File name"), "media_type": ("文件类型", "File type"),
            "size": ("大小（字节）", "Size (bytes)"), "sha256": ("SHA-256", "SHA-256"),
            "description": ("说明", "Description"), "proof_kind": ("证明材料类型", "Kind of proof"),
            "proves_version": ("所证明的记录", "Entry it proves")},
    messages={
        "proof_entry_unknown": ("本案没有第 {version} 条程序记录，附件无法对应。",
                                "This case has no step recorded as entry {version}."),
        "proof_kind_unknown": ("未知的证明材料类型。", "Unknown kind of proof."),
    },
)
