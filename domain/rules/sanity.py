"""Sanity warnings: figures the law allows to be recorded but that are most likely wrong
(docs/procedure.md, *Sanity warnings*). Unlike a broken rule, a warning does not refuse:
the step is recorded once the worker confirms she checked it, and the warnings she
confirmed are kept on the entry (its ``warnings`` fact) for the case file and the history.

- :func:`below_minimum_wage`: the draft's minimum wage below the local statutory minimum;
- :func:`over_standard_hours`: the draft's weekly hours above the standard 40;
- :func:`all_workers_differ`: a vote of all workers whose members differ from the headcount.

A command asks for them with :func:`confirmed`, which raises :class:`WarningsUnconfirmed`
(a :class:`~domain.errors.RuleBroken`, so nothing is recorded) until ``confirm_warnings``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from config.reference.places import GUANGDONG, city_of
from config.reference.wages import minimum_wage
from domain.entries import Entry
from domain.errors import Breach, RuleBroken
from domain.messages import register_messages, render
from domain.values import RatifyingBody

STANDARD_WEEKLY_HOURS = 40
CONFIRM_FIELD = "confirm_warnings"

MESSAGES: dict[str, tuple[str, str]] = {
    "minimum_wage_below": (
        "最低工资 {given} 元/月低于{place}法定最低工资标准 {minimum} 元/月（{title}，"
        "{effective_from} 起执行；《劳动法》第四十八条、《最低工资规定》第十二条）。",
        "The minimum wage of {given} yuan a month is below {place}'s statutory minimum of "
        "{minimum} yuan a month ({title}, from {effective_from}; Labour Law Art. 48, "
        "Minimum Wage Provisions Art. 12)."),
    "weekly_hours_over": (
        "每周工作时间 {hours} 小时，超过标准工时每周 {standard} 小时"
        "（《国务院关于职工工作时间的规定》第三条）。",
        "{hours} working hours a week exceed the standard {standard} hours a week (State "
        "Council Provisions on Working Hours, Art. 3)."),
    "all_workers_differ": (
        "全体职工审议的应到人数（{members} 人）与企业职工人数（{headcount} 人）不一致"
        "（《集体合同规定》第三十六条：草案提交全体职工讨论）。",
        "A vote of all workers counts {members} members, but the enterprise has {headcount} "
        "workers (Provisions Art. 36: the draft is put to all workers)."),
}
register_messages(MESSAGES)


@dataclass(frozen=True)
class Caution:
    """One warning: a message key of :data:`MESSAGES` and its parameters (plain values,
    stored as they are on the entry)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        """The warning in words, with the regulation it rests on."""
        return render(self.key, lang, **self.params)

    def to_dict(self) -> dict[str, Any]:
        """The form stored on an entry: ``{"key": ..., **params}``."""
        return {"key": self.key, **self.params}

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Caution:
        """Inverse of :meth:`to_dict`."""
        return Caution(str(data["key"]), {k: v for k, v in data.items() if k != "key"})


def _b(key: str, **params: Any) -> Caution:
    """A warning of :data:`MESSAGES` with its parameters."""
    return Caution(key, params)


class WarningsUnconfirmed(RuleBroken):
    """The facts raise warnings the worker has not confirmed; nothing is recorded. Each
    warning is also a breach of the ``confirm_warnings`` field, so a caller that knows
    nothing of warnings still shows them as a refusal."""

    def __init__(self, cautions: list[Caution]):
        self.cautions = cautions
        super().__init__([Breach(c.key, c.params, field=CONFIRM_FIELD) for c in cautions])


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def below_minimum_wage(key_terms: Mapping[str, Any], town: str, on: date,
                       jurisdiction: str) -> list[Caution]:
    """Labour Law Art. 48 and the Minimum Wage Provisions (劳动和社会保障部令第21号)
    Art. 12: wages are not below the local minimum. Guangdong's minimum in force on ``on``
    in the enterprise's city (config/reference/minimum_wages.toml), or the province's
    lowest tier if the town names no known city of a Guangdong case."""
    given = _number(key_terms.get("minimum_wage"))
    city = city_of(town)
    if given is None or (city is None and jurisdiction != "guangdong"):
        return []
    standard = minimum_wage(GUANGDONG, city, on)
    if standard is None or given >= standard.monthly:
        return []
    return [_b("minimum_wage_below", given=int(given) if given.is_integer() else given,
               minimum=standard.monthly, place=standard.place, title=standard.title,
               effective_from=standard.effective_from.isoformat())]


def over_standard_hours(key_terms: Mapping[str, Any]) -> list[Caution]:
    """State Council Provisions on Working Hours (国务院令第174号) Art. 3: eight hours a
    day, 40 hours a week (a special working-hours system may allow more: hence a warning)."""
    hours = _number(key_terms.get("weekly_hours"))
    if hours is None or hours <= STANDARD_WEEKLY_HOURS:
        return []
    return [_b("weekly_hours_over", hours=int(hours) if hours.is_integer() else hours,
               standard=STANDARD_WEEKLY_HOURS)]


def all_workers_differ(body: str, members: int, headcount: int) -> list[Caution]:
    """Provisions Art. 36: put to all workers (全体职工), the vote's members are the
    enterprise's workers; a different count is most likely a typing error or an old
    headcount."""
    if str(body) != RatifyingBody.ALL_WORKERS or members == headcount:
        return []
    return [_b("all_workers_differ", members=members, headcount=headcount)]


def confirmed(cautions: list[Caution], confirm: bool) -> list[dict[str, Any]] | None:
    """The warnings to keep on the entry (None when there are none: an entry recorded
    before warnings existed reads the same, so restating it changes nothing); raises
    :class:`WarningsUnconfirmed` if there are any and the worker has not confirmed them."""
    if cautions and not confirm:
        raise WarningsUnconfirmed(cautions)
    return [c.to_dict() for c in cautions] or None


def entry_warnings(entry: Entry) -> list[Caution]:
    """The warnings confirmed on ``entry`` (as corrected), for the case file and the
    history; none for an entry of a kind that has none or was recorded before them."""
    stored = entry.facts.get("warnings") or []
    return [Caution.from_dict(item) for item in stored if isinstance(item, Mapping)]


def warning_texts(entry: Entry, lang: str = "zh") -> list[str]:
    """:func:`entry_warnings` in words, in ``lang``."""
    return [caution.message(lang) for caution in entry_warnings(entry)]
