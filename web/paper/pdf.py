"""PDFs of printed pages (the offer letter, the public notice), made with WeasyPrint.

Chinese is set in the Noto CJK fonts of Debian's ``fonts-noto-cjk`` package and embedded as
real text (subset fonts, so the PDF stays searchable and copyable); pango breaks the lines.
WeasyPrint fetches nothing from the network: only the app's own static files and ``data:``
URLs are read, every other URL is refused (:class:`web.paper.local_fetcher.LocalOnly`).

WeasyPrint (with pango and its fonts) takes some 40 MB once imported: it is imported on the
first PDF a process makes, not when the app starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

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


def render_pdf(html: str, base_url: str, static_url: str, static_folder: Path) -> bytes:
    """The PDF of a rendered HTML page, on A4 in the Noto CJK fonts.

    ``base_url`` is the URL the page was served from (relative links resolve against it);
    the files of ``static_folder`` are served under the absolute URL ``static_url``.
    """
    from weasyprint import CSS, HTML

    from web.paper.local_fetcher import LocalOnly

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


def __getattr__(name: str) -> Any:
    """``LocalOnly``, imported when first asked for (it imports WeasyPrint)."""
    if name == "LocalOnly":
        from web.paper.local_fetcher import LocalOnly
        return LocalOnly
    raise AttributeError(name)
