"""Screens beside the story: a refused login, a refused credit code, the statistics."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .browser_kit import SUPERVISOR, WORKER, log_in, shot


def test_a_wrong_password_is_refused_on_the_login_page(page: Page) -> None:
    page.goto("/login")
    page.get_by_label("用户名").fill(WORKER)
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("alert")).to_have_text("用户名或密码错误。")
    expect(page.get_by_label("用户名")).to_have_value(WORKER)
    page.goto("/cases")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fcases$"))


def test_a_credit_code_with_a_wrong_check_digit_is_shown_beside_its_input(page: Page) -> None:
    log_in(page, WORKER)
    page.goto("/cases/new")
    page.locator('[name="name"]').fill("兴宁市校验码有误有限公司")
    page.locator('[name="credit_code"]').fill("91441481MA5X000010")
    page.locator('[name="town"]').fill("兴宁市福兴街道")
    page.locator('[name="industry"]').fill("纺织业")
    page.locator('[name="headcount"]').fill("50")
    page.locator('[name="women"]').fill("60")
    page.locator('[name="contract_kind"]').select_option("general")
    page.get_by_role("button", name="保存").click()
    code_error = page.locator('label:has([name="credit_code"]) + .field-error')
    expect(code_error).to_contain_text("统一社会信用代码“91441481MA5X000010”无效")
    women_error = page.locator('label:has([name="women"]) + .field-error')
    expect(women_error).to_be_visible()
    expect(page.locator('[name="name"]')).to_have_value("兴宁市校验码有误有限公司")
    shot(page, "05-open-case-field-errors")
    page.get_by_role("navigation").get_by_role("link", name="案件", exact=True).click()
    page.get_by_label("搜索").fill("校验码有误")
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("案件 (0)")


def test_the_supervisor_sees_statistics_with_charts(page: Page) -> None:
    log_in(page, SUPERVISOR)
    page.get_by_role("navigation").get_by_role("link", name="统计").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("统计")
    expect(page.get_by_text("各阶段案件数").first).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    shot(page, "07-statistics")
    assert_charts_fit(page)
    page.get_by_role("navigation").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    expect(page.get_by_text("Cases by stage").first).to_be_visible()
    assert_charts_fit(page)


def assert_charts_fit(page: Page) -> None:
    """Every chart's labels lie inside the chart, and no chart is drawn larger than life."""
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    for index in range(charts.count()):
        chart = charts.nth(index)
        clipped = chart.evaluate(
            "svg => [...svg.querySelectorAll('text')].filter(t => t.getBBox().x < 0)"
            ".map(t => t.textContent)")
        assert clipped == [], (chart.get_attribute("aria-label"), clipped)
        scale = chart.evaluate(
            "svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
        assert scale <= 1.01, (chart.get_attribute("aria-label"), scale)
