"""Steps 4-7: offer, reply, sessions, suspension, dispute, draft and ratification."""

from __future__ import annotations

from datetime import date

from domain.case_core import CaseCore
from domain.errors import Breach
from domain.events import (
    DisputeExtended,
    DisputeFiled,
    DisputeResolved,
    DraftAgreed,
    OfferAnswered,
    OfferSent,
    RatificationVoted,
    SessionHeld,
    SessionSuspended,
)
from domain.rules import procedure
from domain.rules.ratification import vote_consistent
from domain.rules.sessions import chairs_alternate, recorder_neutral, resume_after_suspension
from domain.values import Actor, ItemStatus, RatifyingBody, Side


class BargainingSteps(CaseCore):
    """Commands from the offer to the ratification vote."""

    def send_offer(self, by: Actor, occurred_on: date, *, from_side: Side, received_on: date,
                   agenda: list[str], timetable: str) -> None:
        """Step 4 (要约, Art. 32): a written offer with agenda and timetable."""
        self._check_step(by, occurred_on, procedure.offer_may_be_sent(self.state),
                         procedure.not_before(received_on, occurred_on, "offer_sent",
                                              "received_on"),
                         [] if any(a.strip() for a in agenda) else
                         [Breach("required", {"field": "agenda"}, field="agenda")],
                         procedure.text_given(timetable, "timetable"))
        self._record(OfferSent, by, occurred_on, from_side=Side(from_side),
                     received_on=received_on, agenda=[a for a in agenda if a.strip()],
                     timetable=timetable)

    def answer_offer(self, by: Actor, occurred_on: date, *, accepted: bool,
                     reason: str = "") -> None:
        """Step 4a (Art. 32): accepted, or refused with a reason; late replies are kept."""
        pending = self.state.pending_offer
        self._check_step(by, occurred_on, procedure.offer_may_be_answered(self.state),
                         procedure.refusal_reasoned(accepted, reason),
                         procedure.not_before(occurred_on, pending.start["received_on"],
                                              "received_on") if pending else [])
        self._record(OfferAnswered, by, occurred_on, accepted=bool(accepted), reason=reason)

    def hold_session(self, by: Actor, occurred_on: date, *, chaired_by: Side, recorder: str,
                     items: list[dict[str, str]], minutes: str, minutes_signed: bool) -> None:
        """Step 5 (协商会议, Art. 34): chiefs chair in turn; a neutral recorder."""
        state = self.state
        accepted = state.accepted_offer
        previous = state.sessions[-1]["chaired_by"] if state.sessions else None
        self._check_step(
            by, occurred_on, procedure.session_may_be_held(state),
            procedure.not_before(occurred_on, accepted.end.occurred_on, "offer_answered")
            if accepted and accepted.end else [],
            chairs_alternate(Side(chaired_by), Side(previous) if previous else None),
            recorder_neutral(recorder, state.worker_side + state.employer_side),
            [] if items else [Breach("required", {"field": "items"}, field="items")],
            [Breach("required", {"field": "items"}, field="items")
             for i in items if not str(i.get("topic", "")).strip()])
        self._record(SessionHeld, by, occurred_on, chaired_by=Side(chaired_by),
                     recorder=recorder, minutes=minutes, minutes_signed=bool(minutes_signed),
                     items=[{"topic": i["topic"], "status": ItemStatus(i["status"])}
                            for i in items])

    def suspend_negotiation(self, by: Actor, occurred_on: date, *, resume_on: date,
                            topics: list[str]) -> None:
        """Step 5a (Art. 35): suspended by agreement, with a resume date and topics."""
        self._check_step(by, occurred_on, procedure.may_suspend(self.state),
                         resume_after_suspension(occurred_on, resume_on))
        self._record(SessionSuspended, by, occurred_on, resume_on=resume_on,
                     topics=[t for t in topics if t.strip()])

    def file_dispute(self, by: Actor, occurred_on: date, *, bureau: str, accepted_on: date,
                     issues: str) -> None:
        """Step 5b (Arts. 49-52): the labour bureau accepts an application to coordinate."""
        self._check_step(by, occurred_on, procedure.dispute_may_be_filed(self.state),
                         procedure.text_given(bureau, "bureau"),
                         procedure.text_given(issues, "issues"),
                         procedure.not_before(accepted_on, occurred_on, "dispute_filed",
                                              "accepted_on"))
        self._record(DisputeFiled, by, occurred_on, bureau=bureau, accepted_on=accepted_on,
                     issues=issues)

    def extend_dispute(self, by: Actor, occurred_on: date, *, reason: str) -> None:
        """Step 5b (Art. 53): the bureau extends its handling once."""
        self._check_step(by, occurred_on, procedure.dispute_may_be_extended(self.state),
                         procedure.text_given(reason, "reason"))
        self._record(DisputeExtended, by, occurred_on, reason=reason)

    def resolve_dispute(self, by: Actor, occurred_on: date, *, outcome: str) -> None:
        """Step 5b (Art. 53): the bureau's handling concludes (协调处理协议书)."""
        dispute = self.state.open_dispute
        self._check_step(by, occurred_on,
                         [] if dispute else [Breach("no_dispute_open")],
                         procedure.not_before(occurred_on, dispute.start["accepted_on"],
                                              "accepted_on") if dispute else [],
                         procedure.text_given(outcome, "outcome"))
        self._record(DisputeResolved, by, occurred_on, outcome=outcome)

    def agree_draft(self, by: Actor, occurred_on: date, *, text: str,
                    key_terms: dict[str, object], signed_by_chiefs: bool) -> None:
        """Step 6: the draft's text and key terms, signed by both chiefs."""
        self._check_step(by, occurred_on,
                         procedure.draft_may_be_agreed(self.state, bool(signed_by_chiefs)),
                         procedure.text_given(text, "text"))
        self._record(DraftAgreed, by, occurred_on, text=text, key_terms=dict(key_terms),
                     signed_by_chiefs=bool(signed_by_chiefs))

    def hold_ratification_vote(self, by: Actor, occurred_on: date, *, body: RatifyingBody,
                               members: int, present: int, votes_for: int) -> None:
        """Step 7 (Art. 36): the vote is recorded whether or not it passes."""
        draft = self.state.track.draft
        self._check_step(by, occurred_on, procedure.ratification_may_be_held(self.state),
                         procedure.not_before(occurred_on, draft.occurred_on, "draft_agreed")
                         if draft else [],
                         vote_consistent(members, present, votes_for))
        self._record(RatificationVoted, by, occurred_on, body=RatifyingBody(body),
                     members=members, present=present, votes_for=votes_for)


