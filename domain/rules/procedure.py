"""Checks every step shares: the case is open, dates are in order, texts are given.

Each function returns breaches (empty: the check holds); what may follow what is each
step's own guard, in its module of :mod:`domain.procedure`.
"""

from __future__ import annotations

from datetime import date

from domain.errors import Breach
from domain.values import Actor, Role


def _b(key: str, **params: object) -> list[Breach]:
    return [Breach(key, dict(params))]


def may_record_steps(actor: Actor) -> list[Breach]:
    """Social workers record steps; supervisors sign off and admins manage accounts
    (docs/procedure.md, who records what)."""
    return [] if actor.role is Role.SOCIAL_WORKER else _b("role_records_steps")


def not_in_future(occurred_on: date, today: date) -> list[Breach]:
    """An entry records what has happened: its business date is not after today."""
    if occurred_on > today:
        return [Breach("date_in_future", field="occurred_on")]
    return []


def not_before(day: date, earliest: date, what: str, field: str = "occurred_on") -> list[Breach]:
    """A date does not precede the entry it follows."""
    if day < earliest:
        return [Breach("date_order", {"what": what, "earliest": earliest}, field=field)]
    return []


def has_come(day: date, today: date, what: str) -> list[Breach]:
    """A step that follows a dated event (a receipt, an acceptance) waits for that day."""
    return [Breach("not_yet", {"what": what, "day": day})] if day > today else []


def text_given(value: str, field: str) -> list[Breach]:
    """A required text is not blank."""
    return [] if value.strip() else [Breach("required", {"field": field}, field=field)]


def at_least(value: int, low: int, field: str) -> list[Breach]:
    """A count is not below ``low``."""
    return [] if value >= low else [Breach("at_least", {"low": low, "field": field},
                                           field=field)]
