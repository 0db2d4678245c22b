"""A file attached to a case (a scanned contract, signed minutes...), stored elsewhere by
its SHA-256; the event keeps its name, type, size and hash."""

from __future__ import annotations

import re

from domain.errors import Breach
from domain.events import CaseEvent
from domain.procedure.step import WORKERS_AND_SUPERVISORS, Part, Record, Step, Taking
from domain.rules.procedure import at_least, text_given

SHA256 = re.compile(r"[0-9a-f]{64}")


class AttachmentAdded(CaseEvent):
    """A file stored elsewhere by content hash (SHA-256)."""

    filename: str
    media_type: str
    size: int
    sha256: str
    description: str


def attach_file(step: Taking, *, filename: str, media_type: str, size: int, sha256: str,
                description: str = "") -> list[Record]:
    """A named, non-empty file with a well-formed SHA-256."""
    step.require(text_given(filename, "filename"), at_least(size, 1, "size"),
                 [] if SHA256.fullmatch(sha256) else [Breach("sha256_invalid", field="sha256")])
    return [Record(AttachmentAdded, dict(filename=filename, media_type=media_type, size=size,
                                         sha256=sha256, description=description))]


STEP = Step(
    name="attachment", command="attach_file", label=("附件", "Attachment"),
    record=attach_file, events={AttachmentAdded: ("附件", "Attachment")},
    roles=WORKERS_AND_SUPERVISORS, part=Part.ENTRY, while_closed=True,
    fields={"filename": ("文件名", "File name"), "media_type": ("文件类型", "File type"),
            "size": ("大小（字节）", "Size (bytes)"), "sha256": ("SHA-256", "SHA-256"),
            "description": ("说明", "Description")},
)
