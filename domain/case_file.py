"""The case file: what each step recorded, in procedure order, as a social worker reads it.

Each entry shows its facts as they read now (corrections overlaid); a corrected fact keeps
its value as first recorded beside it. A fact inside a mapping (the enterprise's name, one
key term) is a fact of its own; a list of records (representatives, demands, agenda items)
stays a list, demands sorted by priority. Corrections themselves are not entries of the
file: they show as the corrected facts they made. What an entry came to, where it matters
(a vote failed, an offer refused...), is its step's :class:`~domain.procedure.step.Outcome`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from domain.entries import Entry, as_recorded, materialise
from domain.procedure.opening import LABEL as OPENING_LABEL
from domain.procedure.opening import CaseOpened
from domain.procedure.registry import STEPS, step_recording
from domain.procedure.step import Label, Outcome
from domain.replay import states
from domain.state import CaseState

HIDDEN = frozenset({"profile", "assigned_to", "scope", "renews_case"})
"""Facts the file leaves out: settings copied at opening, not facts of the case."""
SKIPPED = frozenset({"correction"})
EMPTY: tuple[Any, ...] = (None, "", [], ())
"""Values of facts not recorded (optional facts left blank, or added by a later release);
the file leaves them out, as it leaves out the business date its entry's heading shows."""


@dataclass(frozen=True)
class Fact:
    """One fact of an entry: its key (``enterprise.name``), its value now and, if a
    correction changed it, its value as first recorded."""

    key: str
    value: Any
    corrected: bool = False
    original: Any = None

    @property
    def records(self) -> bool:
        """Whether the value is a list of records (shown as a table; confirmed warnings,
        :func:`domain.rules.sanity.entry_warnings`, read as sentences instead)."""
        return (self.key != "warnings" and isinstance(self.value, list)
                and any(isinstance(v, dict) for v in self.value))


@dataclass(frozen=True)
class FileEntry:
    """One entry of the file: what it recorded and what it came to."""

    entry: Entry
    facts: list[Fact]
    outcome: Outcome | None = None


@dataclass
class Section:
    """The entries one step recorded, under the step's name."""

    name: str
    label: Label
    entries: list[FileEntry] = field(default_factory=list)


def _flat(facts: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in facts.items():
        if key in HIDDEN:
            continue
        if isinstance(value, dict):
            yield from ((f"{key}.{inner}", v) for inner, v in value.items())
        elif key == "demands" and isinstance(value, list):
            yield key, sorted(value, key=lambda d: (d.get("priority") or 1))
        else:
            yield key, value


def file_facts(entry: Entry, first: Entry) -> list[Fact]:
    """The facts of ``entry`` (as it reads now) beside ``first`` (as first recorded): those
    recorded, and any a correction changed."""
    now = dict(_flat({"occurred_on": entry.occurred_on, **entry.facts}))
    then = dict(_flat({"occurred_on": first.occurred_on, **first.facts}))
    facts = []
    for key, value in now.items():
        changed = bool(entry.corrected_by) and (key not in then or then[key] != value)
        if changed or (key != "occurred_on" and value not in EMPTY):
            facts.append(Fact(key, value, changed, then.get(key) if changed else None))
    return facts


def case_file(records: list[dict[str, Any]]) -> list[Section]:
    """The file of a case from its stored records: one section per step that recorded
    something, in procedure order (the opening's enterprise facts first)."""
    entries = materialise(records)
    firsts = {e.version: e for e in as_recorded(records)}
    opening = Section("opening", OPENING_LABEL)
    sections = {step.name: Section(step.name, step.label) for step in STEPS
                if step.name not in SKIPPED}
    for entry, state in zip(entries, states(entries), strict=True):
        step = step_recording(entry.type)
        if entry.type == CaseOpened.__name__:
            section = opening
        elif step is None or step.name in SKIPPED:
            continue
        else:
            section = sections[step.name]
        outcome = outcome_of(state, entry)
        section.entries.append(FileEntry(entry, file_facts(entry, firsts[entry.version]),
                                         outcome))
    return [opening, *(s for s in sections.values() if s.entries)]


def flags(state: CaseState) -> list[tuple[Entry, Outcome]]:
    """The outcomes that hold the case back now: each step's latest entry, where it did
    not go forward (a vote that failed, then passed, is no longer flagged; nor an offer
    refused, once another is accepted; nor a sign-off refused, once she asks again)."""
    found = []
    for step in STEPS:
        entries = [e for event in step.events for e in state.of_type(event.__name__)]
        if step.outcome is None or not entries:
            continue
        latest = max(entries, key=lambda e: e.version)
        outcome = step.outcome(state, latest)
        if outcome is not None and not outcome.good:
            found.append((latest, outcome))
    return sorted(found, key=lambda pair: pair[0].version)


def attention(state: CaseState) -> str | None:
    """The newest flag as ``EventType:outcome_key`` (what a list of cases shows), if any."""
    found = flags(state)
    return f"{found[-1][0].type}:{found[-1][1].key}" if found else None


def outcome_of(state: Any, entry: Entry) -> Outcome | None:
    """What ``entry`` came to on ``state`` (the state right after it), if that matters."""
    step = step_recording(entry.type)
    return step.outcome(state, entry) if step and step.outcome else None
