"""What some forms need from the case: options to pick from, and values to look up."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app
from marshmallow import ValidationError

from domain.case import NegotiationCase
from domain.events import StepEvent
from domain.values import Role
from web.accounts.store import Account
from web.forms.correction_fields import checked_new_value
from web.words.i18n import label, show_date

TRUE = {"true", "yes", "1", "y", "是", "对"}
FALSE = {"false", "no", "0", "n", "否", "不"}


def workers_of(case: NegotiationCase) -> list[Account]:
    """Active social workers of the case's region (who may take it over)."""
    scope = case.state.opened["scope"]
    return [a for a in current_app.extensions["accounts"].all()
            if a.active and a.role is Role.SOCIAL_WORKER and a.scope == scope]


def options(case: NegotiationCase) -> dict[str, list[tuple[str, str]]]:
    """The options of every dynamic select, from the case as it stands."""
    state = case.state
    sides = [("workers", state.worker_side), ("employer", state.employer_side)]
    return {
        "representatives": [(r.name, f"{r.name} · {label('side', side)}")
                            for side, reps in sides for r in reps],
        "vacancies": [(v.start["name"], f"{v.start['name']} · {label('side', v.start['side'])}")
                      for v in state.open_vacancies],
        "workers": [(a.id, f"{a.name} ({a.username})") for a in workers_of(case)],
        "entries": [(str(e.version), f"#{e.version} · {show_date(e.occurred_on)} · "
                                     f"{label('event', e.type)}")
                    for e in case.entries if e.type in StepEvent.named],
    }


def _parsed(old: Any, text: str) -> Any:
    """``text`` read as a value of the same kind as ``old``."""
    text = text.strip()
    if isinstance(old, bool):
        if text.lower() in TRUE | FALSE:
            return text.lower() in TRUE
        raise ValueError(text)
    if isinstance(old, int):
        return int(text)
    if isinstance(old, float):
        return float(text)
    if isinstance(old, date):
        return date.fromisoformat(text)
    if isinstance(old, list):
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def correction_facts(case: NegotiationCase, data: dict[str, Any]) -> dict[str, Any]:
    """The correction's arguments: the new value parsed by the kind of the old one and
    checked by the corrected step's own field."""
    try:
        version = int(data["corrects_version"])
    except ValueError:
        raise ValidationError({"corrects_version": ["invalid_choice"]}) from None
    entry = next((e for e in case.entries if e.version == version), None)
    path = data["field"].strip()
    head, _, tail = path.partition(".")
    facts = {"occurred_on": entry.occurred_on, **entry.facts} if entry else {}
    old = facts.get(head)
    if tail and isinstance(old, dict):
        old = old.get(tail)
    try:
        value = _parsed(old, data["value"])
    except ValueError:
        raise ValidationError({"value": ["value_kind"]}) from None
    if entry is not None:
        try:
            value = checked_new_value(entry.type, path, old, value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None
    return {"corrects_version": version, "changes": {path: value}, "reason": data["reason"]}


def reassignment_facts(case: NegotiationCase, data: dict[str, Any]) -> dict[str, Any]:
    """The reassignment's arguments: the chosen account as the domain's actor."""
    account = next((a for a in workers_of(case) if a.id == data["to"]), None)
    if account is None:
        raise ValidationError({"to": ["no_such_account"]})
    return {"to": account.actor, "reason": data["reason"]}


PREPARE = {"correction": correction_facts, "reassignment": reassignment_facts}
