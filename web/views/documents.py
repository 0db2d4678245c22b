"""The documents of a case (web/paper/catalog.py) as print pages and PDFs, and the public
notice (公示) as a PDF: the printable pages, typeset by WeasyPrint (``web/paper/pdf.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from domain import clock
from domain.labels import label
from projections.queries import get_notice
from web.composition import read_models
from web.paper import catalog, letters
from web.paper.pdf import content_disposition, render_pdf
from web.site.extensions import limiter
from web.views.cases import visible_case
from web.views.steps import printed
from web.words.i18n import lang

bp = Blueprint("documents", __name__)


def pdf_response(html: str, ascii_name: str, name: str) -> Response:
    """``html`` (a page rendered for this request) as an inline PDF named ``name``."""
    static_folder = Path(current_app.static_folder or Path(current_app.root_path) / "static")
    pdf = render_pdf(html, base_url=request.url,
                     static_url=url_for("static", filename="", _external=True),
                     static_folder=static_folder)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": content_disposition(ascii_name, name)})


@bp.get("/cases/<uuid:case_id>/print/offer/<int:version>.pdf")
@login_required
def offer_pdf(case_id: UUID, version: int) -> ResponseReturnValue:
    """The offer letter recorded at ``version`` as a PDF; the same access as its print page."""
    case, then, offer = printed(case_id, version, "OfferSent")
    html = render_template("print/offer.html", **letters.offer_letter(case, then, offer))
    title = catalog.BY_NAME["offer"].title
    name = f"{title[0] if lang() == 'zh' else title[1]}-{case.state.enterprise.name}.pdf"
    return pdf_response(html, f"offer-letter-{case_id}-{version}.pdf", name)


def _kind(name: str) -> catalog.Kind:
    return catalog.BY_NAME[name]


def _rendered(case_id: UUID, name: str, version: int | None) -> tuple[str, str, Any]:
    """The document ``name`` of the case (drawn from the entry at ``version``, if given) as
    HTML, with its title and its case; 404 if the user may not see the case or the case does
    not offer that document."""
    kind = _kind(name)
    if version is None:
        case = visible_case(case_id)
        if kind.offered is None or not kind.offered(case):
            abort(404)
        context = kind.build(case)
    else:
        if kind.entry is None:
            abort(404)
        case, then, entry = printed(case_id, version, kind.entry)
        context = (kind.entry_build or kind.build)(case, then, entry)
    title = kind.title[0] if lang() == "zh" else kind.title[1]
    return render_template(kind.template, **context), title, case


CASE_WIDE = ", ".join(f'"{name}"' for name in catalog.CASE_WIDE)
FROM_ENTRIES = ", ".join(f'"{name}"' for name in catalog.FROM_ENTRIES)


@bp.get(f"/cases/<uuid:case_id>/print/<any({CASE_WIDE}):name>")
@bp.get(f"/cases/<uuid:case_id>/print/<any({FROM_ENTRIES}):name>/<int:version>")
@login_required
def page(case_id: UUID, name: str, version: int | None = None) -> ResponseReturnValue:
    """A document of the case (web/paper/catalog.py), ready to print."""
    return _rendered(case_id, name, version)[0]


@bp.get(f"/cases/<uuid:case_id>/print/<any({CASE_WIDE}):name>.pdf")
@bp.get(f"/cases/<uuid:case_id>/print/<any({FROM_ENTRIES}):name>/<int:version>.pdf")
@login_required
def pdf(case_id: UUID, name: str, version: int | None = None) -> ResponseReturnValue:
    """A document of the case as an A4 PDF; the same access as its page."""
    html, title, case = _rendered(case_id, name, version)
    suffix = f"-{version}" if version is not None else ""
    return pdf_response(html, f"{name}-{case_id}{suffix}.pdf",
                        f"{title}-{case.state.enterprise.name}{suffix}.pdf")


def _pdf_rate() -> str:
    return str(current_app.config["PUBLIC_PDF_RATE"])


@bp.get("/notices/<uuid:case_id>.pdf")
@limiter.limit(_pdf_rate)
def notice_pdf(case_id: UUID) -> ResponseReturnValue:
    """A published notice as a PDF (no login): exactly the fields of its print page.
    Typesetting costs real time, so each address may ask for ``PUBLIC_PDF_RATE`` of them."""
    engine = read_models()
    notice = get_notice(engine, str(case_id), clock.today())
    if notice is None:
        abort(404)
    html = render_template("public/notice.html", n=notice, printable=True)
    name = _("%(enterprise)s: notice of the %(kind)s", enterprise=notice["enterprise"],
             kind=label("kind", notice["contract_kind"])) + ".pdf"
    return pdf_response(html, f"notice-{case_id}.pdf", name)
