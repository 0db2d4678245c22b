"""A correction: names the entry it corrects, the facts that change and why. The original
entry stays as it was recorded; the case reads with the correction overlaid."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from domain.errors import Breach, require
from domain.events import CaseEvent, Facts, StepEvent
from domain.procedure.step import Part, Record, Step, Taking
from domain.rules.procedure import not_in_future, text_given
from domain.values import (
    ChiefBasis,
    ContractKind,
    EffectBasis,
    ItemStatus,
    RatifyingBody,
    Side,
    SurveyMethod,
    WorkerSelection,
)

VOCABULARIES: dict[str, type[StrEnum]] = {
    "side": Side, "from_side": Side, "chaired_by": Side, "requested_by": Side,
    "method": SurveyMethod, "contract_kind": ContractKind, "body": RatifyingBody,
    "basis": EffectBasis, "worker_selection": WorkerSelection, "chief_basis": ChiefBasis,
    "status": ItemStatus,
}
HAPPENED_DATES = frozenset({"occurred_on", "received_on", "accepted_on", "period_start",
                            "period_end"})
FIXED_FACTS = frozenset({"profile", "assigned_to", "scope"})


class EntryCorrected(CaseEvent):
    """A correction: names the entry, what changes and why. The original stays."""

    corrects_version: int
    changes: Facts
    reason: str


def _same_kind(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool)
    if old is None or new is None:
        return True
    return type(old) is type(new) or {type(old), type(new)} <= {list, tuple}


def _in_vocabulary(name: str, value: Any) -> bool:
    vocabulary = VOCABULARIES.get(name)
    return vocabulary is None or value in {str(v) for v in vocabulary}


def _records_alike(old: Any, value: Any) -> bool:
    """A list of records is restated whole, by records of the same facts."""
    keys = {frozenset(r) for r in old if isinstance(r, dict)}
    return isinstance(value, list | tuple) and all(
        isinstance(r, dict) and (not keys or frozenset(r) in keys)
        and all(_in_vocabulary(k, v) for k, v in r.items()) for r in value)


def _declared(entry_type: str) -> set[str]:
    event = StepEvent.named.get(entry_type)
    names: set[str] = set()
    for klass in getattr(event, "__mro__", ()):
        names |= set(getattr(klass, "__annotations__", {}))
    return names


def change_breaches(record: dict[str, Any], changes: dict[str, Any]) -> list[Breach]:
    """Each change names a fact of the entry (one its event declares, if a later release
    added it), keeps its kind and, for a vocabulary, a known value. A list of records (a
    side, agenda items, demands) is replaced whole by records of the same facts; the case's
    invariants are then checked on the corrected history."""
    facts = {"occurred_on": record["occurred_on"], **record["facts"]}
    declared = _declared(record["type"]) - FIXED_FACTS
    breaches = []
    for path, value in changes.items():
        head, _, tail = path.partition(".")
        old = facts.get(head, None if head in declared else KeyError)
        if tail:
            old = old.get(tail, KeyError) if isinstance(old, dict) else KeyError
        if head in FIXED_FACTS or old is KeyError:
            breaches.append(Breach("correction_field_unknown", {"field": path}, field="changes"))
        elif isinstance(old, list | tuple) and any(isinstance(r, dict) for r in old):
            if not _records_alike(old, value):
                breaches.append(Breach("correction_type", {"field": path}, field="changes"))
        elif not _same_kind(old, value) or not _in_vocabulary(tail or head, value):
            breaches.append(Breach("correction_type", {"field": path}, field="changes"))
    return breaches


def correct_entry(step: Taking, *, corrects_version: int, changes: dict[str, Any],
                  reason: str) -> list[Record]:
    """Only an entry recording a step of the procedure is corrected, with a reason; the
    case's invariants must hold of the corrected history (the aggregate checks them)."""
    record = next((r for r in step.records if r["version"] == corrects_version), None)
    step.require(text_given(reason, "reason"),
                 [] if changes else [Breach("correction_empty", field="changes")])
    if record is None or record["type"] not in StepEvent.named:
        require([Breach("correction_target", {"version": corrects_version},
                        field="corrects_version")])
    assert record is not None
    require(change_breaches(record, changes),
            *(not_in_future(v, step.today) for k, v in changes.items()
              if k in HAPPENED_DATES and isinstance(v, date)))
    return [Record(EntryCorrected, dict(corrects_version=corrects_version, changes=changes,
                                        reason=reason))]


STEP = Step(
    name="correction", command="correct_entry", label=("更正", "Correction"),
    record=correct_entry, events={EntryCorrected: ("更正", "Correction")}, part=Part.ENTRY,
    rewrites_history=True,
    fields={"corrects_version": ("更正的记录", "Corrects entry"),
            "changes": ("更正内容", "Changes"), "reason": ("理由", "Reason")},
)
