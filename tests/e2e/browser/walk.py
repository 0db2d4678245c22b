"""A case carried through every step of the procedure by its forms, for tests that must reach
every step form (the phone test): the facts each form is filled with, by input name.

Business dates lie in the past, in order, counted from :data:`BASE`.
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from playwright.sync_api import Page, expect
from stdnum.cn import uscc

from domain import clock

BASE = clock.today() - timedelta(days=300)
Facts = dict[str, str | bool]


def day(offset: int) -> str:
    """The business date ``offset`` days after the case was opened (YYYY-MM-DD)."""
    return (BASE + timedelta(days=offset)).isoformat()


def credit_code(seed: int) -> str:
    """A valid unified social credit code of 兴宁市 (441481), its check digit computed."""
    body = f"91441481MA5Y{seed:05d}"
    return body + uscc.calc_check_digit(body)


def fill(page: Page, fields: Facts) -> None:
    """Type into the form's inputs by name: tick checkboxes, pick options, fill the rest."""
    for name, value in fields.items():
        field = page.locator(f'[name="{name}"]')
        kind = field.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
        if kind == "checkbox":
            field.set_checked(bool(value))
        elif kind == "select":
            field.select_option(str(value))
        else:
            field.fill(str(value))


def side(surname: str, prefix: str) -> Facts:
    """Three representatives of one side; the first is its chief."""
    rows: Facts = {}
    for i, given in enumerate("一二三"):
        rows[f"{prefix}-{i}-name"] = f"{surname}{given}"
        rows[f"{prefix}-{i}-position"] = "代表"
        rows[f"{prefix}-{i}-phone"] = "0753-1234567"
    rows[f"{prefix}-0-chief"] = True
    return rows


def opening() -> Facts:
    """A new enterprise of 兴宁市, its name and credit code unique to the run."""
    seed = random.randrange(100_000)
    return {"name": f"兴宁市手机{seed:05d}电子有限公司", "credit_code": credit_code(seed),
            "town": "兴宁市宁新街道", "industry": "计算机、通信和其他电子设备制造业",
            "headcount": "40", "women": "22",
            "has_union": True, "legal_representative": "王总", "contract_kind": "wage",
            "occurred_on": day(0)}


STEPS: tuple[tuple[str, Facts], ...] = (
    ("survey", {"occurred_on": day(9), "method": "questionnaire", "period_start": day(1),
                "period_end": day(8), "respondents": "30", "findings": "工资偏低",
                "demands-0-text": "涨工资", "demands-0-priority": "1"}),
    ("representatives", {"occurred_on": day(14), **side("张", "worker_side"),
                         **side("王", "employer_side"), "worker_selection": "union",
                         "chief_basis": "union_chair", "employer_appointed_by": "王总"}),
    ("vacancy", {"occurred_on": day(15), "side": "workers", "name": "张二", "reason": "调离"}),
    ("replacement", {"occurred_on": day(16), "side": "workers", "name": "张二",
                     "new_name": "张四", "position": "代表"}),
    ("offer", {"occurred_on": day(19), "from_side": "workers", "received_on": day(20),
               "agenda-0": "工资调整幅度", "timetable": "每周协商一次"}),
    ("answer", {"occurred_on": day(30), "accepted": "true"}),
    ("session", {"occurred_on": day(34), "chaired_by": "workers", "recorder": "赵记录",
                 "items-0-topic": "工资调整幅度", "items-0-status": "agreed",
                 "minutes": "双方达成一致。", "minutes_signed": True}),
    ("draft", {"occurred_on": day(40), "text": "工资专项集体合同（草案）全文",
               "wage_increase_pct": "5.5", "minimum_wage": "2100", "weekly_hours": "40",
               "summary": "工资年增5.5%", "signed_by_chiefs": True}),
    ("ratification", {"occurred_on": day(42), "body": "workers_congress", "members": "40",
                      "present": "30", "votes_for": "25"}),
    ("signing", {"occurred_on": day(45), "term_start": day(50), "term_end": day(50 + 730)}),
    ("filing", {"occurred_on": day(47), "bureau": "兴宁市人力资源和社会保障局",
                "received_on": day(48)}),
)
"""The steps from the survey to filing (with a vacancy filled on the way), in order, with
what their forms are filled with."""
DISPUTE: tuple[tuple[str, Facts], ...] = (
    ("dispute", {"occurred_on": day(35), "bureau": "兴宁市人力资源和社会保障局",
                 "accepted_on": day(36), "issues": "加班费计算"}),
    ("dispute-resolution", {"occurred_on": day(38), "outcome": "经协调双方达成一致"}),
)
"""A dispute filed after the session and settled before the draft (a detour of STEPS)."""
COMPLETION: tuple[tuple[str, Facts], ...] = (
    ("completion-request", {"occurred_on": day(49), "items": "职工代表大会决议原件"}),
)
"""The bureau asks for the filed packet to be completed (a detour after filing)."""


def offered(page: Page) -> dict[str, str]:
    """The step forms the case page offers now: slug -> the form's address."""
    links = page.eval_on_selector_all('a[href*="/record/"]',
                                      "as => as.map(a => a.getAttribute('href'))")
    return {link.rsplit("/", 1)[1]: link for link in links}


def corrections(page: Page) -> list[str]:
    """The addresses of the correction forms of the case page's entries."""
    links = page.eval_on_selector_all('a[href*="/entries/"]',
                                      "as => as.map(a => a.getAttribute('href'))")
    return list(dict.fromkeys(link for link in links if re.search(r"/entries/\d+/correct", link)))


def take(page: Page, case_url: str, slug: str, facts: Facts) -> None:
    """Fill the step's form, save, and land back on the case page."""
    page.goto(f"{case_url}/record/{slug}")
    fill(page, facts)
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(re.escape(case_url) + "$"))
