"""Everything that can happen to a negotiation case: the schema of its history.

Every event carries who recorded it (``by``), when it happened (``occurred_on``, the
business date) and when it was recorded (``timestamp``), plus the hash-chain fields
``prev_hash`` and ``digest`` (see :mod:`domain.chain`). Values are JSON-friendly so a
stored event reads the same after any number of years.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from eventsourcing.domain import Aggregate

from domain import clock

Facts = dict[str, Any]


class CaseEvent(Aggregate.Event):
    """Base of every entry on a case."""

    by: dict[str, str]
    occurred_on: date
    prev_hash: str
    digest: str

    @staticmethod
    def create_timestamp() -> datetime:
        """Recording time comes from the domain clock."""
        return clock.now()

    def apply(self, aggregate: Any) -> None:
        """Append this entry to the case; state is derived from the entries."""
        aggregate.append_entry(self)


class CaseOpened(Aggregate.Created, CaseEvent):
    """Step 0, 接案: a case for one enterprise's negotiation."""

    enterprise: Facts
    contract_kind: str
    profile: Facts
    assigned_to: dict[str, str]
    scope: str
    renews_case: str | None


class SurveyRecorded(CaseEvent):
    """Step 1, 调查摸底."""

    method: str
    period_start: date
    period_end: date
    respondents: int
    findings: str
    demands: list[Facts]


class OutreachRecorded(CaseEvent):
    """Step 2, 宣传/观摩/培训."""

    kind: str
    participants: int
    description: str


class RepresentativesAppointed(CaseEvent):
    """Step 3, 协商代表 (Arts. 19-24)."""

    worker_side: list[Facts]
    employer_side: list[Facts]
    worker_selection: str
    workers_approving: int | None
    chief_basis: str
    employer_appointed_by: str


class RepresentativeLeft(CaseEvent):
    """Step 3a: a seat falls vacant (Art. 30)."""

    side: str
    name: str
    reason: str


class RepresentativeReplaced(CaseEvent):
    """Step 3a: a vacancy is filled (Art. 31)."""

    side: str
    name: str
    replacement: Facts


class OfferSent(CaseEvent):
    """Step 4, 要约 (Art. 32)."""

    from_side: str
    received_on: date
    agenda: list[str]
    timetable: str


class OfferAnswered(CaseEvent):
    """Step 4a: the written reply to an offer (Art. 32)."""

    accepted: bool
    reason: str


class SessionHeld(CaseEvent):
    """Step 5, 协商会议 (Art. 34)."""

    chaired_by: str
    recorder: str
    items: list[Facts]
    minutes: str
    minutes_signed: bool


class SessionSuspended(CaseEvent):
    """Step 5a: negotiation suspended by agreement (Art. 35)."""

    resume_on: date
    topics: list[str]


class DisputeFiled(CaseEvent):
    """Step 5b: application to the labour bureau (Arts. 49-54)."""

    bureau: str
    accepted_on: date
    issues: str


class DisputeExtended(CaseEvent):
    """Step 5b: the bureau extends its handling by the profile's extension (Art. 53)."""

    reason: str


class DisputeResolved(CaseEvent):
    """Step 5b: the bureau's handling concluded."""

    outcome: str


class DraftAgreed(CaseEvent):
    """Step 6: the draft contract, signed by both chiefs."""

    text: str
    key_terms: Facts
    signed_by_chiefs: bool


class RatificationVoted(CaseEvent):
    """Step 7: 职代会/全体职工审议 (Art. 36); whether it passed is derived."""

    body: str
    members: int
    present: int
    votes_for: int


class ContractSigned(CaseEvent):
    """Step 8: both chiefs sign (Arts. 37-38)."""

    term_start: date
    term_end: date


class ContractFiled(CaseEvent):
    """Step 9: filed with the labour bureau (Art. 42)."""

    bureau: str
    received_on: date


class ReviewObjected(CaseEvent):
    """Step 10: the bureau's objection (审查意见书, Arts. 45-46): renegotiate and refile."""

    issues: str


class ContractTookEffect(CaseEvent):
    """Step 10: confirmed by the bureau, or deemed after the review period (Art. 47)."""

    basis: str
    effective_on: date


class ContractPublished(CaseEvent):
    """Step 11, 公示 (Art. 48)."""

    channels: str
    monitoring_contact: str


class ImplementationReviewed(CaseEvent):
    """Step 12, 履约监督."""

    findings: str
    problems: str
    follow_up: str


class RenewalRequested(CaseEvent):
    """Step 13: a request to renew within the window before expiry (Art. 38)."""

    requested_by: str


class SignOffRequested(CaseEvent):
    """A social worker asks a supervisor to sign off (e.g. a closure)."""

    subject: str
    note: str


class SignOffGiven(CaseEvent):
    """A supervisor signs off the request at ``request_version``."""

    request_version: int
    note: str


class SignOffRefused(CaseEvent):
    """A supervisor refuses the request at ``request_version``, with a reason."""

    request_version: int
    reason: str


class CaseClosed(CaseEvent):
    """Step 14, 结案: closed after a supervisor signed off."""

    reason: str


class CaseReopened(CaseEvent):
    """Step 14: a closed case opened again, with a reason."""

    reason: str


class NoteAdded(CaseEvent):
    """A free-text note."""

    text: str


class AttachmentAdded(CaseEvent):
    """A file stored elsewhere by content hash (SHA-256)."""

    filename: str
    media_type: str
    size: int
    sha256: str
    description: str


class CaseReassigned(CaseEvent):
    """The case passes to another social worker."""

    assigned_to: dict[str, str]
    reason: str


class EntryCorrected(CaseEvent):
    """A correction: names the entry, what changes and why. The original stays."""

    corrects_version: int
    changes: Facts
    reason: str


STEP_EVENTS: tuple[type[CaseEvent], ...] = (
    CaseOpened, SurveyRecorded, OutreachRecorded, RepresentativesAppointed,
    RepresentativeLeft, RepresentativeReplaced, OfferSent, OfferAnswered, SessionHeld,
    SessionSuspended, DisputeFiled, DisputeExtended, DisputeResolved, DraftAgreed,
    RatificationVoted, ContractSigned, ContractFiled, ReviewObjected, ContractTookEffect,
    ContractPublished, ImplementationReviewed, RenewalRequested,
)
"""Events that record a step of the procedure (corrections may change their facts)."""
