"""The demo-data generator: fills a store with realistic cases, built by the domain's commands.

Cases are built in memory with :class:`~domain.case.NegotiationCase` commands (so every rule
of the procedure is checked as in real use) and saved in batches, one transaction each.
"""

from __future__ import annotations

import random
import uuid
from collections import deque
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from config import profiles
from config.profiles import JurisdictionProfile
from domain import clock
from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.stages import Stage
from domain.values import Actor, ContractKind, Enterprise
from web.demo.data import CONTRACT_KINDS, County
from web.demo.steps import Story
from web.demo.story import Setting
from web.demo.world import Registry, staff

START = date(2021, 1, 4)
# Where new cases are headed (per 100): many reach publication (and later expire and
# close), some stall mid-way, a few are abandoned and closed early (``CLOSED``).
TARGETS = ((Stage.OPENED, 3), (Stage.SURVEYED, 3), (Stage.REPRESENTATIVES, 3),
           (Stage.OFFER_SENT, 3), (Stage.NEGOTIATING, 6), (Stage.DRAFT_AGREED, 3),
           (Stage.RATIFIED, 3), (Stage.SIGNED, 3), (Stage.FILED, 3), (Stage.IN_FORCE, 3),
           (Stage.PUBLISHED, 60), (Stage.CLOSED, 7))
# Roughly how many days a case takes to reach a stage: stalled cases open that long ago.
NEED = {Stage.OPENED: 0, Stage.SURVEYED: 20, Stage.REPRESENTATIVES: 38, Stage.OFFER_SENT: 48,
        Stage.NEGOTIATING: 90, Stage.DRAFT_AGREED: 125, Stage.RATIFIED: 140,
        Stage.SIGNED: 145, Stage.FILED: 152, Stage.IN_FORCE: 170}
STALLED_FOR = 20  # stalled cases have waited up to this many days more
ABANDONED_AT = (Stage.SURVEYED, Stage.REPRESENTATIVES, Stage.OFFER_SENT, Stage.NEGOTIATING)
NATIONAL_SHARE = 0.05
RENEWAL_SHARE = 0.4


class _Renewal(NamedTuple):
    county: County
    enterprise: Enterprise
    kind: ContractKind
    profile: JurisdictionProfile
    worker: Actor
    renews: uuid.UUID
    opened_on: date


class _Dealer:
    """Deals out cases: renewals of contracts about to expire, or new cases whose targets
    come from a shuffled deck (so every 100 new cases cover every target)."""

    def __init__(self, rng: random.Random, until: date) -> None:
        self.rng, self.until = rng, until
        self.start = min(START, until - timedelta(365))
        self.registry = Registry(rng)
        self.workers, self.supervisors = staff()
        self.deck: list[Stage] = []
        self.renewals: deque[_Renewal] = deque()
        self.files: dict[str, bytes] = {}

    def next_case(self) -> NegotiationCase:
        """Build the next case in memory (not saved)."""
        rng = self.rng
        case_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        abandon_at: Stage | None = None
        if self.renewals and rng.random() < RENEWAL_SHARE:
            renewal = self.renewals.popleft()
            setting = self._setting(renewal.county, renewal.enterprise, renewal.kind,
                                    renewal.profile, renewal.worker, renewal.renews)
            target, opened_on = Stage.PUBLISHED, renewal.opened_on
        else:
            target = self._deal()
            county, enterprise = self.registry.pick()
            kind = rng.choices([k for k, _ in CONTRACT_KINDS], [w for _, w in CONTRACT_KINDS])[0]
            profile = profiles.load("national" if rng.random() < NATIONAL_SHARE else "guangdong")
            setting = self._setting(county, enterprise, kind, profile,
                                    rng.choice(self.workers[county.scope]), None)
            opened_on = self._opened_on(target)
            if target is Stage.CLOSED:
                target, abandon_at = Stage.PUBLISHED, rng.choice(ABANDONED_AT)
        story = Story(rng, setting, case_id, opened_on, self.until)
        story.run(target, abandon_at)
        self.files.update(story.files)
        if story.renewal_requested:
            opens = story.renewal_requested + timedelta(rng.randint(3, 20))
            if opens < self.until:
                self.renewals.append(_Renewal(
                    setting.county, self.registry.grown(setting.enterprise), setting.kind,
                    setting.profile, story.worker, case_id, opens))
        return story.case

    def _setting(self, county: County, enterprise: Enterprise, kind: ContractKind,
                 profile: JurisdictionProfile, worker: Actor,
                 renews: uuid.UUID | None) -> Setting:
        return Setting(county, enterprise, kind, profile, worker, self.workers[county.scope],
                       self.supervisors[county.scope], renews)

    def _deal(self) -> Stage:
        if not self.deck:
            self.deck = [stage for stage, count in TARGETS for _ in range(count)]
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def _opened_on(self, target: Stage) -> date:
        """Published and closed cases open any time since 2021; stalled ones recently."""
        if target in (Stage.PUBLISHED, Stage.CLOSED):
            low = self.start
            high = self.until - timedelta(240 if target is Stage.PUBLISHED else 120)
        else:
            high = self.until - timedelta(NEED[target] + 1)
            low = high - timedelta(STALLED_FOR)
        high = min(max(high, self.start), self.until - timedelta(1))
        low = min(max(low, self.start), high)
        return low + timedelta(self.rng.randint(0, (high - low).days))


def generate(app: Negotiations, cases: int, *, seed: int = 2026, today: date | None = None,
             progress: Callable[[int], None] | None = None, batch: int = 200,
             keep_file: Callable[[bytes], object] | None = None) -> int:
    """Create ``cases`` realistic cases; return the number of events stored.

    Business dates run from 2021 to the day before ``today`` (default: today in China, and
    never later); entries are recorded that day or a few days after, never after ``today``
    began. The same ``seed`` and ``today`` give the same cases. Every ``batch`` cases are
    saved in one transaction, then ``progress`` (if given) is called with how many cases
    were just saved (so ``tqdm``'s ``update`` fits). The attached files are real small
    files (:mod:`web.demo.files`): ``keep_file`` (if given) stores each one's bytes, before
    the cases that name them are saved.
    """
    rng = random.Random(seed)
    until = min(today or clock.today(), clock.today())
    dealer = _Dealer(rng, until)
    stored, pending = 0, []
    for number in range(cases):
        pending.append(dealer.next_case())
        if len(pending) >= batch or number == cases - 1:
            if keep_file is not None:
                for content in dealer.files.values():
                    keep_file(content)
            dealer.files.clear()
            stored += len(app.save(*pending))
            if progress is not None:
                progress(len(pending))
            pending = []
    return stored
