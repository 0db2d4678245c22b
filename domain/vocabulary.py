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
from domain.procedure.registry import BY_NAME, STEPS
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


def step_fact_label(step: str | None, name: str, lang: str = "zh") -> str:
    """The name of fact ``name`` as step ``step`` records it (None: the opening, whose
    facts are the enterprise's): the step's own word for it, else the catalog's."""
    pick = 0 if lang == "zh" else 1
    own = BY_NAME[step].fields if step is not None and step in BY_NAME else {
        **opening.FIELDS, **{k.removeprefix("enterprise."): v for k, v in BY_PATH.items()
                             if k.startswith("enterprise.")}}
    found = own.get(name) or FACTS.get(name)
    return found[pick] if found else name


def fact_label(path: str, lang: str = "zh") -> str:
    """The name of the fact at ``path`` (``key_terms.minimum_wage``: 主要条款 · 最低工资）;
    an unknown key is shown as it is."""
    pick = 0 if lang == "zh" else 1
    if path in BY_PATH:
        return BY_PATH[path][pick]
    return " · ".join(FACTS[part][pick] if part in FACTS else part for part in path.split("."))


UNITS: Mapping[str, Label] = {
    **{k: ("人", "") for k in ("headcount", "women", "members", "present", "respondents",
                              "workers_approving", "voters", "workers_covered")},
    **{k: ("票", "") for k in ("votes_for", "votes_against", "abstaining")},
    "minimum_wage": ("元/月", " yuan/month"), "wage_increase_pct": ("%", "%"),
    "weekly_hours": ("小时/周", " h/week"), "average_wage": ("元/月", " yuan/month"),
}
"""The unit a number is counted in, by the fact's last key (``key_terms.minimum_wage``)."""


def with_unit(path: str, number: float, lang: str = "zh") -> str:
    """A number as people write it, with its unit: 2100元/月, 6%, 40人 (6.0 reads 6)."""
    shown = str(int(number)) if float(number).is_integer() else f"{number:g}"
    unit = UNITS.get(path.rpartition(".")[2])
    return shown + (unit[0] if lang == "zh" else unit[1]) if unit else shown
