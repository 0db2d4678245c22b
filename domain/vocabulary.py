"""The names of recorded facts in Simplified Chinese and English: one catalog, read by the
history screens, the audit text, the correction form and the exports.

Each step names the facts it records (``Step.fields`` in its module of
:mod:`domain.procedure`); the facts inside those (an enterprise's, a representative's, an
agenda item's, an actor's) are named here, and a few by their full path where the same
word means something else elsewhere (an enterprise's ``name`` is its 企业名称).
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.labels import LABELS
from domain.procedure import opening
from domain.procedure.registry import STEPS
from domain.procedure.step import Label

INNER_FACTS: dict[str, Label] = {
    "name": ("姓名", "Name"), "credit_code": ("统一社会信用代码", "Credit code"),
    "town": ("镇街", "Town"), "industry": ("行业", "Industry"),
    "headcount": ("职工人数", "Headcount"), "women": ("女职工人数", "Women workers"),
    "has_union": ("已建工会", "Union present"),
    "legal_representative": ("法定代表人", "Legal representative"),
    "position": ("职务", "Position"), "chief": ("首席代表", "Chief"),
    "outsider": ("外聘专家", "Outside expert"), "phone": ("电话", "Phone"),
    "text": ("内容", "Text"), "priority": ("优先级", "Priority"),
    "topic": ("议题", "Topic"), "status": ("状态", "Status"),
    "id": ("账号", "Account"), "role": ("角色", "Role"),
    "occurred_on": ("发生日期", "Business date"),
}
BY_PATH: dict[str, Label] = {
    "enterprise.name": ("企业名称", "Enterprise name"),
    "assigned_to.name": ("社工姓名", "Social worker's name"),
    **{f"key_terms.{term}": (f"主要条款 · {zh}", f"Key terms · {en}")
       for term, (zh, en) in LABELS["term"].items()},
}


def _catalog() -> dict[str, Label]:
    names: dict[str, Label] = dict(INNER_FACTS)
    for fields in (opening.FIELDS, *(step.fields for step in STEPS)):
        for name, pair in fields.items():
            names.setdefault(name, pair)
    return names


FACTS: Mapping[str, Label] = _catalog()
"""Every fact's name by its stored key."""


def fact_label(path: str, lang: str = "zh") -> str:
    """The name of the fact at ``path`` (``key_terms.minimum_wage``: 主要条款 · 最低工资）;
    an unknown key is shown as it is."""
    pick = 0 if lang == "zh" else 1
    if path in BY_PATH:
        return BY_PATH[path][pick]
    return " · ".join(FACTS[part][pick] if part in FACTS else part for part in path.split("."))
