"""Errors the domain raises. Each names the rule broken in the user's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain.messages import render


@dataclass(frozen=True)
class Breach:
    """One broken rule: a message key (see ``domain.messages``) and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None

    def message(self, lang: str = "zh") -> str:
        """The breach in words a social worker understands."""
        return render(self.key, lang, **self.params)


class DomainError(Exception):
    """Base class of refusals by the domain. Nothing is recorded when raised."""


class RuleBroken(DomainError):
    """A command would break one or more rules of the procedure."""

    def __init__(self, breaches: list[Breach]):
        self.breaches = breaches
        super().__init__("; ".join(b.message("en") for b in breaches))

    def messages(self, lang: str = "zh") -> list[str]:
        """All breaches, rendered in ``lang``."""
        return [b.message(lang) for b in self.breaches]


class CaseNotFound(DomainError, LookupError):
    """No case has this id."""

    def __init__(self, case_id: UUID):
        self.case_id = case_id
        super().__init__(render("case_not_found", "en", case_id=case_id))


class CaseConflict(IntegrityError, DomainError):
    """Someone else recorded an entry on the case first; nothing was recorded."""

    def __init__(self, case_id: UUID, expected: int | None, actual: int | None):
        self.case_id, self.expected, self.actual = case_id, expected, actual
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """The conflict in the user's words."""
        if self.expected is None:
            return render("case_exists", lang, case_id=self.case_id)
        return render("case_conflict", lang, expected=self.expected, actual=self.actual)


def require(*checks: list[Breach]) -> None:
    """Raise :class:`RuleBroken` if any of the given rule checks found a breach."""
    breaches = [b for check in checks for b in check]
    if breaches:
        raise RuleBroken(breaches)
