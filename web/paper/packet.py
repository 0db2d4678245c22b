"""The filing packet (报送材料): one PDF holding a cover sheet, then the case's printed
documents, each followed by the proofs attached to its entries, then the other proofs.

Which printed documents go in, and in which order, is :data:`PACKET`: names of documents
of :mod:`web.paper.catalog` (a document the case does not offer now is left out). **To add
a document**, add its :class:`PacketDocument` there (a document drawn from the case as it
stands names, as ``proves``, the entry type whose proofs follow it). Attached PDFs are
merged page by page (pypdf); attached images are set on A4 pages by WeasyPrint; other
files (Word, Excel) are listed on the cover to be handed in as they are.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from domain.case import NegotiationCase
from domain.filing_packet import ChecklistItem, filing_checklist
from domain.proofs import Proof, loose_proofs, proofs_by_entry
from web.paper import catalog
from web.paper.attachments import path_of, previewable

ToPdf = Callable[[str], bytes]
"""Typesets one rendered HTML page as a PDF (:func:`web.paper.pdf.render_pdf`)."""
Render = Callable[..., str]
"""Renders a template with its context (:func:`flask.render_template`)."""


@dataclass(frozen=True)
class PacketDocument:
    """A document of :mod:`web.paper.catalog` in the packet; ``proves``: for one drawn
    from the case as it stands, the entries whose proofs follow it."""

    name: str
    proves: str | None = None


PACKET: tuple[PacketDocument, ...] = (
    PacketDocument("filing", "ContractFiled"),
    PacketDocument("contract", "ContractSigned"),
    PacketDocument("vote"),
    PacketDocument("representatives", "RepresentativesAppointed"),
    PacketDocument("appointment"),
    PacketDocument("offer"),
    PacketDocument("minutes"),
)
"""The printed documents of the packet, in order (add more here; see the module's
docstring)."""


@dataclass
class Part:
    """One part of the packet: its title, the entry it belongs to, its pages."""

    title: str
    version: int | None
    pdf: bytes = b""
    pages: int = 0
    first_page: int = 0


@dataclass
class Packet:
    """The parts of a packet, what was left out, and the checklist on its cover."""

    parts: list[Part] = field(default_factory=list)
    left_out: list[Proof] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class Typesetting:
    """What making the packet needs from the app: templates, the PDF engine, the case at
    an earlier version, where files are kept, the names of proofs and the language."""

    render: Render
    to_pdf: ToPdf
    then: Callable[[int], NegotiationCase | None]
    instance: Path
    proof_title: Callable[[Proof], str]
    lang: str = "zh"


def _proof_part(proof: Proof, how: Typesetting) -> Part | None:
    """An attached PDF as it is, an image on an A4 page; None if it cannot go in."""
    path = path_of(how.instance, proof.sha256)
    if not previewable(path, proof.media_type):
        return None
    content, title = path.read_bytes(), how.proof_title(proof)
    if proof.media_type == "application/pdf":
        try:
            pages = page_count(content)
        except (PyPdfError, ValueError, OSError):
            return None
        return Part(title, proof.proves_version, content, pages)
    source = f"data:{proof.media_type};base64,{base64.b64encode(content).decode()}"
    pdf = how.to_pdf(how.render("print/packet_image.html", title=title, proof=proof,
                                source=source))
    return Part(title, proof.proves_version, pdf, page_count(pdf))


def _documents(case: NegotiationCase, how: Typesetting,
               document: PacketDocument) -> list[tuple[str, str, list[int]]]:
    """The document rendered as HTML (once, or once per entry it is drawn from), with its
    title and the versions of the entries whose proofs follow it."""
    kind = catalog.BY_NAME.get(document.name)
    if kind is None:
        return []
    title = kind.title[0 if how.lang == "zh" else 1]
    if kind.entry is not None:
        found = []
        for entry in (e for e in case.entries if e.type == kind.entry):
            then = how.then(entry.version)
            if then is not None:
                context = (kind.entry_build or kind.build)(case, then, entry)
                found.append((title, how.render(kind.template, **context), [entry.version]))
        return found
    if kind.offered is None or not kind.offered(case):
        return []
    proved = [e.version for e in case.entries if e.type == document.proves]
    return [(title, how.render(kind.template, **kind.build(case)), proved)]


def collect(case: NegotiationCase, how: Typesetting) -> Packet:
    """The packet's parts (documents, each followed by its entries' proofs, then the other
    proofs in the order of their entries), without the cover."""
    packet = Packet(checklist=filing_checklist(case.state))
    by_entry = proofs_by_entry(case.entries)

    def add(proofs: list[Proof]) -> None:
        for proof in proofs:
            part = _proof_part(proof, how)
            if part is None:
                packet.left_out.append(proof)
            else:
                packet.parts.append(part)

    for document in PACKET:
        for title, html, versions in _documents(case, how, document):
            pdf = how.to_pdf(html)
            packet.parts.append(Part(title, versions[0] if versions else None, pdf,
                                     page_count(pdf)))
            for version in versions:
                add(by_entry.pop(version, []))
    for version in sorted(by_entry):
        add(by_entry[version])
    add(loose_proofs(case.entries))
    return packet


def number_pages(packet: Packet, cover_pages: int) -> None:
    """Each part's first page in the whole packet, after a cover of ``cover_pages``."""
    page = cover_pages + 1
    for part in packet.parts:
        part.first_page, page = page, page + part.pages


def merged(cover: bytes, packet: Packet) -> bytes:
    """The cover and every part as one PDF."""
    writer = PdfWriter()
    for pdf in (cover, *(part.pdf for part in packet.parts)):
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
