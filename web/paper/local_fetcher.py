"""What WeasyPrint may read while it makes a PDF: the app's static files and ``data:`` URLs.

Imported on the first PDF a process makes (see :mod:`web.paper.pdf`).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse


class LocalOnly(URLFetcher):
    """Serves the app's static files (under ``static_url``) and ``data:`` URLs; refuses
    everything else, so rendering never touches the network or other local files."""

    def __init__(self, static_url: str, static_folder: Path) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self.static_url = static_url
        self.static_folder = static_folder.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """The static file or ``data:`` URL at ``url``; ``ValueError`` for anything else."""
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(self.static_url):
            relative = url.removeprefix(self.static_url).split("?")[0].split("#")[0]
            path = (self.static_folder / relative).resolve()
            if path.is_relative_to(self.static_folder) and path.is_file():
                media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(),
                                          {"Content-Type": media_type})
        raise ValueError(f"not fetched while making a PDF: {url}")
