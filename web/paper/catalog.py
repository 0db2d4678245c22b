"""Every document a case prints, and which of them a case offers now.

A document is drawn either from the case as it stands (``offered`` says when: the draft
of an offer, the representatives' list, a blank sign-in sheet…) or from one recorded
entry (``entry``: an offer, a session, a vote), or both (the sign-in sheet). Each has a
print page and an A4 PDF (:mod:`web.views.documents`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import url_for

from domain.case import NegotiationCase
from web.paper import contract_papers as c
from web.paper import letters, meetings

Label = tuple[str, str]


@dataclass(frozen=True)
class Kind:
    """One kind of document: its URL name, title, template, when the case offers it
    (``offered``: drawn from the case now) and the entries it is drawn from (``entry``)."""

    name: str
    title: Label
    template: str
    build: Callable[..., dict[str, Any]]
    offered: Callable[[NegotiationCase], bool] | None = None
    entry: str | None = None
    entry_build: Callable[..., dict[str, Any]] | None = None


KINDS: tuple[Kind, ...] = (
    Kind("offer-draft", ("集体协商要约书（待发出）", "Offer to negotiate (to send)"),
         "print/offer.html",
         letters.offer_draft, letters.offer_draft_offered),
    Kind("offer", ("集体协商要约书", "Offer to negotiate a collective contract"),
         "print/offer.html", letters.offer_letter, entry="OfferSent"),
    Kind("representatives", ("协商代表推选结果及名单公示",
                             "Representatives: election and list"),
         "print/representatives.html", letters.representatives_list,
         lambda case: case.state.appointment is not None),
    Kind("appointment", ("首席协商代表委托书", "Chief negotiator's letter of appointment"),
         "print/appointment.html", letters.appointment_letter, letters.appointment_offered),
    Kind("sign-in", ("协商会议签到表", "Session sign-in sheet"), "print/sign_in.html",
         meetings.sign_in, meetings.sign_in_offered, "SessionHeld", meetings.sign_in),
    Kind("minutes", ("协商会议记录", "Minutes of the session"), "print/minutes.html",
         meetings.minutes, entry="SessionHeld"),
    Kind("vote", ("审议表决结果及决议", "Vote record and resolution"), "print/vote.html",
         meetings.vote_record, entry="RatificationVoted"),
    Kind("contract", ("集体合同文本", "Text of the contract"), "print/contract.html",
         c.contract_text, c.contract_offered),
    Kind("filing", ("集体合同审查备案登记表", "Filing form"), "print/filing.html",
         c.filing_form, c.filing_offered),
    Kind("notice", ("集体合同公示（致全体职工）", "Notice to all workers"),
         "print/notice.html", c.workers_notice, c.notice_offered),
)
BY_NAME = {kind.name: kind for kind in KINDS}
CASE_WIDE = tuple(k.name for k in KINDS if k.offered is not None)
"""Documents drawn from the case as it stands."""
FROM_ENTRIES = tuple(k.name for k in KINDS if k.entry is not None and k.name != "offer")
"""Documents drawn from an entry, served by the generic routes (the offer letter has its
own, older addresses)."""


@dataclass(frozen=True)
class Printed:
    """One document the case offers: its kind's name, title (Chinese, English), the
    version of the entry it is drawn from (None: the case as it stands), that entry's
    date, and the addresses of its page and its PDF."""

    name: str
    title: Label
    version: int | None
    on: date | None
    url: str
    pdf_url: str

    def title_in(self, lang: str = "zh") -> str:
        """The title in ``lang``."""
        return self.title[0] if lang == "zh" else self.title[1]


def _printed(case: NegotiationCase, kind: Kind, version: int | None,
             on: date | None) -> Printed:
    args: dict[str, Any] = {"case_id": case.id}
    if kind.name == "offer":
        return Printed(kind.name, kind.title, version, on,
                       url_for("steps.print_offer", version=version, **args),
                       url_for("documents.offer_pdf", version=version, **args))
    if version is not None:
        args["version"] = version
    return Printed(kind.name, kind.title, version, on,
                   url_for("documents.page", name=kind.name, **args),
                   url_for("documents.pdf", name=kind.name, **args))


def documents_now(case: NegotiationCase) -> list[Printed]:
    """The documents ``case`` offers now, in procedure order (those drawn from entries
    oldest first). Needs a request context (it builds URLs)."""
    found = []
    for kind in KINDS:
        if kind.offered is not None and kind.offered(case):
            found.append(_printed(case, kind, None, None))
        if kind.entry is not None:
            found += [_printed(case, kind, e.version, e.occurred_on)
                      for e in case.entries if e.type == kind.entry]
    return found
