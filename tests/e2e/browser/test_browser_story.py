"""One case told in a real browser, from the login form to a published contract.

The social worker opens a case and records every step through the forms she reaches from
the case page's buttons; then the supervisor of her region finds the entries in the audit
log, and the interface switches to English. Business dates lie in the past, in order.
"""

from __future__ import annotations

import random
import re

from playwright.sync_api import Page, expect
from stdnum.cn import uscc

from .browser_kit import SUPERVISOR, WORKER, log_in, log_out, shot
from .walk import day, fill, side


def credit_code(seed: int) -> str:
    """A valid unified social credit code of 兴宁市 (441481), its check digit computed."""
    body = f"91441481MA5X{seed:05d}"
    return body + uscc.calc_check_digit(body)



def save(page: Page) -> None:
    page.get_by_role("button", name="保存").click()


def expect_recorded(page: Page, title: str, stage: str) -> None:
    """Back on the case page: the flash names the step, the indicator the new stage."""
    expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    expect(page.locator(".flash")).to_have_text(re.compile(f"^已记录：{re.escape(title)}。"))
    current = page.locator("ol.steps li.current")
    expect(current).to_have_text(stage)
    expect(current).to_have_css("background-color", "rgb(183, 28, 28)")  # marked, not plain


def record(page: Page, title: str, offset: int, fields: dict[str, str | bool],
           stage: str) -> None:
    """Click the step's button on the case page, fill its form, save, check the stage."""
    page.locator(".case-actions ul.next").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    fill(page, {"occurred_on": day(offset), **fields})
    save(page)
    expect_recorded(page, title, stage)



def test_a_case_from_login_to_published_contract_then_the_supervisor_audits_it(
        page: Page) -> None:
    seed = random.randrange(100_000)
    marker = f"浏览器{seed:05d}"
    enterprise = f"兴宁市{marker}电子有限公司"

    # The social worker logs in through the form.
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    expect(page.get_by_role("heading", name="登录")).to_be_visible()
    shot(page, "01-login")
    log_in(page, WORKER)
    shot(page, "02-dashboard")

    # She opens a case.
    page.goto("/cases/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("接案")
    fill(page, {"name": enterprise, "credit_code": credit_code(seed),
                "town": "兴宁市宁新街道", "industry": "计算机、通信和其他电子设备制造业",
                "headcount": "40",
                "women": "22", "has_union": True, "legal_representative": "王总",
                "contract_kind": "wage", "occurred_on": day(0)})
    save(page)
    expect_recorded(page, "接案", "接案")
    expect(page.get_by_role("heading", level=1)).to_contain_text(enterprise)
    case_id = page.url.rsplit("/", 1)[1]

    # Every step through its form, from the case page's buttons.
    record(page, "调查摸底", 9, {
        "method": "questionnaire", "period_start": day(1), "period_end": day(8),
        "respondents": "30", "findings": "工资偏低，加班多",
        "demands-0-text": "涨工资", "demands-0-priority": "1",
        "demands-1-text": "减少加班", "demands-1-priority": "2"}, "调查摸底")
    record(page, "产生协商代表", 14, {
        **side("张", "worker_side"), **side("王", "employer_side"),
        "worker_selection": "union", "chief_basis": "union_chair",
        "employer_appointed_by": "王总"}, "协商代表产生")
    record(page, "发出要约", 19, {
        "from_side": "workers", "received_on": day(20), "agenda-0": "工资调整幅度",
        "agenda-1": "加班费计算", "timetable": "每周协商一次"}, "要约已发出")
    record(page, "要约回应", 30, {"accepted": "true"}, "协商中")
    record(page, "协商会议", 34, {
        "chaired_by": "workers", "recorder": "赵记录",
        "items-0-topic": "工资调整幅度", "items-0-status": "agreed",
        "items-1-topic": "加班费计算", "items-1-status": "agreed",
        "minutes": "双方就工资调整达成一致。", "minutes_signed": True}, "协商中")
    record(page, "形成草案", 40, {
        "text": "工资专项集体合同（草案）全文", "wage_increase_pct": "5.5",
        "minimum_wage": "2100", "weekly_hours": "40", "summary": "工资年增5.5%",
        "signed_by_chiefs": True}, "草案形成")
    shot(page, "04-case-page-draft-agreed")

    # A vote with more votes for than people present: the error sits beside its input.
    vote = "职代会/全体职工审议"
    page.locator(".case-actions ul.next").get_by_role("link", name=vote).click()
    fill(page, {"occurred_on": day(42), "body": "workers_congress", "members": "40",
                "present": "30", "votes_for": "35"})
    save(page)
    error = page.locator('label:has([name="votes_for"]) + .field-error[data-field="votes_for"]')
    expect(error).to_have_text("赞成票应在 0 到实到人数（30）之间。")
    expect(page.locator(".field-error")).to_have_count(1)
    expect(page.locator('[name="members"]')).to_have_value("40")
    field_box = page.locator('[name="votes_for"]').bounding_box()
    error_box = error.bounding_box()
    assert field_box and error_box
    assert 0 <= error_box["y"] - field_box["y"] < 80, (field_box, error_box)
    shot(page, "05-step-form-field-error")
    fill(page, {"votes_for": "25"})
    save(page)
    expect_recorded(page, vote, "审议通过")

    record(page, "合同签订", 45, {"term_start": day(50), "term_end": day(50 + 2 * 365)},
           "已签订")
    record(page, "合同报送", 47, {"bureau": "兴宁市人力资源和社会保障局",
                                   "received_on": day(48)}, "已报送审查")
    record(page, "合同生效", 60, {"basis": "confirmed"}, "已生效")
    record(page, "合同公布", 62, {"channels": "厂区公告栏、职工微信群",
                                   "monitoring_contact": "工会 0753-1234567"}, "已公示")
    expect(page.locator("article.file-entry")).to_have_count(12)
    expect(page.locator("#step-publication")).to_contain_text("厂区公告栏、职工微信群")
    shot(page, "04-case-page-published")

    # The case is on her dashboard and in the case list.
    page.get_by_role("navigation").get_by_role("link", name="我的工作").click()
    row = page.locator("tr", has_text=enterprise)
    expect(row).to_contain_text("已公示")
    page.get_by_role("navigation").get_by_role("link", name="案件", exact=True).click()
    page.get_by_label("搜索").fill(marker)
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("案件 (1)")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("已公示")
    shot(page, "03-case-list")
    log_out(page)

    # The supervisor of her region finds the case's entries in the audit log.
    log_in(page, SUPERVISOR)
    page.get_by_role("navigation").get_by_role("link", name="操作日志").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"操作日志 \(\d+\)"))
    page.get_by_label("案件编号").fill(case_id)
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("操作日志 (12)")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(12)
    expect(rows.first).to_contain_text("合同公布")
    expect(rows.last).to_contain_text(f"接案：{enterprise}（工资专项集体合同）")
    expect(page.locator("tbody")).to_contain_text("审议表决：应到 40 人，实到 30 人，赞成 25 票")
    shot(page, "06-audit-log")

    # ... opens the full history from the log ...
    rows.last.get_by_role("link", name="第 1 条记录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{enterprise} · 完整历史")
    expect(page.locator("ol.history > li")).to_have_count(12)
    shot(page, "08-history")

    # ... and switches to English.
    page.get_by_role("navigation").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{enterprise} · Full history")
    page.get_by_role("navigation").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    expect(page.get_by_role("navigation")).to_contain_text("Audit log")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    shot(page, "09-dashboard-english")
