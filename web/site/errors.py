"""Error pages (400, 403, 404, 405, 413, 429, 500 ...) in the reader's language.

Werkzeug's own error pages are in English; a person who follows a dead link, sends a file
too large or tries too often gets instead a page of the site, drawn from its base template,
saying what happened and what to do. The JSON API answers errors with problem documents
(:mod:`web.api.problems`) and never reaches this module.
"""

from __future__ import annotations

from flask import Response, render_template
from flask_babel import gettext as _
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from web.words.i18n import lang

# What is left of the error's own headers: Allow (405) and Retry-After (429, 503).
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def explanation(status: int) -> tuple[str, str]:
    """The page's title and what the reader may do, for ``status``."""
    words = {
        400: (_("The request could not be read"),
              _("The page received something it could not understand. Go back, check what "
                "you entered and try again.")),
        401: (_("Please log in"), _("Log in to see this page.")),
        403: (_("You may not see this page"),
              _("Your account does not have the right to see or do this. Ask an "
                "administrator if you need it.")),
        404: (_("Page not found"),
              _("There is no such page, or it is not open to you. Check the address, or "
                "start again from the first page.")),
        405: (_("This page cannot be used this way"),
              _("The page does not take this kind of request. Go back to the page and use "
                "its buttons and links.")),
        413: (_("What you sent is too large"),
              _("The request is larger than the site accepts. A file to attach may be at "
                "most 10 MB.")),
        429: (_("Too many attempts"),
              _("You have tried too often in a short time. Wait a few minutes and try "
                "again.")),
        500: (_("Something went wrong on our side"),
              _("The page could not be shown because of an error in the site. Try again "
                "later; if it keeps happening, tell the administrator.")),
    }
    return words.get(status, (_("The request was refused"),
                              _("The site could not answer this request.")))


def _fallback(status: int, title: str, text: str) -> str:
    """A bare page, for when the site's template cannot be drawn (the database is down)."""
    return (f'<!doctype html><html lang="{"en" if lang() == "en" else "zh-CN"}"><head>'
            f'<meta charset="utf-8"><title>{escape(title)}</title></head><body>'
            f"<h1>{escape(title)}</h1><p>{escape(text)}</p><p>{status}</p></body></html>")


def error_page(error: HTTPException) -> Response:
    """The error as a page of the site, with the status and headers it needs."""
    status = error.code or 500
    title, text = explanation(status)
    try:
        body = render_template("error.html", status=status, title=title, text=text)
    except Exception:  # noqa: BLE001 - an error page must be answered whatever broke
        body = _fallback(status, title, text)
    response = Response(body, status, mimetype="text/html")
    for name, value in error.get_headers():
        if name in KEPT_HEADERS:
            response.headers[name] = value
    response.headers["Content-Language"] = "en" if lang() == "en" else "zh-CN"
    return response
