"""The demo world: staff, names, enterprises, credit codes and the twists cases take."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from functools import cache

from stdnum.cn import uscc

from domain.values import Actor, Enterprise, Role
from web.demo.data import (
    COUNTIES,
    GIVEN,
    INDUSTRIES,
    SURNAMES,
    TRADE_FIRST,
    TRADE_SECOND,
    County,
)

ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)         # GB 11714-1997 check digit weights
SUPERVISORS = 8


def person(rng: random.Random) -> str:
    """A Chinese name: a surname (Hakka-weighted) and one or two given characters."""
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def org_code(rng: random.Random) -> str:
    """A 9-character organisation code whose last character is its GB 11714 check digit."""
    body = "".join(rng.choice(ORG_CHARS) for _ in range(8))
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]  # A=10 … Y=34
    total = sum(v * w for v, w in zip(values, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(rng: random.Random, region: str) -> str:
    """A valid unified social credit code: 9 (market regulator), 1 (enterprise), region,
    organisation code, then the GB 32100 check digit from :mod:`stdnum.cn.uscc`."""
    code = "91" + region + org_code(rng)
    return code + uscc.calc_check_digit(code)


@cache
def staff() -> tuple[dict[str, tuple[Actor, ...]], dict[str, tuple[Actor, ...]]]:
    """Social workers and supervisors by scope, with stable ids (sw-001…, sup-01…)."""
    rng = random.Random("xieshang-demo-staff")
    supervisors = [Actor(f"sup-{n:02d}", person(rng), Role.SUPERVISOR)
                   for n in range(1, SUPERVISORS + 1)]
    workers: dict[str, tuple[Actor, ...]] = {}
    number = 0
    for county in COUNTIES:
        workers[county.scope] = tuple(Actor(f"sw-{number + i:03d}", person(rng))
                                      for i in range(1, county.workers + 1))
        number += county.workers
    return workers, {c.scope: tuple(supervisors[n - 1] for n in c.supervisors) for c in COUNTIES}


class Registry:
    """The enterprises met so far: unique names and credit codes, some negotiating again."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.codes: set[str] = set()
        self.known: list[tuple[County, Enterprise]] = []

    def pick(self) -> tuple[County, Enterprise]:
        """Mostly a new enterprise; sometimes one already met, for another kind of contract."""
        if self.known and self.rng.random() < 0.12:
            return self.rng.choice(self.known)
        found = self.new()
        self.known.append(found)
        return found

    def grown(self, enterprise: Enterprise) -> Enterprise:
        """The same enterprise a few years on: a somewhat different headcount."""
        headcount = max(10, round(enterprise.headcount * self.rng.uniform(0.85, 1.2)))
        women = min(headcount, round(headcount * enterprise.women / enterprise.headcount))
        return replace(enterprise, headcount=headcount, women=women)

    def new(self) -> tuple[County, Enterprise]:
        """A new enterprise in a county and town, with a realistic size and workforce."""
        rng = self.rng
        county = rng.choices(COUNTIES, weights=[c.weight for c in COUNTIES])[0]
        industry = rng.choices(INDUSTRIES, weights=[i.weight for i in INDUSTRIES])[0]
        name = ""
        while not name or name in self.names:
            trade = rng.choice(TRADE_FIRST) + rng.choice(TRADE_SECOND)
            if rng.random() < 0.15 or name:
                trade += rng.choice(TRADE_SECOND)
            name = f"{county.prefix}{trade}{rng.choice(industry.suffixes)}有限公司"
        self.names.add(name)
        code = credit_code(rng, rng.choices(county.codes, weights=[4, 1][: len(county.codes)])[0])
        while code in self.codes:
            code = credit_code(rng, county.codes[0])
        self.codes.add(code)
        low, high = industry.headcount
        headcount = round(math.exp(rng.uniform(math.log(low), math.log(high))))
        women = round(headcount * rng.uniform(*industry.women))
        return county, Enterprise(
            name=name, credit_code=code, town=county.prefix + rng.choice(county.towns),
            industry=industry.label, headcount=headcount, women=women,
            has_union=rng.random() < 0.9, legal_representative=person(rng))


@dataclass
class Twists:
    """What will happen on the way (drawn once per case)."""

    refuse: bool = False
    late: bool = False
    suspend: bool = False
    dispute: bool = False
    extend: bool = False
    fail_vote: bool = False
    objection: bool = False
    vacancy: str = ""            # "", "early" (before the offer) or "mid" (between sessions)
    fix: str = ""                # "", "tally" (a vote) or "date" (a session)
    reassign: bool = False
    review_sign_off: bool = False
    refuse_closure: bool = False
    done: set[str] = field(default_factory=set)

    @classmethod
    def draw(cls, rng: random.Random) -> Twists:
        """Independent chances per twist: rare enough to look ordinary, common enough
        that a couple of hundred cases show every one."""
        def p(chance: float) -> bool:
            return rng.random() < chance
        return cls(refuse=p(0.12), late=p(0.1), suspend=p(0.1), dispute=p(0.07), extend=p(0.4),
                   fail_vote=p(0.08), objection=p(0.07),
                   vacancy=rng.choices(("", "early", "mid"), (86, 7, 7))[0],
                   fix=rng.choices(("", "tally", "date"), (88, 6, 6))[0], reassign=p(0.08),
                   review_sign_off=p(0.08), refuse_closure=p(0.15))

    def once(self, name: str) -> bool:
        """True the first time a twist is asked for, if it was drawn."""
        if not getattr(self, name) or name in self.done:
            return False
        self.done.add(name)
        return True
