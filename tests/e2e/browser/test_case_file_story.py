"""The case file in Chromium, as a social worker carries a case: a vote that fails and says
why, then one that passes; a representative's name and the minimum wage corrected through
their own forms, each shown corrected with the original a click away — in Chinese and in
English, on a desktop and on a phone. Screenshots of each point are kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from . import walk
from .browser_kit import WORKER, log_in, shot

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
UP_TO_DRAFT = [s for s in walk.STEPS if s[0] not in ("vacancy", "replacement",
                                                     "ratification", "signing", "filing")]
FAILED = {**dict(walk.STEPS)["ratification"], "present": "26"}


@pytest.fixture(params=list(SIZES))
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    """A desktop's window, then a phone's."""
    return SIZES[request.param]


def entry(page: Page, title: str) -> object:
    """The last entry of the case file's section ``title``."""
    return page.locator("section.file-section", has=page.get_by_role(
        "heading", name=title, exact=True)).locator("article.file-entry").last


def no_sideways_scroll(page: Page) -> None:
    """The page fits its window's width."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width}px wide in a {inner}px window"


def test_a_case_file_tells_votes_and_corrections(page: Page, viewport: dict[str, int]) -> None:
    size = "phone" if viewport["width"] < 600 else "desktop"
    log_in(page, WORKER)
    page.goto("/cases/new")
    walk.fill(page, walk.opening())
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    case_url = page.url
    for slug, facts in UP_TO_DRAFT:
        walk.take(page, case_url, slug, facts)

    walk.take(page, case_url, "ratification", FAILED)
    why = "未通过：实到26人，不足全体40人的三分之二（27人）"
    expect(page.locator(".flash")).to_contain_text(why)
    expect(page.locator(".case-flags")).to_contain_text(why)
    expect(entry(page, "职代会/全体职工审议")).to_contain_text(why)
    no_sideways_scroll(page)
    shot(page, f"case-file-{size}-vote-failed")

    walk.take(page, case_url, "ratification", dict(walk.STEPS)["ratification"])
    expect(entry(page, "职代会/全体职工审议")).to_contain_text("通过：实到30人，赞成25票")
    expect(page.locator(".case-flags")).to_have_count(0)

    reps = entry(page, "产生协商代表")
    reps.get_by_role("link", name=re.compile("修改")).click()
    expect(page.locator('[name="worker_side-1-name"]')).to_have_value("张二")
    walk.fill(page, {"worker_side-1-name": "章二", "reason": "姓名写错，以身份证为准"})
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(re.escape(case_url) + r"#entry-\d+$"))
    reps = entry(page, "产生协商代表")
    expect(reps).to_contain_text("章二")
    reps.locator("summary", has_text="原记录").first.click()
    expect(reps.locator("details[open]")).to_contain_text("张二")

    draft = entry(page, "形成草案")
    draft.get_by_role("link", name=re.compile("修改")).click()
    walk.fill(page, {"minimum_wage": "2200", "reason": "以签字文本为准"})
    page.get_by_role("button", name="保存").click()
    draft = entry(page, "形成草案")
    expect(draft).to_contain_text("2200元/月")
    draft.locator("summary", has_text="原记录").first.click()
    expect(draft.locator("details[open]")).to_contain_text("2100元/月")
    no_sideways_scroll(page)
    shot(page, f"case-file-{size}-corrected-zh")

    page.goto(case_url + "?lang=en")
    expect(entry(page, "Draft agreed")).to_contain_text("2200 yuan/month")
    expect(page.get_by_text("As first recorded").first).to_be_visible()
    no_sideways_scroll(page)
    shot(page, f"case-file-{size}-corrected-en")
    page.goto(case_url + "?lang=zh")
