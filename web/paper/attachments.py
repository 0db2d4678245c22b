"""Attachments: checked by size, extension and content; stored once under their SHA-256.

Files live at ``<instance>/attachments/<sha256[:2]>/<sha256>``: the same content is kept
once however often it is attached, and a stored file is never rewritten.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from werkzeug.datastructures import FileStorage

from web.forms.clean_text import refusal

MAX_BYTES = 10 * 1024 * 1024
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
# extension -> (media type, magic bytes at the start, folder inside an Office zip)
TYPES: dict[str, tuple[str, bytes, str]] = {
    "pdf": ("application/pdf", b"%PDF-", ""),
    "jpg": ("image/jpeg", b"\xff\xd8\xff", ""),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff", ""),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n", ""),
    "doc": ("application/msword", OLE, ""),
    "xls": ("application/vnd.ms-excel", OLE, ""),
    "ppt": ("application/vnd.ms-powerpoint", OLE, ""),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             ZIP, "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, "xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
             ZIP, "ppt/"),
}


class AttachmentRefused(ValueError):
    """The upload is missing, too large or not an accepted type; ``code`` says which."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class Upload:
    """A checked upload: what the case records about it, and its bytes."""

    filename: str
    media_type: str
    size: int
    sha256: str
    content: bytes


def _office_zip(content: bytes, folder: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def media_type_of(filename: str, content: bytes) -> str:
    """The media type, if the extension is accepted and the content starts as it should."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension not in TYPES:
        raise AttachmentRefused("file_type")
    media_type, magic, folder = TYPES[extension]
    if not content.startswith(magic) or (folder and not _office_zip(content, folder)):
        raise AttachmentRefused("file_type")
    return media_type


def checked(upload: FileStorage | None) -> Upload:
    """Read and check an uploaded file (at most :data:`MAX_BYTES`)."""
    if upload is None or not upload.filename:
        raise AttachmentRefused("file_missing")
    return checked_content(upload.filename, upload.stream.read(MAX_BYTES + 1))


def checked_content(filename: str, content: bytes) -> Upload:
    """Check a file's name (one line of text, see :mod:`web.forms.clean_text`) and bytes (at
    most :data:`MAX_BYTES`)."""
    code = refusal(filename)
    if code:
        raise AttachmentRefused("file_name:" + code.partition(":")[2])
    if len(content) > MAX_BYTES:
        raise AttachmentRefused(f"file_too_large:{MAX_BYTES // (1024 * 1024)}")
    if not content:
        raise AttachmentRefused("file_missing")
    filename = PurePath(filename.replace("\\", "/")).name.strip()[:200]
    media_type = media_type_of(filename, content)
    return Upload(filename, media_type, len(content), hashlib.sha256(content).hexdigest(),
                  content)


def path_of(instance_path: Path, sha256: str) -> Path:
    """Where the file with this hash is kept."""
    return instance_path / "attachments" / sha256[:2] / sha256


def store(instance_path: Path, upload: Upload) -> Path:
    """Keep the upload's bytes under their hash (once: an existing file is left alone)."""
    target = path_of(instance_path, upload.sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(upload.content)
    os.replace(temporary, target)
    return target


PREVIEWABLE = {"application/pdf": b"%PDF-", "image/jpeg": b"\xff\xd8\xff",
               "image/png": b"\x89PNG\r\n\x1a\n"}
PREVIEW_CSP = ("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
               "frame-ancestors 'self'")


def previewable(path: Path, media_type: str) -> bool:
    """Whether a stored file may be shown in the page: a PDF, JPEG or PNG whose bytes
    still start as that type's do (the same check as on upload)."""
    magic = PREVIEWABLE.get(media_type)
    if magic is None or not path.is_file():
        return False
    with path.open("rb") as stream:
        return stream.read(len(magic)) == magic


def preview_headers(media_type: str) -> dict[str, str]:
    """Headers of a file shown in the page: it may be framed by the app's own pages only
    (``<object>``/``<embed>``), runs nothing, and an image is sandboxed."""
    sandbox = "" if media_type == "application/pdf" else "; sandbox"
    return {"Content-Security-Policy": PREVIEW_CSP + sandbox,
            "X-Frame-Options": "SAMEORIGIN", "X-Content-Type-Options": "nosniff"}


def keep(instance_path: Path, content: bytes) -> Path:
    """Keep bytes already checked (e.g. the demo's own files) under their hash."""
    return store(instance_path, Upload("", "", len(content),
                                       hashlib.sha256(content).hexdigest(), content))


def download_name(filename: str) -> str:
    """A stored file name fit for the ``Content-Disposition`` of its download: without
    control and format characters (NUL, CR, LF, bidi overrides) or line separators, which
    names kept before uploads refused them may hold; ``attachment`` if nothing is left."""
    kept = "".join(c for c in filename
                   if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    return kept.strip() or "attachment"
