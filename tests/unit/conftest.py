"""Shared fixtures of the domain unit tests: people, profiles, a fixed clock and an action
helper (``story``) that takes a negotiation case through the procedure (docs/procedure.md).

The default story is a wage negotiation at a Xingning electronics factory with a union,
40 workers and a workers' congress of 40, under the Guangdong profile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from stdnum.cn import uscc

from config import profiles
from config.profiles import JurisdictionProfile
from domain import clock
from domain.case import NegotiationCase
from domain.errors import RuleBroken
from domain.stages import Stage
from domain.values import (
    Actor,
    ChiefBasis,
    ContractKind,
    Enterprise,
    Representative,
    Role,
    SignOffSubject,
    WorkerSelection,
)

# The recording clock of every unit test: business dates up to this day are allowed.
RECORDING_DAY = date(2026, 11, 20)


def valid_credit_code(first17: str = "91441481MA4UM3K2X") -> str:
    """An 18-character unified social credit code with its correct check digit."""
    return first17 + uscc.calc_check_digit(first17)


def side(prefix: str, size: int = 3) -> list[Representative]:
    """``size`` named representatives, the first of them the chief."""
    return [Representative(f"{prefix}{i + 1}", chief=i == 0) for i in range(size)]


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[date]:
    """Record every entry as if on :data:`RECORDING_DAY` at noon, China time."""
    with clock.recording_at(datetime.combine(RECORDING_DAY, time(12), tzinfo=clock.CHINA)):
        yield RECORDING_DAY


@pytest.fixture
def worker() -> Actor:
    """The union social worker who runs the case (李社工)."""
    return Actor("sw-li", "李社工", Role.SOCIAL_WORKER)


@pytest.fixture
def colleague() -> Actor:
    """Another social worker, who may take the case over."""
    return Actor("sw-he", "何社工", Role.SOCIAL_WORKER)


@pytest.fixture
def supervisor() -> Actor:
    """The supervisor (督导) who audits and signs off."""
    return Actor("sv-chen", "陈督导", Role.SUPERVISOR)


@pytest.fixture
def other_supervisor() -> Actor:
    """A second supervisor."""
    return Actor("sv-zhou", "周督导", Role.SUPERVISOR)


@pytest.fixture
def national() -> JurisdictionProfile:
    """The national profile (《集体合同规定》)."""
    return profiles.load("national")


@pytest.fixture
def guangdong() -> JurisdictionProfile:
    """The Guangdong profile (《广东省企业集体合同条例》)."""
    return profiles.load("guangdong")


@pytest.fixture
def refused() -> Callable[..., set[str]]:
    """Run a case command that must be refused; check it recorded nothing at all.

    Returns the keys of the rules it names: ``refused(case.send_offer, worker, day, ...)``.
    """

    def check(command: Callable[..., None], *args: Any, **kwargs: Any) -> set[str]:
        case = command.__self__  # type: ignore[attr-defined]
        before = (case.version, case.records, case.chain_head, len(case.pending_events),
                  case.stage, case.state.entries)
        with pytest.raises(RuleBroken) as caught:
            command(*args, **kwargs)
        after = (case.version, case.records, case.chain_head, len(case.pending_events),
                 case.stage, case.state.entries)
        assert after == before, "a refused command changed the case"
        assert caught.value.breaches, "a refusal names at least one rule"
        return {b.key for b in caught.value.breaches}

    return check


class CaseStory:
    """Action helper: opens a case and records each step with plausible facts.

    Every step takes ``on`` (the business date) and keyword overrides of its facts, so a
    test changes only what its story is about.
    """

    OPENED_ON = date(2025, 3, 3)

    def __init__(self, worker: Actor, supervisor: Actor):
        self.worker = worker
        self.supervisor = supervisor

    def enterprise(self, **changes: Any) -> Enterprise:
        """兴宁市某某电子有限公司: 40 workers, 20 women, with a union."""
        facts: dict[str, Any] = {
            "name": "兴宁市某某电子有限公司", "credit_code": valid_credit_code(),
            "town": "兴宁市", "industry": "电子", "headcount": 40, "women": 20,
            "has_union": True, "legal_representative": "王总"}
        facts.update(changes)
        return Enterprise(**facts)

    def open(self, *, profile: str = "guangdong", on: date = OPENED_ON,
             kind: ContractKind = ContractKind.WAGE, **enterprise: Any) -> NegotiationCase:
        """Step 0: open the case (enterprise facts may be overridden)."""
        return NegotiationCase.open(
            self.worker, on, enterprise=self.enterprise(**enterprise), contract_kind=kind,
            profile=profiles.load(profile), assigned_to=self.worker, scope="xingning")

    def survey(self, case: NegotiationCase, on: date = date(2025, 3, 10),
               **facts: Any) -> NegotiationCase:
        """Step 1: a questionnaire survey of the week before."""
        defaults = {"method": "questionnaire", "period_start": date(2025, 3, 4),
                    "period_end": date(2025, 3, 7), "respondents": 30, "findings": "工资偏低",
                    "demands": [{"text": "涨工资", "priority": 1}]}
        case.record_survey(self.worker, on, **{**defaults, **facts})
        return case

    def appoint(self, case: NegotiationCase, on: date = date(2025, 3, 14),
                **facts: Any) -> NegotiationCase:
        """Step 3: three a side; the union chooses, its chair leads the workers."""
        union = case.state.enterprise.has_union
        defaults: dict[str, Any] = {
            "worker_side": side("张"), "employer_side": side("王"),
            "worker_selection": WorkerSelection.UNION if union else WorkerSelection.DEMOCRATIC,
            "chief_basis": ChiefBasis.UNION_CHAIR if union
            else ChiefBasis.DEMOCRATICALLY_ELECTED,
            "employer_appointed_by": "王总",
            "workers_approving": None if union else case.state.enterprise.headcount}
        case.appoint_representatives(self.worker, on, **{**defaults, **facts})
        return case

    def send_offer(self, case: NegotiationCase, on: date = date(2025, 3, 17),
                   **facts: Any) -> NegotiationCase:
        """Step 4: the workers' written offer, received the next day."""
        defaults = {"from_side": "workers", "received_on": date(2025, 3, 18),
                    "agenda": ["工资", "工时"], "timetable": "四月内协商三次"}
        case.send_offer(self.worker, on, **{**defaults, **facts})
        return case

    def accept_offer(self, case: NegotiationCase, on: date = date(2025, 3, 25),
                     **facts: Any) -> NegotiationCase:
        """Step 4a: the employer accepts in writing."""
        case.answer_offer(self.worker, on, **{"accepted": True, **facts})
        return case

    def hold_session(self, case: NegotiationCase, on: date = date(2025, 4, 1),
                     **facts: Any) -> NegotiationCase:
        """Step 5: a session chaired by whichever chief's turn it is, wages agreed."""
        sessions = case.state.sessions
        chair = "employer" if sessions and sessions[-1]["chaired_by"] == "workers" else "workers"
        defaults = {"chaired_by": chair, "recorder": "赵记录",
                    "items": [{"topic": "工资", "status": "agreed"}], "minutes": "纪要",
                    "minutes_signed": True}
        case.hold_session(self.worker, on, **{**defaults, **facts})
        return case

    def agree_draft(self, case: NegotiationCase, on: date = date(2025, 4, 8),
                    **facts: Any) -> NegotiationCase:
        """Step 6: the draft, signed by both chiefs."""
        defaults = {"text": "工资专项集体合同（草案）", "key_terms": {"wage_increase_pct": 5},
                    "signed_by_chiefs": True}
        case.agree_draft(self.worker, on, **{**defaults, **facts})
        return case

    def ratify(self, case: NegotiationCase, on: date = date(2025, 4, 15),
               **facts: Any) -> NegotiationCase:
        """Step 7: the congress of 40 meets, 27 present (the quorum), 21 vote for."""
        defaults = {"body": "workers_congress", "members": 40, "present": 27, "votes_for": 21}
        case.hold_ratification_vote(self.worker, on, **{**defaults, **facts})
        return case

    def sign(self, case: NegotiationCase, on: date = date(2025, 4, 18),
             **facts: Any) -> NegotiationCase:
        """Step 8: signed for three years from 1 May 2025."""
        defaults = {"term_start": date(2025, 5, 1), "term_end": date(2028, 4, 30)}
        case.sign_contract(self.worker, on, **{**defaults, **facts})
        return case

    def file(self, case: NegotiationCase, on: date = date(2025, 4, 22),
             **facts: Any) -> NegotiationCase:
        """Step 9: filed with the town's labour bureau, received the same day."""
        case.file_contract(self.worker, on, **{"bureau": "兴宁市人社局", **facts})
        return case

    def take_effect(self, case: NegotiationCase, on: date = date(2025, 5, 8),
                    **facts: Any) -> NegotiationCase:
        """Step 10: no objection by 7 May (after the Labour Day break): deemed effective."""
        case.record_effect(self.worker, on, **{"basis": "deemed", **facts})
        return case

    def publish(self, case: NegotiationCase, on: date = date(2025, 5, 12),
                **facts: Any) -> NegotiationCase:
        """Step 11: posted on the notice board."""
        defaults = {"channels": "厂区公告栏", "monitoring_contact": "工会 0753-1234567"}
        case.publish_contract(self.worker, on, **{**defaults, **facts})
        return case

    def close(self, case: NegotiationCase, on: date = date(2025, 5, 20),
              reason: str = "合同已公示，结案") -> NegotiationCase:
        """Step 14: the worker asks, a supervisor signs off the closure the next day."""
        case.request_sign_off(self.worker, on, subject=SignOffSubject.CLOSURE, note=reason)
        case.give_sign_off(self.supervisor, on + timedelta(days=1),
                           request_version=case.version)
        return case

    STEPS: tuple[tuple[str, Stage], ...] = (
        ("survey", Stage.SURVEYED), ("appoint", Stage.REPRESENTATIVES),
        ("send_offer", Stage.OFFER_SENT), ("accept_offer", Stage.NEGOTIATING),
        ("hold_session", Stage.NEGOTIATING), ("agree_draft", Stage.DRAFT_AGREED),
        ("ratify", Stage.RATIFIED), ("sign", Stage.SIGNED), ("file", Stage.FILED),
        ("take_effect", Stage.IN_FORCE), ("publish", Stage.PUBLISHED),
        ("close", Stage.CLOSED),
    )

    def up_to(self, stage: Stage, **opening: Any) -> NegotiationCase:
        """A case opened and taken, with the default facts, as far as ``stage``."""
        case = self.open(**opening)
        for step, reached in self.STEPS:
            if reached.order > stage.order:
                break
            getattr(self, step)(case)
            assert case.stage is reached, f"{step} should reach {reached}, not {case.stage}"
        return case


@pytest.fixture
def story(worker: Actor, supervisor: Actor) -> CaseStory:
    """The action helper for building cases."""
    return CaseStory(worker, supervisor)
