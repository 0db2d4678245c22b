"""Words of the history screens: names of recorded facts and of state fields, and how
their values read. Called inside a request (the words follow the request's language)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _

from web.history import Change
from web.i18n import label, show_date

VOCABULARY_OF = {"side": "side", "from_side": "side", "chaired_by": "side",
                 "requested_by": "side", "contract_kind": "kind", "stage": "stage"}
HIDDEN_FACTS = frozenset({"profile"})


def fact_names() -> dict[str, str]:
    """Recorded facts by their stored name."""
    return {
        "enterprise": _("Enterprise"), "name": _("Name"), "credit_code": _("Credit code"),
        "town": _("Town"), "industry": _("Industry"), "headcount": _("Headcount"),
        "women": _("Women workers"), "has_union": _("Union present"),
        "legal_representative": _("Legal representative"), "contract_kind": _("Contract kind"),
        "assigned_to": _("Social worker"), "scope": _("Scope"),
        "renews_case": _("Renews case"), "method": _("Method"),
        "period_start": _("Period start"), "period_end": _("Period end"),
        "respondents": _("Respondents"), "findings": _("Findings"), "demands": _("Demands"),
        "text": _("Text"), "priority": _("Priority"), "kind": _("Kind"),
        "participants": _("Participants"), "description": _("Description"),
        "worker_side": _("Worker side"), "employer_side": _("Employer side"),
        "worker_selection": _("How the worker side was chosen"),
        "workers_approving": _("Workers approving"), "chief_basis": _("Basis of the chief"),
        "employer_appointed_by": _("Employer side appointed by"), "position": _("Position"),
        "chief": _("Chief"), "outsider": _("Outside expert"), "phone": _("Phone"),
        "side": _("Side"), "reason": _("Reason"), "replacement": _("Replacement"),
        "from_side": _("From side"), "received_on": _("Received on"), "agenda": _("Agenda"),
        "timetable": _("Timetable"), "accepted": _("Accepted"), "chaired_by": _("Chaired by"),
        "recorder": _("Recorder"), "items": _("Agenda items"), "topic": _("Topic"),
        "status": _("Status"), "minutes": _("Minutes"),
        "minutes_signed": _("Minutes signed by both chiefs"), "resume_on": _("Resume on"),
        "topics": _("Topics"), "bureau": _("Bureau"), "accepted_on": _("Accepted on"),
        "issues": _("Issues"), "outcome": _("Outcome"), "key_terms": _("Key terms"),
        "signed_by_chiefs": _("Signed by both chiefs"), "body": _("Ratifying body"),
        "members": _("Members"), "present": _("Present"), "votes_for": _("Votes for"),
        "term_start": _("Term start"), "term_end": _("Term end"), "basis": _("Basis"),
        "effective_on": _("Effective on"), "channels": _("Channels"),
        "monitoring_contact": _("Monitoring contact"), "problems": _("Problems"),
        "follow_up": _("Follow-up"), "subject": _("Subject"), "note": _("Note"),
        "request_version": _("Request"), "filename": _("File name"),
        "media_type": _("File type"), "size": _("Size (bytes)"), "sha256": _("SHA-256"),
        "corrects_version": _("Corrects entry"), "changes": _("Changes"),
        "occurred_on": _("Business date"), "id": _("Account"), "role": _("Role"),
    }


def state_names() -> dict[str, str]:
    """Fields of a case's state (see :func:`web.history.flatten`) by group."""
    return {
        "stage": _("Stage"), "assigned": _("Social worker"), "enterprise": _("Enterprise"),
        "contract_kind": _("Contract kind"), "surveys": _("Surveys"),
        "outreach": _("Outreach activities"), "worker_side": _("Worker side"),
        "worker_chief": _("Worker side chief"), "employer_side": _("Employer side"),
        "employer_chief": _("Employer side chief"), "open_vacancies": _("Open vacancies"),
        "offers": _("Offers sent"), "offer_accepted": _("Offer accepted"),
        "sessions": _("Sessions held"), "session_dates": _("Session dates"),
        "suspended_until": _("Suspended until"), "disputes": _("Disputes"),
        "open_dispute": _("Dispute open"), "draft_on": _("Draft agreed on"),
        "key_term": _("Key term"), "ratification_on": _("Ratification vote on"),
        "ratification_members": _("Members"), "ratification_present": _("Present"),
        "ratification_votes_for": _("Votes for"), "ratification_passed": _("Vote passed"),
        "signed_on": _("Signed on"), "term_start": _("Term start"), "term_end": _("Term end"),
        "filed_on": _("Filed on"), "bureau": _("Bureau"), "objections": _("Review objections"),
        "effective_on": _("Effective on"), "effect_basis": _("Basis"),
        "published_on": _("Published on"), "implementation_reviews": _("Implementation reviews"),
        "renewals": _("Renewal requests"), "pending_sign_offs": _("Pending sign-off requests"),
        "closed": _("Closed"), "closed_reason": _("Reason for closing"),
        "deadline_due": _("Deadline due"), "deadline_met": _("Deadline met"),
    }


def vocabulary_words() -> dict[str, str]:
    """Stored vocabulary values that are not in :mod:`domain.labels`."""
    return {
        "questionnaire": _("Questionnaire"), "interview": _("Interview"), "forum": _("Forum"),
        "publicity": _("Publicity"), "observation": _("Observation visit"),
        "training": _("Training"), "agreed": _("Agreed"), "open": _("Open"),
        "disputed": _("Disputed"), "union": _("Chosen by the union"),
        "democratic": _("Chosen democratically"), "union_chair": _("Union chair"),
        "chair_written_delegation": _("Appointed in writing by the chair"),
        "union_leader": _("Union leader"), "democratically_elected": _("Elected"),
        "workers_congress": _("Workers' congress"), "all_workers": _("All workers"),
        "confirmed": _("Confirmed by the bureau"), "deemed": _("Deemed (no objection)"),
        "closure": _("Closing the case"), "review": _("Review"),
    }


def show_value(value: Any, vocabulary: str | None = None) -> str:
    """A fact or field value in words: dates the Chinese way, yes/no, lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return show_date(value)
    if isinstance(value, list | tuple):
        return "；".join(show_value(v, vocabulary) for v in value) or "—"
    if isinstance(value, dict):
        names = fact_names()
        return "，".join(f"{names.get(k, k)}: {show_value(v, VOCABULARY_OF.get(k))}"
                        for k, v in value.items() if v not in (None, "", False))
    if vocabulary:
        return label(vocabulary, value)
    if isinstance(value, str):
        return vocabulary_words().get(value, value)
    return str(value)


def shown_facts(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """An entry's facts as ``(name, value)`` pairs to show, in recorded order."""
    names = fact_names()
    return [(names.get(key, key), show_value(value, VOCABULARY_OF.get(key)))
            for key, value in facts.items() if key not in HIDDEN_FACTS]


def change_name(change: Change) -> str:
    """What a change is about, e.g. ``Deadline due · Reply to offer (#5)``."""
    name = state_names().get(change.group, change.group)
    if change.group in ("deadline_due", "deadline_met"):
        kind, _sep, version = change.detail.partition("#")
        return f"{name} · {label('deadline', kind)} (#{version})"
    if change.group == "enterprise":
        return f"{name} · {fact_names().get(change.detail, change.detail)}"
    if change.group == "fact":
        names = fact_names()
        return _("Corrected: %(fact)s", fact=" · ".join(
            names.get(part, part) for part in change.detail.split(".")))
    return f"{name} · {change.detail}" if change.detail else name


def change_values(change: Change) -> tuple[str, str]:
    """The before and after values of a change, in words."""
    last = change.detail.rpartition(".")[2]
    vocabulary = ({"stage": "stage", "contract_kind": "kind"}.get(change.group)
                  or (VOCABULARY_OF.get(last) if change.group == "fact" else None))
    return show_value(change.before, vocabulary), show_value(change.after, vocabulary)
