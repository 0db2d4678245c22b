"""The filing packet of a case as one PDF (web/paper/packet.py): cover sheet, printed
documents and attached proofs; the same access as the case's other documents."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from domain import clock
from domain.proofs import Proof
from web.paper.numbering import case_number
from web.paper.packet import Typesetting, collect, merged, number_pages, page_count
from web.paper.pdf import content_disposition, render_pdf
from web.usecases import reading
from web.views.cases import visible_case
from web.words.i18n import label, lang

bp = Blueprint("packet", __name__)


def _to_pdf(html: str) -> bytes:
    static_folder = Path(current_app.static_folder or Path(current_app.root_path) / "static")
    return render_pdf(html, base_url=request.url,
                      static_url=url_for("static", filename="", _external=True),
                      static_folder=static_folder)


def _proof_title(proof: Proof) -> str:
    return f"{label('proof', proof.kind)} · {proof.filename}"


@bp.get("/cases/<uuid:case_id>/packet.pdf")
@login_required
def packet_pdf(case_id: UUID) -> ResponseReturnValue:
    """The filing packet (报送材料) as one PDF, with its cover sheet first."""
    case = visible_case(case_id)
    how = Typesetting(render=render_template, to_pdf=_to_pdf,
                      then=lambda version: reading.at_version(case, version),
                      instance=current_app.config["SETTINGS"].instance_path,
                      proof_title=_proof_title, lang=lang())
    packet = collect(case, how)
    state = case.state

    votes = state.track.ratifications
    vote = state.passed_ratification or (votes[-1] if votes else None)

    def cover() -> bytes:
        return _to_pdf(render_template(
            "print/packet_cover.html", case=case, state=state, track=state.track,
            enterprise=state.enterprise, packet=packet, today=clock.today(), vote=vote,
            number=case_number(case.id),
            passed=state.passed_ratification is not None))

    number_pages(packet, page_count(cover()))
    pdf = merged(cover(), packet)
    name = f"{_('Filing packet')}-{state.enterprise.name}.pdf"
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": content_disposition(f"filing-packet-{case_id}.pdf", name)})
