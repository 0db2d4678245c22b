"""PDFs of printed pages (the offer letter, the public notice), made with WeasyPrint.

Chinese is set in the Noto CJK fonts of Debian's ``fonts-noto-cjk`` package and embedded as
real text (subset fonts, so the PDF stays searchable and copyable); pango breaks the lines.
WeasyPrint fetches nothing from the network: only the app's own static files and ``data:``
URLs are read, every other URL is refused.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

FONTS = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif'
PDF_CSS = f"""
@page {{ size: A4; margin: 2cm;
        @bottom-center {{ content: counter(page) " / " counter(pages);
                          font-family: {FONTS}; font-size: 9pt; }} }}
html, body, body * {{ font-family: {FONTS}; }}
body {{ max-width: none; margin: 0; padding: 0; font-size: 11pt; line-height: 1.7; }}
h1, h2, th {{ font-weight: bold; }}
th {{ white-space: nowrap; }}
h1, h2, h3, tr, .signatures {{ break-inside: avoid; }}
h1, h2, h3 {{ break-after: avoid; }}
.screen-only, header.top nav {{ display: none !important; }}
a {{ color: inherit; text-decoration: none; }}
"""


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


def render_pdf(html: str, base_url: str, static_url: str, static_folder: Path) -> bytes:
    """The PDF of a rendered HTML page, on A4 in the Noto CJK fonts.

    ``base_url`` is the URL the page was served from (relative links resolve against it);
    the files of ``static_folder`` are served under the absolute URL ``static_url``.
    """
    fetcher = LocalOnly(static_url, static_folder)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(stylesheets=[CSS(string=PDF_CSS, url_fetcher=fetcher)])
    return pdf


def content_disposition(ascii_name: str, name: str) -> str:
    """``inline`` with an ASCII ``filename`` and the real (e.g. Chinese) name as RFC 5987
    ``filename*``."""
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_"
                       for c in ascii_name)
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
