"""Value objects and vocabularies of a negotiation case."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cache
from typing import Any


class Role(StrEnum):
    """What an account may do (docs/architecture.md, users and roles)."""

    SOCIAL_WORKER = "social_worker"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class ContractKind(StrEnum):
    """Kinds of collective contract."""

    GENERAL = "general"          # 综合
    WAGE = "wage"                # 工资专项
    WOMEN = "women"              # 女职工专项
    SAFETY = "safety"            # 劳动安全卫生专项
    OTHER = "other"


class Side(StrEnum):
    """The two sides at the table."""

    WORKERS = "workers"
    EMPLOYER = "employer"


class SurveyMethod(StrEnum):
    """How a survey (调查摸底) was done."""

    QUESTIONNAIRE = "questionnaire"
    INTERVIEW = "interview"
    FORUM = "forum"


class OutreachKind(StrEnum):
    """Publicity, observation visits and training (宣传/观摩)."""

    PUBLICITY = "publicity"
    OBSERVATION = "observation"
    TRAINING = "training"


class ItemStatus(StrEnum):
    """Where an agenda item stands after a session."""

    AGREED = "agreed"
    OPEN = "open"
    DISPUTED = "disputed"


class WorkerSelection(StrEnum):
    """How the worker side was chosen (Art. 20)."""

    UNION = "union"
    DEMOCRATIC = "democratic"


class ChiefBasis(StrEnum):
    """Why the worker chief holds the chair (Art. 20)."""

    UNION_CHAIR = "union_chair"
    CHAIR_WRITTEN_DELEGATION = "chair_written_delegation"
    UNION_LEADER = "union_leader"
    DEMOCRATICALLY_ELECTED = "democratically_elected"


class RatifyingBody(StrEnum):
    """Who ratified the draft (Art. 36)."""

    WORKERS_CONGRESS = "workers_congress"   # 职工代表大会
    ALL_WORKERS = "all_workers"             # 全体职工


class EffectBasis(StrEnum):
    """How the contract took effect (Art. 47; LCL Art. 54)."""

    CONFIRMED = "confirmed"
    DEEMED = "deemed"


class SignOffSubject(StrEnum):
    """What a supervisor is asked to sign off."""

    CLOSURE = "closure"
    REVIEW = "review"


class ProofKind(StrEnum):
    """What an attached file proves (the paper a step leaves: docs/procedure.md)."""

    SIGNED_OFFER = "signed_offer"                 # 签字盖章的要约书
    REPLY = "reply"                               # 要约回复（回执）
    REPRESENTATIVES_LIST = "representatives_list"  # 协商代表名单
    SIGNED_MINUTES = "signed_minutes"             # 双方签字的会议记录
    CONGRESS_RESOLUTION = "congress_resolution"   # 职代会（全体职工）决议
    SIGNED_CONTRACT = "signed_contract"           # 签字盖章的合同文本
    FILING_RECEIPT = "filing_receipt"             # 受理回执
    REVIEW_OPINION = "review_opinion"             # 审查意见书
    NOTICE_PHOTO = "notice_photo"                 # 公告栏公示照片
    OTHER = "other"                               # 其他


@dataclass(frozen=True)
class Actor:
    """Who records an entry: account id, display name and role."""

    id: str
    name: str
    role: Role = Role.SOCIAL_WORKER

    def to_dict(self) -> dict[str, str]:
        """The form stored in events."""
        return {"id": self.id, "name": self.name, "role": str(self.role)}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Actor:
        """Inverse of :meth:`to_dict` (actors are shared: a case has only a few)."""
        return _actor(data["id"], data["name"], data.get("role", "social_worker"))


@cache
def _actor(id: str, name: str, role: str) -> Actor:
    return Actor(id=id, name=name, role=Role(role))


@dataclass(frozen=True)
class Representative:
    """A negotiator (协商代表). ``outsider`` marks an outside expert (Art. 23)."""

    name: str
    position: str = ""
    chief: bool = False
    outsider: bool = False
    phone: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The form stored in events."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Representative:
        """Inverse of :meth:`to_dict`."""
        return cls(**data)


@dataclass(frozen=True)
class Enterprise:
    """The enterprise whose contract is negotiated."""

    name: str
    credit_code: str
    town: str
    industry: str
    headcount: int
    women: int
    has_union: bool
    legal_representative: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The form stored in events."""
        return asdict(self)
