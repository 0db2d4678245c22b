"""One case's story, step by step, with dates that respect the procedure and the calendar.

:class:`StoryBase` opens a case; :class:`web.demo.steps.Story` records its steps with the
aggregate's own commands. Every date is chosen so the rules hold: nothing here catches
:class:`~domain.errors.RuleBroken`. The only exception handled is :class:`OutOfTime`: the
next step would fall on or after ``until``, so the case stays where it is, as real cases do.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple
from uuid import UUID

from config.profiles import JurisdictionProfile
from domain import clock
from domain.case import NegotiationCase
from domain.values import (
    Actor,
    ContractKind,
    Enterprise,
    ProofKind,
    Representative,
    SignOffSubject,
)
from web.demo import data
from web.demo.data import County
from web.demo.files import demo_file
from web.demo.world import Twists, person


class OutOfTime(Exception):
    """The next step would happen on or after ``until``: the story stops here."""


class Setting(NamedTuple):
    """Who and what a case is about."""

    county: County
    enterprise: Enterprise
    kind: ContractKind
    profile: JurisdictionProfile
    worker: Actor
    colleagues: tuple[Actor, ...]
    supervisors: tuple[Actor, ...]
    renews: UUID | None = None


class StoryBase:
    """The case, the clocks and the people of a story; the steps are in subclasses."""

    def __init__(self, rng: random.Random, setting: Setting, case_id: UUID, opened_on: date,
                 until: date) -> None:
        self.rng, self.setting, self.until = rng, setting, until
        self.limit = datetime.combine(until, time(), clock.CHINA)
        self.day, self.worker = opened_on, setting.worker
        self.twists = Twists.draw(rng)
        self.renewal_requested: date | None = None
        self.used = {setting.enterprise.legal_representative}
        self.recorder = self.name()
        self.agenda: list[str] = []
        self.files: dict[str, bytes] = {}
        self.recorded = datetime.combine(opened_on, time(8), clock.CHINA)
        with clock.recording_at(self.stamp()):
            self.case = NegotiationCase.open(
                setting.worker, opened_on, enterprise=setting.enterprise,
                contract_kind=setting.kind, profile=setting.profile,
                assigned_to=setting.worker, scope=setting.county.scope,
                renews_case=setting.renews, case_id=case_id)

    def stamp(self) -> datetime:
        """When the entry for ``self.day`` is written up: that day or a few days later,
        never before the previous entry, never after ``until`` began."""
        rng = self.rng
        lag = rng.choices((0, 1, 2, 3, 5, 8), (60, 15, 10, 6, 5, 4))[0]
        moment = datetime.combine(self.day + timedelta(lag),
                                  time(rng.randint(8, 20), rng.randint(0, 59)), clock.CHINA)
        self.recorded = min(max(moment, self.recorded + timedelta(minutes=rng.randint(1, 20))),
                            self.limit)
        return self.recorded

    def go(self, day: date) -> date:
        """Move the story to ``day`` (never back); stop it if that is not in the past."""
        self.day = max(self.day, day)
        if self.day >= self.until:
            raise OutOfTime
        return self.day

    def later(self, low: int, high: int) -> date:
        """Move the story on by ``low`` to ``high`` days."""
        return self.go(self.day + timedelta(self.rng.randint(low, high)))

    def capped(self, day: date) -> date:
        """A date of a fact (receipt, acceptance) that cannot be after yesterday."""
        return min(day, self.until - timedelta(1))

    def do(self, command: str, by: Actor | None = None, **facts: Any) -> None:
        """Take the step whose command is ``command`` on ``self.day``, as written up by
        ``by`` (the assigned worker)."""
        with clock.recording_at(self.stamp()):
            self.case.take(command, by or self.worker, self.day, **facts)

    def name(self) -> str:
        """A person's name not yet used in this case."""
        found = person(self.rng)
        while found in self.used:
            found = person(self.rng)
        self.used.add(found)
        return found

    def phone(self) -> str:
        """A mobile number."""
        return f"1{self.rng.choice('3578')}{self.rng.randint(0, 999_999_999):09d}"

    @property
    def bureau(self) -> str:
        """The county's labour bureau."""
        return f"{self.setting.county.prefix}人力资源和社会保障局"

    def supervisor(self) -> Actor:
        """One of the supervisors of the case's scope."""
        return self.rng.choice(self.setting.supervisors)

    def attach(self, chance: float, filename: str, kind: ProofKind, description: str) -> None:
        """Sometimes attach a scanned document, as a proof of the entry just recorded: a
        small real file (:mod:`web.demo.files`), kept in :attr:`files` to be stored."""
        if self.rng.random() < chance:
            self.rng.randbytes(64), self.rng.randint(20_000, 3_000_000)  # same draws as before
            content, media_type = demo_file(filename)
            sha256 = hashlib.sha256(content).hexdigest()
            self.files[sha256] = content
            self.do("attach_file", filename=filename, media_type=media_type,
                    size=len(content), sha256=sha256, description=description,
                    proof_kind=kind, proves_version=self.case.version)

    def extras(self) -> None:
        """Between steps: a note now and then, and perhaps a change of social worker."""
        rng = self.rng
        if rng.random() < 0.2:
            if rng.random() < 0.25:
                self.do("add_note", by=self.supervisor(),
                        text=rng.choice(data.SUPERVISOR_NOTES))
            else:
                self.do("add_note", text=rng.choice(data.NOTES))
        others = [w for w in self.setting.colleagues if w.id != self.worker.id]
        if (others and not self.case.state.closed and rng.random() < 0.3
                and self.twists.once("reassign")):
            self.later(0, 5)
            new = rng.choice(others)
            self.do("reassign", by=self.supervisor(), to=new,
                    reason=rng.choice(data.REASSIGN))
            self.worker = new

    def close(self, reason: str) -> None:
        """Ask a supervisor to close the case; sometimes she refuses once first."""
        rng, supervisor = self.rng, self.supervisor()
        self.later(0, 3)
        self.do("request_sign_off", subject=SignOffSubject.CLOSURE, note=reason)
        if self.twists.once("refuse_closure"):
            self.later(1, 7)
            self.do("refuse_sign_off", by=supervisor, request_version=self.case.version,
                    reason="请补充结案材料（协商过程记录、职工意见）后再申请")
            self.later(5, 20)
            self.do("request_sign_off", subject=SignOffSubject.CLOSURE, note=reason)
        self.later(1, 7)
        self.do("give_sign_off", by=supervisor, request_version=self.case.version,
                note=rng.choice(("同意结案", "材料齐全，同意结案")))

    def representative(self, position: str, *, chief: bool = False,
                       outsider: bool = False) -> Representative:
        """A new negotiator with a fresh name."""
        return Representative(self.name(), position, chief=chief, outsider=outsider,
                              phone=self.phone() if self.rng.random() < 0.6 else "")

    def sessions(self, count: int, interludes: list[str] | None = None) -> None:
        """Step 5 (see :class:`web.demo.steps.Story`)."""
        raise NotImplementedError

    def sides(self, count: int) -> tuple[list[Representative], list[Representative]]:
        """Equal sides with one chief each and at most one outside expert (Arts. 19-23)."""
        rng, union = self.rng, self.setting.enterprise.has_union
        chief = rng.choice(("工会主席", "工会主席", "工会副主席")) if union else "职工代表"
        workers = [self.representative(chief, chief=True)]
        workers += [self.representative(rng.choice(data.WORKER_POSITIONS))
                    for _ in range(count - 1)]
        employer = [self.representative(rng.choice(data.EMPLOYER_CHIEFS), chief=True)]
        employer += [self.representative(rng.choice(data.EMPLOYER_POSITIONS))
                     for _ in range(count - 1)]
        if rng.random() < 0.15:
            side = rng.choice((workers, employer))
            side[-1] = self.representative(rng.choice(data.OUTSIDERS), outsider=True)
        return workers, employer
