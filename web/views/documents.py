"""PDFs of the offer letter (要约书) and of the public notice (公示): the printable pages,
typeset by WeasyPrint (``web/paper/pdf.py``)."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from domain import clock
from domain.labels import label
from projections.queries import get_notice
from web.composition import read_models
from web.paper import letters
from web.paper.pdf import content_disposition, render_pdf
from web.site.extensions import limiter
from web.views.steps import printed

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
    name = f"{_('Offer to negotiate a collective contract')}-{case.state.enterprise.name}.pdf"
    return pdf_response(html, f"offer-letter-{case_id}-{version}.pdf", name)


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
