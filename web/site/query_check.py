"""Query strings and path parameters of the screens pass the checks form inputs pass: every
text the one of :mod:`web.forms.clean_text`, ``page`` a whole number from 1 to 100,000. A
bad one is refused before any view runs, with a 400 page naming the parameter. (The API
checks its own parameters with its schemas, answering problem documents.)"""

from __future__ import annotations

from flask import Flask, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _

from web.api import PREFIX
from web.forms.bounds import MAX_PAGE, page_number
from web.forms.clean_text import text_error
from web.forms.errors import error_text

LABELS = {
    "q": _("Search"), "town": _("Town"),
    "worker": _("Social worker"), "actor": _("Recorded by"),
    "case": _("Case ID"), "since": _("Recorded from"),
    "until": _("Recorded until"), "date": _("Date"),
    "stage": _("Stage"), "kind": _("Contract kind"),
    "status": _("Status"), "year": _("Year in force"),
    "event": _("Entry"), "page": _("Page"),
}


def parameter_problems() -> list[str]:
    """What is wrong with the request's query string and path parameters, in words."""
    given = [*request.args.items(multi=True), *(request.view_args or {}).items()]
    problems = [message for name, value in given if isinstance(value, str)
                and (message := text_error(value, LABELS.get(name, _("The web address"))))]
    page = request.args.get("page", "")
    if page and not problems and page_number(page) is None:
        problems.append(str(_("“%(field)s”: %(problem)s", field=LABELS["page"],
                              problem=error_text(f"range:1:{MAX_PAGE}"))))
    return problems


def refuse_bad_parameters() -> ResponseReturnValue | None:
    """Before a screen's view: a 400 page if a parameter is refused."""
    if request.path.startswith(PREFIX):
        return None
    problems = parameter_problems()
    return (render_template("refused.html", problems=problems), 400) if problems else None


def init_app(app: Flask) -> None:
    """Check every screen's parameters before its view runs."""
    app.before_request(refuse_bad_parameters)
