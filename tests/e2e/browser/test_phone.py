"""Every page a social worker or a supervisor uses, on a phone (390x844) in Chromium.

Each page: no horizontal scrolling (the document is no wider than the window), a compact
header, controls big enough to touch, and a screenshot (``phone-*.png``). axe-core audits
every page loaded (conftest's ``page`` fixture).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from web.forms.registry import STEPS as FORMS

from . import walk
from .browser_kit import SUPERVISOR, WORKER, log_in, shot

PHONE = {"width": 390, "height": 844}
HEADER_AT_MOST = 130  # px: the header at 390px took 280 before (issue 11)
CASE = re.compile(r"/cases/[0-9a-f-]{36}")


@pytest.fixture
def viewport() -> dict[str, int]:
    """A phone's window."""
    return PHONE


def fits(page: Page, name: str) -> None:
    """The page reads on the phone: no sideways scrolling, a short header, big controls."""
    expect(page.locator("body")).to_be_visible()
    shot(page, f"phone-{name}")
    scroll, inner = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{name} ({page.url}) is {scroll}px wide on a {inner}px phone"
    header = page.locator("header.top").bounding_box()
    assert header and header["height"] <= HEADER_AT_MOST, (name, header)
    assert small_targets(page) == [], name


def small_targets(page: Page) -> list[str]:
    """Visible buttons under 44px high, checkboxes and radio buttons under 24px."""
    return page.evaluate("""() => [...document.querySelectorAll(
        'main button, main input[type=submit], main input[type=checkbox], main input[type=radio]')]
      .filter(e => e.offsetParent !== null)
      .filter(e => { const r = e.getBoundingClientRect();
                     const least = e.type === 'checkbox' || e.type === 'radio' ? 24 : 44;
                     return r.height < least || r.width < least; })
      .map(e => (e.name || e.textContent.trim()) + ' ' + e.getBoundingClientRect().height)""")


def case_links(page: Page) -> list[str]:
    """The addresses of the case pages listed on this page, in order, without repeats."""
    links = page.eval_on_selector_all("main a[href]", "as => as.map(a => a.getAttribute('href'))")
    return list(dict.fromkeys(link for link in links if CASE.fullmatch(link)))


def visit_public_and_errors(page: Page, who: str) -> None:
    page.goto("/notices")
    fits(page, f"{who}-notices")
    page.locator("main tbody a").first.click()
    expect(page).to_have_url(re.compile(r"/notices/[0-9a-f-]{36}$"))
    fits(page, f"{who}-notice")
    page.goto("/no-such-page")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    fits(page, f"{who}-error-404")


def test_a_social_worker_s_pages_fit_a_phone(page: Page) -> None:
    page.goto("/notices?year=20x6")  # the public, not logged in, a refused search
    expect(page.locator('[name="year"]')).to_have_attribute("aria-invalid", "true")
    fits(page, "public-notices-refused")
    page.goto("/login")
    fits(page, "login")
    log_in(page, WORKER)
    fits(page, "worker-dashboard")
    page.goto("/cases")
    fits(page, "worker-case-list")
    case = case_links(page)[0]
    for suffix, name in (("", "case"), ("/history", "history"), ("/as-of", "as-of"),
                         ("/sign-off", "sign-off")):
        page.goto(case + suffix)
        fits(page, f"worker-{name}")
    page.goto(case + "/as-of?date=" + walk.day(300))
    fits(page, "worker-as-of-a-date")
    page.goto("/account/calendar")
    fits(page, "worker-calendar")
    page.goto("/account/tokens")
    fits(page, "worker-tokens")
    page.goto("/audit")  # a supervisor's page: refused
    fits(page, "worker-error-403")
    page.goto("/account/calendar/revoke")  # only ever posted to
    fits(page, "worker-error-405")
    visit_public_and_errors(page, "worker")


def test_a_supervisor_s_pages_fit_a_phone(page: Page) -> None:
    log_in(page, SUPERVISOR)
    fits(page, "supervisor-dashboard")
    page.goto("/cases")
    fits(page, "supervisor-case-list")
    case = case_links(page)[0]
    for suffix, name in (("", "case"), ("/history", "history"), ("/sign-off", "sign-off")):
        page.goto(case + suffix)
        fits(page, f"supervisor-{name}")
    for path, name in (("/audit", "audit"), ("/sign-offs", "sign-off-queue"),
                       ("/account/tokens", "tokens")):
        page.goto(path)
        fits(page, f"supervisor-{name}")
    for lang in ("zh", "en"):
        page.goto(f"/statistics?lang={lang}")
        fits(page, f"supervisor-statistics-{lang}")
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll(
            'svg.chart text')].map(t => { const svg = t.ownerSVGElement;
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return parseFloat(getComputedStyle(t).fontSize) * scale; }))""")
        assert smallest >= 12, f"chart labels shrink to {smallest}px on a phone ({lang})"
    page.goto("/audit?lang=en")
    fits(page, "supervisor-audit-en")
    page.goto("/?lang=zh")
    visit_public_and_errors(page, "supervisor")


def test_every_step_form_fits_a_phone(page: Page) -> None:
    """The forms offered on the worker's demo cases, then those a new case reaches as it
    is carried from opening to filing (:mod:`walk`), and each entry's correction form."""
    log_in(page, WORKER)
    seen: set[str] = set()

    def visit_offered(case_url: str) -> None:
        page.goto(case_url)
        for slug, form in walk.offered(page).items():
            if slug not in seen:
                seen.add(slug)
                page.goto(form)
                expect(page.get_by_role("button", name="保存")).to_be_visible()
                fits(page, f"form-{slug}")

    page.goto("/cases")
    for case in case_links(page):
        visit_offered(case)
    page.goto("/cases/new")
    fits(page, "form-opening")
    walk.fill(page, walk.opening())
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(CASE)
    case_url = page.url.split("#")[0]
    for slug, facts in walk.STEPS:
        visit_offered(case_url)
        walk.take(page, case_url, slug, facts)
        detours = {"session": walk.DISPUTE, "filing": walk.COMPLETION}.get(slug, ())
        for detour, detour_facts in detours:
            visit_offered(case_url)
            walk.take(page, case_url, detour, detour_facts)
    visit_offered(case_url)
    page.goto(case_url)
    for number, form in enumerate(walk.corrections(page)):  # each entry's correction form
        page.goto(form)
        expect(page.get_by_role("button", name="保存")).to_be_visible()
        fits(page, f"form-correction-{number}")
        seen.add("correction")
    assert {form.slug for form in FORMS} - seen == set()


def test_a_refused_form_on_a_phone_names_each_error_at_its_field(page: Page) -> None:
    log_in(page, WORKER)
    page.goto("/cases/new")
    page.locator('[name="headcount"]').fill("50")
    page.locator('[name="women"]').fill("60")
    page.get_by_role("button", name="保存").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()          # read out first, without a search for it
    expect(summary).to_have_attribute("role", "alert")
    fits(page, "form-opening-refused")
    links = summary.locator("a")
    assert links.count() >= 2
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href") or ""
        field = page.locator(target)
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby")
        expect(page.locator(f"#{described}")).to_have_text(links.nth(index).inner_text())
    name = page.locator('[name="name"]')
    expect(name).to_have_attribute("aria-required", "true")
    expect(page.locator("label", has=name)).to_contain_text("必填")
    links.first.click()
    expect(page.locator(links.first.get_attribute("href") or "")).to_be_focused()
