"""Cross-cutting entries: notes, attachments, reassignment, corrections, sign-offs."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

from domain.case_core import CaseCore, not_in_future, plain
from domain.entries import materialise
from domain.errors import Breach, require
from domain.events import (
    STEP_EVENTS,
    AttachmentAdded,
    CaseClosed,
    CaseReassigned,
    CaseReopened,
    EntryCorrected,
    NoteAdded,
    SignOffGiven,
    SignOffRefused,
    SignOffRequested,
)
from domain.invariants import invariant_breaches
from domain.rules import procedure
from domain.state import fold
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    EffectBasis,
    RatifyingBody,
    Role,
    Side,
    SignOffSubject,
    SurveyMethod,
    WorkerSelection,
)

VOCABULARIES: dict[str, type[StrEnum]] = {
    "side": Side, "from_side": Side, "chaired_by": Side, "requested_by": Side,
    "method": SurveyMethod, "contract_kind": ContractKind, "body": RatifyingBody,
    "basis": EffectBasis, "worker_selection": WorkerSelection, "chief_basis": ChiefBasis,
}
CORRECTABLE = frozenset(e.__name__ for e in STEP_EVENTS)
HAPPENED_DATES = frozenset({"occurred_on", "received_on", "accepted_on", "period_start",
                            "period_end"})
FIXED_FACTS = frozenset({"profile", "assigned_to", "scope"})
SHA256 = re.compile(r"[0-9a-f]{64}")


def _same_kind(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool)
    if old is None or new is None:
        return True
    return type(old) is type(new) or {type(old), type(new)} <= {list, tuple}


def _in_vocabulary(name: str, value: Any) -> bool:
    vocabulary = VOCABULARIES.get(name)
    return vocabulary is None or value in {str(v) for v in vocabulary}


def _structured(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict | list) for v in value)


def _change_breaches(record: dict[str, Any], changes: dict[str, Any]) -> list[Breach]:
    """Each change names an existing fact, keeps its kind and, for a vocabulary, a known
    value. Lists of records (sides, agenda items, demands) change only through their own
    commands (e.g. a representative's replacement), never by a correction."""
    facts = {"occurred_on": record["occurred_on"], **record["facts"]}
    breaches = []
    for path, value in changes.items():
        head, _, tail = path.partition(".")
        old = facts.get(head)
        if tail:
            old = old.get(tail, KeyError) if isinstance(old, dict) else KeyError
        if head in FIXED_FACTS or head not in facts or old is KeyError:
            breaches.append(Breach("correction_field_unknown", {"field": path}, field="changes"))
        elif _structured(old):
            breaches.append(Breach("correction_structured", {"field": path}, field="changes"))
        elif not _same_kind(old, value) or not _in_vocabulary(tail or head, value):
            breaches.append(Breach("correction_type", {"field": path}, field="changes"))
    return breaches


class CaseEntries(CaseCore):
    """Entries that can be made on a case at any stage."""

    def add_note(self, by: Actor, occurred_on: date, *, text: str) -> None:
        """A note (any role, any stage)."""
        self._check_entry(occurred_on, procedure.text_given(text, "text"))
        self._record(NoteAdded, by, occurred_on, text=text)

    def attach_file(self, by: Actor, occurred_on: date, *, filename: str, media_type: str,
                    size: int, sha256: str, description: str = "") -> None:
        """An attachment stored by content hash (scanned contract, minutes...)."""
        self._check_entry(occurred_on, procedure.text_given(filename, "filename"),
                          procedure.at_least(size, 1, "size"),
                          [] if SHA256.fullmatch(sha256) else
                          [Breach("sha256_invalid", field="sha256")])
        self._record(AttachmentAdded, by, occurred_on, filename=filename,
                     media_type=media_type, size=size, sha256=sha256, description=description)

    def reassign(self, by: Actor, occurred_on: date, *, to: Actor, reason: str) -> None:
        """The case passes to another social worker."""
        self._check_entry(occurred_on, procedure.case_open(self.state),
                          [] if to.role is Role.SOCIAL_WORKER else
                          [Breach("assignee_role", field="to")],
                          [Breach("already_assigned", field="to")]
                          if to.id == self.state.assigned_to.id else [],
                          procedure.text_given(reason, "reason"))
        self._record(CaseReassigned, by, occurred_on, assigned_to=to.to_dict(), reason=reason)

    def correct_entry(self, by: Actor, occurred_on: date, *, corrects_version: int,
                      changes: dict[str, Any], reason: str) -> None:
        """A correction names the entry, what changes and why; the original stays.

        Refused if the corrected history would break any invariant of the case.
        """
        record = next((r for r in self._records if r["version"] == corrects_version), None)
        self._check_step(by, occurred_on, procedure.text_given(reason, "reason"),
                         [] if changes else [Breach("correction_empty", field="changes")])
        if record is None or record["type"] not in CORRECTABLE:
            raise_breach = Breach("correction_target", {"version": corrects_version},
                                  field="corrects_version")
            require([raise_breach])
        assert record is not None
        require(_change_breaches(record, changes),
                *(not_in_future(v) for k, v in changes.items()
                  if k in HAPPENED_DATES and isinstance(v, date)))
        trial = {**record, "version": self.version + 1, "type": EntryCorrected.__name__,
                 "facts": {"corrects_version": corrects_version, "changes": plain(changes)}}
        require(invariant_breaches(fold(materialise([*self._records, trial]))))
        self._record(EntryCorrected, by, occurred_on, corrects_version=corrects_version,
                     changes=changes, reason=reason)

    def request_sign_off(self, by: Actor, occurred_on: date, *, subject: SignOffSubject,
                         note: str) -> None:
        """Ask a supervisor to sign off; a closure request needs a reason."""
        state = self.state
        subject = SignOffSubject(subject)
        checks = [[Breach("sign_off_pending")] if state.pending_sign_off(subject) else []]
        if subject is SignOffSubject.CLOSURE:
            checks += [procedure.case_open(state), procedure.text_given(note, "note")]
        self._check_entry(occurred_on, *checks)
        self._record(SignOffRequested, by, occurred_on, subject=subject, note=note)

    def _decision_checks(self, by: Actor, occurred_on: date,
                         request_version: int) -> list[list[Breach]]:
        pair = next((p for p in self.state.sign_offs if p.start.version == request_version
                     and p.end is None), None)
        if pair is None:
            return [[Breach("no_such_request", {"version": request_version})]]
        return [[] if by.role is Role.SUPERVISOR else [Breach("supervisor_only")],
                [Breach("own_request")] if pair.start.by.id == by.id else [],
                procedure.not_before(occurred_on, pair.start.occurred_on, "requested")]

    def give_sign_off(self, by: Actor, occurred_on: date, *, request_version: int,
                      note: str = "") -> None:
        """A supervisor signs off; signing off a closure closes the case (step 14)."""
        self._check_entry(occurred_on, *self._decision_checks(by, occurred_on, request_version))
        request = next(p.start for p in self.state.sign_offs
                       if p.start.version == request_version)
        self._record(SignOffGiven, by, occurred_on, request_version=request_version, note=note)
        if request["subject"] == SignOffSubject.CLOSURE:
            self._record(CaseClosed, by, occurred_on, reason=request["note"])

    def refuse_sign_off(self, by: Actor, occurred_on: date, *, request_version: int,
                        reason: str) -> None:
        """A supervisor refuses, saying why."""
        self._check_entry(occurred_on, *self._decision_checks(by, occurred_on, request_version),
                          procedure.text_given(reason, "reason"))
        self._record(SignOffRefused, by, occurred_on, request_version=request_version,
                     reason=reason)

    def reopen(self, by: Actor, occurred_on: date, *, reason: str) -> None:
        """Step 14: a closed case opens again, with a reason."""
        closed = self.state.closed
        self._check_entry(occurred_on, [] if closed else [Breach("case_not_closed")],
                          procedure.not_before(occurred_on, closed.occurred_on, "closed")
                          if closed else [],
                          procedure.text_given(reason, "reason"))
        self._record(CaseReopened, by, occurred_on, reason=reason)
