"""Words of the history screens: names of recorded facts and of state fields, and how
their values read. Called inside a request (the words follow the request's language)."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from flask_babel import gettext as _

from domain.history import Change
from domain.labels import LABELS
from domain.rules.sanity import MESSAGES as SANITY_MESSAGES
from domain.rules.sanity import Caution
from domain.vocabulary import FACTS, fact_label
from web.words.i18n import label, lang, show_date

VOCABULARY_OF = {"side": "side", "from_side": "side", "chaired_by": "side",
                 "requested_by": "side", "contract_kind": "kind", "stage": "stage",
                 "role": "role", "method": "method", "kind": "outreach",
                 "status": "item_status", "worker_selection": "selection",
                 "chief_basis": "chief_basis", "body": "body", "basis": "basis",
                 "subject": "subject", "proof_kind": "proof"}
HIDDEN_FACTS = frozenset({"profile"})


def fact_names() -> dict[str, str]:
    """Recorded facts by their stored name, from the domain's one catalog
    (:mod:`domain.vocabulary`), in the request's language."""
    return _fact_names(lang())


@cache
def _fact_names(language: str) -> dict[str, str]:
    pick = 0 if language == "zh" else 1
    return {key: pair[pick] for key, pair in {**LABELS["term"], **FACTS}.items()}


def state_names() -> dict[str, str]:
    """Fields of a case's state (see :func:`domain.history.flatten`) by group."""
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
    """Every stored vocabulary value by its name in the request's language (for a value
    whose fact names no vocabulary)."""
    return _vocabulary_words(lang())


@cache
def _vocabulary_words(language: str) -> dict[str, str]:
    pick = 0 if language == "zh" else 1
    return {value: pair[pick] for words in LABELS.values() for value, pair in words.items()}


def show_value(value: Any, vocabulary: str | None = None) -> str:
    """A fact or field value in words: dates the Chinese way, yes/no, lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return show_date(value)
    if is_warnings(value):
        return "；".join(Caution.from_dict(v).message(lang()) for v in value)
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
            for key, value in facts.items()
            if key not in HIDDEN_FACTS and not (key == "warnings" and not value)]


def is_warnings(value: Any) -> bool:
    """Whether ``value`` is a list of confirmed sanity warnings (:mod:`domain.rules.sanity`)."""
    return bool(value) and isinstance(value, list | tuple) and all(
        isinstance(v, dict) and v.get("key") in SANITY_MESSAGES for v in value)


def change_name(change: Change) -> str:
    """What a change is about, e.g. ``Deadline due · Reply to offer (#5)``."""
    name = state_names().get(change.group, change.group)
    if change.group in ("deadline_due", "deadline_met"):
        kind, _sep, version = change.detail.partition("#")
        return f"{name} · {label('deadline', kind)} (#{version})"
    if change.group == "key_term":
        return f"{name} · {label('term', change.detail)}"
    if change.group == "enterprise":
        return f"{name} · {fact_label('enterprise.' + change.detail, lang())}"
    if change.group == "fact":
        return _("Corrected: %(fact)s", fact=fact_label(change.detail, lang()))
    return f"{name} · {change.detail}" if change.detail else name


def change_values(change: Change) -> tuple[str, str]:
    """The before and after values of a change, in words."""
    last = change.detail.rpartition(".")[2]
    vocabulary = ({"stage": "stage", "contract_kind": "kind"}.get(change.group)
                  or (VOCABULARY_OF.get(last) if change.group == "fact" else None))
    return show_value(change.before, vocabulary), show_value(change.after, vocabulary)
