"""Small real files for the demo's attachments, so that downloads, previews and the filing
packet work on demo data: a one-page A4 PDF, a PNG, an Excel sheet. Each kind is made once
(the same bytes, stored once under their SHA-256, serve every case)."""

from __future__ import annotations

import io
import struct
import zlib
from functools import cache
from pathlib import PurePath

from openpyxl import Workbook
from pypdf import PdfWriter

A4_POINTS = (595, 842)


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(*A4_POINTS)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png(width: int = 240, height: int = 160) -> bytes:
    """A pale red notice board with a white sheet on it (RGB, 8 bits)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            sheet = 60 <= x < 180 and 30 <= y < 130
            row += b"\xff\xff\xff" if sheet else b"\xc6\x28\x28"
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows))) + _chunk(b"IEND", b""))


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["诉求", "人数"])
    sheet.append(["提高工资", 30])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


MAKERS = {"pdf": (_pdf, "application/pdf"), "png": (_png, "image/png"),
          "xlsx": (_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


@cache
def demo_file(filename: str) -> tuple[bytes, str]:
    """A real small file for ``filename`` (by its extension: pdf, png or xlsx) and its
    media type."""
    make, media_type = MAKERS[PurePath(filename).suffix.lstrip(".").lower()]
    return make(), media_type
