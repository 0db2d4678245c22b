"""Where a case stands in the procedure, derived from its state (never set by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.entries import Entry
from domain.replay import states
from domain.state import CaseState


class Stage(StrEnum):
    """The steps of the procedure, in order (docs/procedure.md, stages)."""

    OPENED = "opened"                     # 接案
    SURVEYED = "surveyed"                 # 调查摸底
    REPRESENTATIVES = "representatives"   # 协商代表产生
    OFFER_SENT = "offer_sent"             # 要约已发出
    NEGOTIATING = "negotiating"           # 协商中
    DRAFT_AGREED = "draft_agreed"         # 草案形成
    RATIFIED = "ratified"                 # 审议通过
    SIGNED = "signed"                     # 已签订
    FILED = "filed"                       # 已报送审查
    IN_FORCE = "in_force"                 # 已生效
    PUBLISHED = "published"               # 已公示
    CLOSED = "closed"                     # 已结案

    @property
    def order(self) -> int:
        """Position in the procedure, for step indicators and comparisons."""
        return list(Stage).index(self)


def stage_of(state: CaseState) -> Stage:
    """The furthest step the case has reached in its current attempt."""
    track = state.track
    if state.closed:
        return Stage.CLOSED
    if track.published:
        return Stage.PUBLISHED
    if track.effect:
        return Stage.IN_FORCE
    if track.filed:
        return Stage.FILED
    if track.signed:
        return Stage.SIGNED
    if state.passed_ratification:
        return Stage.RATIFIED
    if track.draft:
        return Stage.DRAFT_AGREED
    if state.accepted_offer or track.started_by or state.sessions:
        return Stage.NEGOTIATING
    if state.offers:
        return Stage.OFFER_SENT
    if state.appointment:
        return Stage.REPRESENTATIVES
    if state.surveys:
        return Stage.SURVEYED
    return Stage.OPENED


@dataclass(frozen=True)
class StagePeriod:
    """A stretch of business dates a case spent in one stage (``left_on`` None: still there)."""

    stage: Stage
    entered_on: date
    left_on: date | None


def stage_history(entries: list[Entry]) -> list[StagePeriod]:
    """The stages a case passed through, by the business dates of the entries that moved it.

    Entries written up late may carry earlier dates; a period never ends before it began.
    """
    return stage_periods(entries, [stage_of(state) for state in states(entries)])


def stage_periods(entries: list[Entry], stages: list[Stage]) -> list[StagePeriod]:
    """:func:`stage_history` from the stage after each entry (``stages``, one per entry),
    for a caller that has followed the case entry by entry and knows them already."""
    periods: list[StagePeriod] = []
    current: tuple[Stage, date] | None = None
    for entry, stage in zip(entries, stages, strict=True):
        if current is None:
            current = (stage, entry.occurred_on)
        elif stage != current[0]:
            left = max(entry.occurred_on, current[1])
            periods.append(StagePeriod(current[0], current[1], left))
            current = (stage, left)
    if current is not None:
        periods.append(StagePeriod(current[0], current[1], None))
    return periods
