"""Deadlines of a case, computed from its entries, its profile and the holiday calendar."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from domain.calendar import period_end, shifted
from domain.rules.contract import renewal_window_opens
from domain.state import CaseState, Pair, Track
from domain.values import Side


class DeadlineKind(StrEnum):
    """The clocks of the procedure (docs/procedure.md, counting days)."""

    REPLY = "reply"                   # Art. 32: reply to an offer
    VACANCY = "vacancy"               # Art. 31: fill a vacant seat
    RESUME = "resume"                 # Art. 35: resume a suspended negotiation
    DISPUTE = "dispute"               # Art. 53: bureau handles a dispute
    FILING = "filing"                 # Art. 42: file the signed contract
    REVIEW = "review"                 # Arts. 45-47: review, then deemed effective
    PUBLICATION = "publication"       # Art. 48: make the contract known
    RENEWAL = "renewal"               # Art. 38: window to ask for renewal

    @property
    def bureau(self) -> bool:
        """Whether the clock is the labour bureau's (人社局): the case waits on it, and its
        end is never the case's own lateness."""
        return self in BUREAU_CLOCKS


BUREAU_CLOCKS = frozenset({DeadlineKind.REVIEW, DeadlineKind.DISPUTE})
"""The bureau's clocks: its review of a filed contract (Arts. 45-47) and its handling of a
dispute (Art. 53)."""


class DeadlineStatus(StrEnum):
    """Whether a deadline is still running, kept, kept late or missed."""

    PENDING = "pending"
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    WAITING_REVIEW = "waiting_review"   # the bureau's review runs (等待人社局审查)
    WAITING_BUREAU = "waiting_bureau"   # the bureau handles a dispute (等待人社局处理)
    LAPSED = "lapsed"                   # a closed case's renewal window, its term ended


WAITING = {DeadlineKind.REVIEW: DeadlineStatus.WAITING_REVIEW,
           DeadlineKind.DISPUTE: DeadlineStatus.WAITING_BUREAU}
"""The status of an unmet bureau clock, before and after its end: waiting, never overdue."""


@dataclass(frozen=True)
class Deadline:
    """One clock on a case: opened by the entry at ``source_version``.

    ``keeper``: who must act before ``due_on`` — ``bureau`` for the bureau's clocks, the
    side that must reply to an offer (``workers`` or ``employer``), or None (whoever
    records the case's next step). ``lapses``: a closed case's renewal window, which ends
    with the contract's term rather than falling overdue."""

    kind: DeadlineKind
    source_version: int
    starts_on: date
    due_on: date
    met_on: date | None
    keeper: str | None = None
    lapses: bool = False

    def __post_init__(self) -> None:
        if self.kind.bureau:
            object.__setattr__(self, "keeper", "bureau")

    def status(self, today: date) -> DeadlineStatus:
        """Status on ``today``: pending, met, met late or overdue; an unmet bureau clock
        is waiting (:data:`WAITING`), never overdue."""
        if self.met_on is None and self.kind.bureau:
            return WAITING[self.kind]
        if self.met_on is None and self.lapses and today > self.due_on:
            return DeadlineStatus.LAPSED
        if self.met_on is None:
            return DeadlineStatus.OVERDUE if today > self.due_on else DeadlineStatus.PENDING
        return DeadlineStatus.MET if self.met_on <= self.due_on else DeadlineStatus.MET_LATE


def reply_due(received_on: date, state: CaseState) -> date:
    """Art. 32: the written reply is due a profile number of days after receipt."""
    return period_end(received_on, state.profile.offer_reply_days)


def dispute_due(dispute: Pair, state: CaseState) -> date:
    """Art. 53: 30 days after acceptance; an extension adds 15 days after that end."""
    due = period_end(dispute.start["accepted_on"], state.profile.dispute_days)
    if dispute.extension:
        due = period_end(due, state.profile.dispute_extension_days)
    return due


def review_start(track: Track) -> date | None:
    """Arts. 42, 46: the bureau's review period counts from the day it holds the complete
    packet: the filing's receipt, or the receipt of the last completion it asked for (补正);
    None while what it asked for is still owed (its clock is stopped)."""
    if track.filed is None or any(p.end is None for p in track.completions):
        return None
    answered = [p.end for p in track.completions if p.end is not None]
    return answered[-1]["received_on"] if answered else track.filed["received_on"]


def review_due(received_on: date, state: CaseState) -> date:
    """Arts. 45, 47: the bureau may object within 15 days of receipt."""
    return period_end(received_on, state.profile.review_days)


def deemed_effective_on(received_on: date, state: CaseState) -> date:
    """LCL Art. 54: with no objection in the review period, effective the day after it."""
    return shifted(review_due(received_on, state), 1)


def _met(pair: Pair) -> date | None:
    return pair.end.occurred_on if pair.end else None


def deadlines(state: CaseState) -> list[Deadline]:
    """Every deadline of the case, open or met, oldest first.

    A closed case keeps the deadlines it met; those still open end with it, except the
    renewal window of the contract in force (the last to take effect), which outlives the
    case: its renewal is a new negotiation (Art. 38).
    """
    profile, found = state.profile, []
    for offer in state.offers:
        received = offer.start["received_on"]
        replier = Side.EMPLOYER if offer.start["from_side"] == Side.WORKERS else Side.WORKERS
        found.append(Deadline(DeadlineKind.REPLY, offer.start.version, received,
                              reply_due(received, state), _met(offer), str(replier)))
    for vacancy in state.vacancies:
        left = vacancy.start.occurred_on
        found.append(Deadline(DeadlineKind.VACANCY, vacancy.start.version, left,
                              period_end(left, profile.vacancy_fill_days), _met(vacancy)))
    for pause in state.suspensions:
        found.append(Deadline(DeadlineKind.RESUME, pause.start.version, pause.start.occurred_on,
                              pause.start["resume_on"], _met(pause)))
    for dispute in state.disputes:
        found.append(Deadline(DeadlineKind.DISPUTE, dispute.start.version,
                              dispute.start["accepted_on"], dispute_due(dispute, state),
                              _met(dispute)))
    for track in state.tracks:
        if track.signed:
            signed = track.signed.occurred_on
            found.append(Deadline(DeadlineKind.FILING, track.signed.version, signed,
                                  period_end(signed, profile.filing_days),
                                  track.filed.occurred_on if track.filed else None))
        received = review_start(track)
        if track.filed and received is not None:
            due = review_due(received, state)
            outcome = track.objection or track.effect
            met = outcome.occurred_on if outcome else None
            if track.effect and track.effect["basis"] == "deemed":
                met = due
            found.append(Deadline(DeadlineKind.REVIEW, track.filed.version, received, due, met))
        if track.effect:
            effective = track.effect["effective_on"]
            found.append(Deadline(DeadlineKind.PUBLICATION, track.effect.version, effective,
                                  period_end(effective, profile.publication_days),
                                  track.published.occurred_on if track.published else None))
            term_end = track.signed["term_end"] if track.signed else effective
            renewal = next((r.occurred_on for r in state.renewals
                            if r.version > track.effect.version), None)
            found.append(Deadline(DeadlineKind.RENEWAL, track.effect.version,
                                  renewal_window_opens(term_end, profile), term_end, renewal))
    if state.closed:
        in_force = next((t.effect.version for t in reversed(state.tracks) if t.effect), None)
        found = [d if d.met_on is not None else replace(d, lapses=True) for d in found
                 if d.met_on is not None or (d.kind is DeadlineKind.RENEWAL
                                             and d.source_version == in_force)]
    return found
