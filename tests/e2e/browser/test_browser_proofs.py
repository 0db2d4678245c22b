"""A proof attached to a step in Chromium: the social worker names what it is and the entry it
proves, uploads a photo, and finds it on the case page, previewed in the page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from web.demo.files import demo_file

from .browser_kit import WORKER, log_in, shot

PHOTO, _ = demo_file("签字合同.png")


def test_a_photo_attached_to_a_step_is_found_and_previewed_on_the_case(page: Page) -> None:
    log_in(page, WORKER)
    page.goto("/cases")
    page.locator("main tbody a[href^='/cases/']").first.click()
    expect(page).to_have_url(re.compile(r"/cases/[0-9a-f-]{36}$"))
    case_url = page.url
    page.goto(case_url + "/record/attachment")
    page.locator('[name="proof_kind"]').select_option("signed_contract")
    entries = page.locator('[name="proves_version"] option')
    proved = entries.nth(1).get_attribute("value")
    assert proved and proved.isdigit()
    page.locator('[name="proves_version"]').select_option(proved)
    expect(page.locator('input[name="photo"]')).to_have_attribute("capture", "environment")
    page.locator('input[name="file"]').set_input_files(
        {"name": "签字合同.png", "mimeType": "image/png", "buffer": PHOTO})
    page.locator('[name="description"]').fill("双方签字盖章页")
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(case_url)
    proof = page.locator(f"#entry-{proved} .proof", has_text="签字合同.png").first  # in the file
    expect(proof).to_contain_text("签字盖章的合同文本")
    proof.locator("summary").click()
    image = proof.locator("img")
    expect(image).to_be_visible()
    assert image.evaluate("i => i.complete && i.naturalWidth") == 240
    shot(page, "proof-previewed")
