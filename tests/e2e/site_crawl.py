"""A bounded crawl of the site as one reader: every same-site link reachable by GET.

It starts from a few pages, follows ``<a href>`` and the ``action`` of GET forms, and keeps
each page that answers with HTML. Bounds: at most ``limit`` pages, and at most ``per_shape``
URLs of one shape (the path with ids and numbers blanked, and the names of the query
parameters), so a list of 300 cases yields a few case pages, not 300.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from flask.testing import FlaskClient

# Not pages: files to download, feeds, JSON, and what the crawl must not trigger.
SKIPPED_SUFFIXES = (".pdf", ".csv", ".xlsx", ".ics", ".atom", ".json")
SKIPPED_PREFIXES = ("/static/", "/logout", "/api/v1/docs/assets/", "/calendar/")
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}|\d+")


@dataclass
class Page:
    """One page the crawl read."""

    url: str
    status: int
    html: str


@dataclass
class Crawl:
    """The pages read, and what was left out by the bounds."""

    pages: list[Page] = field(default_factory=list)
    cut_by_shape: int = 0
    cut_by_limit: int = 0


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "form" and (values.get("method") or "get").lower() == "get":
            self.links.append(str(values.get("action") or ""))


def links(html: str) -> list[str]:
    """The targets of the page's links and GET forms, as written."""
    parser = _Links()
    parser.feed(html)
    return parser.links


def shape(url: str) -> str:
    """The URL with ids and numbers blanked and only the names of its query parameters."""
    parts = urlsplit(url)
    names = sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return _ID.sub("#", parts.path) + "?" + "&".join(names)


def _followed(base: str, href: str, skip_query: str) -> str | None:
    """The site-relative URL of ``href`` on page ``base``, or None if it is not followed."""
    target = urljoin("http://site" + base, href.split("#")[0])
    parts = urlsplit(target)
    if parts.netloc != "site" or parts.scheme != "http":
        return None
    path = parts.path
    if path.endswith(SKIPPED_SUFFIXES) or path.startswith(SKIPPED_PREFIXES):
        return None
    if skip_query and skip_query in parts.query:
        return None
    return path + ("?" + parts.query if parts.query else "")


def crawl(client: FlaskClient, starts: Iterable[str], *, limit: int = 400,
          per_shape: int = 4, skip_query: str = "lang=") -> Crawl:
    """Read every page reachable from ``starts`` by GET, within the bounds."""
    queue: deque[str] = deque(starts)
    seen: set[str] = set(queue)
    shapes: Counter[str] = Counter()
    result = Crawl()
    while queue:
        url = queue.popleft()
        if len(result.pages) >= limit:
            result.cut_by_limit += 1
            continue
        response = client.get(url, follow_redirects=True)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        final = response.request.path + (
            "?" + response.request.query_string.decode() if response.request.query_string
            else "")
        result.pages.append(Page(final, response.status_code, html))
        for href in links(html):
            target = _followed(final, href, skip_query)
            if target is None or target in seen:
                continue
            seen.add(target)
            shapes[shape(target)] += 1
            if shapes[shape(target)] > per_shape:
                result.cut_by_shape += 1
                continue
            queue.append(target)
    return result
