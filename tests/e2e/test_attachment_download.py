"""A file stored under a name with control characters (a NUL, a line break: from before
uploads refused them) still downloads, under that name without them: no character of a
stored name can break out of the ``Content-Disposition`` header."""

from __future__ import annotations

from urllib.parse import unquote
from uuid import UUID

from flask import Flask
from steps_story import PDF, Story

from domain import clock
from domain.values import Actor, Role
from web.paper.attachments import checked_content, store

LI = Actor("sw-001", "李社工", Role.SOCIAL_WORKER)


def attached_by_hand(app: Flask, case_id: UUID, filename: str, content: bytes) -> str:
    """Attach ``content`` under ``filename`` straight through the application, as an old
    upload would have been kept; return its SHA-256."""
    upload = checked_content("scan.pdf", content)
    store(app.config["SETTINGS"].instance_path, upload)
    negotiations = app.extensions["negotiations"]
    version = negotiations.get_case(case_id).version
    negotiations.attach_file(case_id, version, LI, clock.today(), filename=filename,
                             media_type=upload.media_type, size=upload.size,
                             sha256=upload.sha256)
    return upload.sha256


def test_a_stored_name_with_control_characters_downloads_under_a_safe_name(
        app: Flask) -> None:
    li = Story(app, app.test_client()).login("li")
    case_id = li.open_case(8201)
    chinese = attached_by_hand(app, case_id, "合同\u0000\r\nSet-Cookie: owned=1\u2028.pdf",
                               PDF + b"chinese")
    plain = attached_by_hand(app, case_id, "minutes\u0000\r\n\tv2.pdf", PDF + b"plain")

    download = li.client.get(f"/cases/{case_id}/attachments/{chinese}")
    assert download.status_code == 200 and download.data == PDF + b"chinese"
    header = download.headers["Content-Disposition"]
    assert not any(c in header for c in "\u0000\r\n\t\u2028")
    assert "Set-Cookie" not in download.headers and download.headers.get("Set-Cookie") is None
    encoded = header.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "合同Set-Cookie: owned=1.pdf"
    assert "no-store" in download.headers["Cache-Control"]

    download = li.client.get(f"/cases/{case_id}/attachments/{plain}")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == "attachment; filename=minutesv2.pdf"
