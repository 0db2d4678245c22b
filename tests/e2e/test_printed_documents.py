"""Every document a case prints (web/paper/catalog.py), as a page and as an A4 PDF whose
text (pdftotext) holds the case's facts: the offer (as sent, and before it is sent), the
representatives' list and election, the chief's letter of appointment, sign-in sheets,
minutes with attendance, the vote record (passed and failed), the contract, the filing form
and the notice to all workers. The union's name and an adapted template of the instance
folder are used. Documents of a case the user may not see are 404.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from flask import Flask, render_template
from page_words import latin_words, visible_text
from steps_story import ORDER, STORY, Story, credit_code, day, li, projections, second_worker
from test_documents_pdf import assert_noto_cjk_embedded, first_page_png, pdf_of, text_of

from domain.case import NegotiationCase
from web.paper.catalog import KINDS, documents_now
from web.paper.numbering import case_number

__all__ = ["li", "projections", "second_worker"]

SEED = 1212
ENTERPRISE = f"兴宁市测试电子有限公司{SEED}"
EARLY = f"兴宁市测试电子有限公司{SEED + 1}"
UNION = "兴宁市总工会"
ADDRESS = "兴宁市工会大厦三楼"
EXTRA = {
    "representatives": {"chief_basis": "chair_written_delegation", "delegated_by": "李主席",
                        "delegated_on": day(13), "election_held_on": day(12),
                        "election_voters": "36", "workers_approving": "30",
                        "list_posted_from": day(13), "list_posted_until": day(16)},
    "session": {"session_number": "1", "starts_at": "09:30", "ends_at": "11:45",
                "place": "公司三楼会议室", "attended": ["张一", "张二", "张三", "王一", "王四"]},
    "ratification": {"votes_against": "4", "abstaining": "2"},
    "filing": {"receipt_number": "兴人社备〔2025〕8号"},
}
FAILED_VOTE = {"body": "all_workers", "members": "40", "present": "27", "votes_for": "15",
               "votes_against": "10", "abstaining": "2"}


@pytest.fixture(scope="module")
def adapted(app: Flask) -> Path:
    """The union's name set, and its own letterhead in the instance folder."""
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = dataclasses.replace(settings, union_name=UNION)
    folder = settings.instance_path / "templates" / "print"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_letterhead.html").write_text(
        f'<div class="letterhead">{{{{ union_name }}}}</div><p>{ADDRESS}</p>', "utf-8")
    return folder


def walk(li: Story, case: UUID, slugs: list[str]) -> None:
    """Post the story's steps with the facts the documents need added."""
    for slug in slugs:
        offset, fields = STORY[slug]
        if slug == "ratification":
            failed = li.post(case, slug, FAILED_VOTE, offset - 1)
            assert failed.status_code == 302, failed.get_data(as_text=True)[:2000]
        response = li.post(case, slug, {**fields, **EXTRA.get(slug, {})}, offset)
        assert response.status_code == 302, (slug, response.get_data(as_text=True)[:2000])


@pytest.fixture(scope="module")
def case_id(app: Flask, li: Story, adapted: Path) -> UUID:
    """A case told up to its publication, with every fact the documents show."""
    case = li.open_case(SEED)
    walk(li, case, ORDER[:ORDER.index("publication") + 1])
    return case


@pytest.fixture(scope="module")
def early(app: Flask, li: Story, adapted: Path) -> UUID:
    """A case whose sides are appointed and whose offer is not yet sent."""
    case = li.open_case(SEED + 1)
    walk(li, case, ORDER[:ORDER.index("replacement") + 1])
    return case


def versions(app: Flask, case: UUID, kind: str) -> list[int]:
    """The versions of the case's entries of ``kind``."""
    found = app.extensions["negotiations"].get_case(case).entries
    return [e.version for e in found if e.type == kind]


def printed(li: Story, url: str, name: str, *shown: str, enterprise: str = ENTERPRISE) -> str:
    """The page at ``url`` and its PDF both hold the enterprise's name, the letterhead and
    ``shown``; the PDF's text."""
    page = li.client.get(url)
    assert page.status_code == 200, url
    html = "".join(page.get_data(as_text=True).split())
    pdf = pdf_of(li.client.get(url + ".pdf"), f"document-{name}")
    text = text_of(pdf)
    for word in (enterprise, UNION, ADDRESS, *shown):
        assert "".join(word.split()) in html, (name, word)
        assert "".join(word.split()) in text, (name, word)
    assert "返回案件" not in text
    assert_noto_cjk_embedded(pdf)
    first_page_png(pdf)
    return text


def test_the_offer_as_sent_is_the_unions_with_a_reply_slip(app: Flask, li: Story,
                                                           case_id: UUID) -> None:
    version = versions(app, case_id, "OfferSent")[0]
    text = printed(li, f"/cases/{case_id}/print/offer/{version}", "offer",
                   f"{ENTERPRISE}工会", "回执", "工资调整幅度", "四月中旬起每周协商一次",
                   "30日内书面回应", "同意进行集体协商")
    assert "送达" not in text and "职工方：" not in text


def test_the_offer_prints_as_a_draft_before_it_is_sent(app: Flask, li: Story,
                                                       early: UUID) -> None:
    text = printed(li, f"/cases/{early}/print/offer-draft", "offer-draft", f"{EARLY}工会",
                   "涨工资", "减少加班", "回执", "张一", "王一", enterprise=EARLY)
    assert text.index("涨工资") < text.index("减少加班")    # most urgent first
    assert li.client.get(f"/cases/{early}/print/sign-in").status_code == 404
    assert li.client.get(f"/cases/{early}/print/contract.pdf").status_code == 404
    offer = li.post(early, "offer", STORY["offer"][1], STORY["offer"][0])
    assert offer.status_code == 302
    assert li.client.get(f"/cases/{early}/print/offer-draft").status_code == 404


def test_the_representatives_list_holds_the_election(li: Story, case_id: UUID) -> None:
    printed(li, f"/cases/{case_id}/print/representatives", "representatives",
            "协商代表推选结果", "名单公示", "张一", "张三", "王一", "王四", "36", "30",
            "由工会推选")


def test_the_chief_is_appointed_in_writing(li: Story, case_id: UUID) -> None:
    printed(li, f"/cases/{case_id}/print/appointment", "appointment",
            "首席协商代表委托书", "李主席", "张一", "第二十条")


def test_sign_in_sheets_before_and_of_a_session(app: Flask, li: Story, early: UUID,
                                                case_id: UUID) -> None:
    assert li.post(early, "answer", STORY["answer"][1], STORY["answer"][0]).status_code == 302
    printed(li, f"/cases/{early}/print/sign-in", "sign-in", "签到表", "第1次", "张一", "王四",
            "签名", enterprise=EARLY)
    version = versions(app, case_id, "SessionHeld")[0]
    printed(li, f"/cases/{case_id}/print/sign-in/{version}", "sign-in-1", "公司三楼会议室",
            "09:30", "赵记录", "王二")


def test_the_session_form_asks_who_attended(li: Story, early: UUID) -> None:
    form = li.client.get(f"/cases/{early}/record/session").get_data(as_text=True)
    for name in ("张一", "王四"):
        assert f'name="attended" value="{name}" checked' in form, name
    offset, fields = STORY["session"]
    before = li.version(early)
    stranger = li.post(early, "session", {**fields, "attended": ["张一", "路人甲"]}, offset)
    assert stranger.status_code == 422
    assert 'data-field="attended"' in stranger.get_data(as_text=True)
    late = li.post(early, "session", {**fields, "starts_at": "25:00"}, offset)
    assert late.status_code == 400
    assert "请按“时:分”填写时间" in late.get_data(as_text=True)
    assert li.version(early) == before


def test_correcting_a_session_shows_its_attendance(app: Flask, li: Story,
                                                  case_id: UUID) -> None:
    first, second = versions(app, case_id, "SessionHeld")
    recorded = li.client.get(f"/cases/{case_id}/entries/{first}/correct")
    assert recorded.status_code == 200
    page = recorded.get_data(as_text=True)
    assert 'name="attended" value="张一" checked' in page
    assert 'name="attended" value="王二" >' in page            # absent: not ticked
    unknown = li.client.get(f"/cases/{case_id}/entries/{second}/correct").get_data(as_text=True)
    assert 'name="attended" value="张一" >' in unknown         # not recorded: none ticked


def test_the_minutes_say_who_attended_and_who_was_absent(app: Flask, li: Story,
                                                         case_id: UUID) -> None:
    first, second = versions(app, case_id, "SessionHeld")
    text = printed(li, f"/cases/{case_id}/print/minutes/{first}", "minutes",
                   "集体协商会议记录", "第1次", "09:30—11:45", "公司三楼会议室",
                   "缺席：王二", "工资调整幅度", "职工方首席代表", "企业方首席代表")
    assert "未记录出席情况" not in text
    older = printed(li, f"/cases/{case_id}/print/minutes/{second}", "minutes-2", "第2次",
                    "分歧较大")
    assert "未记录出席情况" in older and "缺席" not in older


def test_the_vote_record_says_whether_it_passed(app: Flask, li: Story,
                                                case_id: UUID) -> None:
    failed, passed = versions(app, case_id, "RatificationVoted")
    text = printed(li, f"/cases/{case_id}/print/vote/{failed}", "vote-failed",
                   "审议表决结果", "全体职工", "未通过", "草案未获通过", "15", "10")
    assert "会议决定：通过" not in text
    printed(li, f"/cases/{case_id}/print/vote/{passed}", "vote", "职工代表大会", "决议",
            "会议决定：通过该草案", "27", "21")


def test_the_contract_and_its_signature_block(li: Story, case_id: UUID) -> None:
    printed(li, f"/cases/{case_id}/print/contract", "contract", "工资专项集体合同（草案）全文",
            "5.5", "2100", "工资年增5.5%", "职工方首席代表（签字）", "企业方首席代表（签字）",
            "王总")


def test_the_filing_form_and_its_materials(li: Story, case_id: UUID) -> None:
    printed(li, f"/cases/{case_id}/print/filing", "filing", "集体合同审查备案登记表",
            "报送材料清单", credit_code(SEED), "兴宁市人社局", "兴人社备〔2025〕8号",
            "首席协商代表委托书", "协商会议记录", "共2次")


def test_the_notice_to_all_workers(li: Story, case_id: UUID) -> None:
    printed(li, f"/cases/{case_id}/print/notice", "notice", "公示", "全体职工", "视为生效",
            "工会0753-1234567", "5.5")


def test_every_document_is_numbered_with_the_case_number(app: Flask, li: Story,
                                                         case_id: UUID) -> None:
    with app.test_request_context():
        number = case_number(case_id)
    page = li.client.get(f"/cases/{case_id}/print/filing").get_data(as_text=True)
    assert f"{number}-08" in page


def test_the_case_lists_the_documents_it_offers_now(app: Flask, li: Story,
                                                    case_id: UUID) -> None:
    case = app.extensions["negotiations"].get_case(case_id)
    with app.test_request_context():
        found = documents_now(case)
    names = [d.name for d in found]
    for name in ("offer", "representatives", "appointment", "sign-in", "minutes", "vote",
                 "contract", "filing", "notice"):
        assert name in names, name
    assert "offer-draft" not in names
    assert names.count("minutes") == 2 and names.count("vote") == 2
    for document in found:
        assert li.client.get(document.url).status_code == 200, document.url
        assert document.title_in("zh") and document.title_in("en")


def test_documents_of_a_case_the_user_may_not_see_are_404(app: Flask, li: Story,
                                                          case_id: UUID) -> None:
    case = app.extensions["negotiations"].get_case(case_id)
    with app.test_request_context():
        urls = [d.url for d in documents_now(case)]
    wang = Story(app, app.test_client()).login("wang")
    anonymous = app.test_client()
    for url in urls:
        assert wang.client.get(url).status_code == 404, url
        assert wang.client.get(url + ".pdf").status_code == 404, url
        assert anonymous.get(url).status_code == 302, url
    session = versions(app, case_id, "SessionHeld")[0]
    assert li.client.get(f"/cases/{case_id}/print/vote/{session}").status_code == 404
    assert li.client.get(f"/cases/{case_id}/print/vote/999.pdf").status_code == 404
    assert li.client.get(f"/cases/{case_id}/print/offer-draft").status_code == 404


def test_chinese_documents_hold_no_english(app: Flask, li: Story, case_id: UUID) -> None:
    case = app.extensions["negotiations"].get_case(case_id)
    with app.test_request_context():
        urls = [d.url for d in documents_now(case)]
    for url in urls:
        html = li.client.get(url).get_data(as_text=True)
        leaks = [w for piece in visible_text(html) for w in latin_words(piece)]
        assert not leaks, (url, leaks)


STRIPPED = {"SessionHeld": ("session_number", "starts_at", "ends_at", "place", "attended"),
            "RatificationVoted": ("votes_against", "abstaining"),
            "RepresentativesAppointed": ("election_held_on", "election_voters",
                                         "list_posted_from", "list_posted_until",
                                         "delegated_by", "delegated_on"),
            "ContractFiled": ("receipt_number",)}


def as_stored_before(app: Flask, case_id: UUID) -> NegotiationCase:
    """The case loaded from its stored events with the facts this release added taken out
    (as an earlier release stored them)."""
    negotiations = app.extensions["negotiations"]
    loaded: Any = None
    for stored in negotiations.recorder.select_events(case_id):
        event = negotiations.mapper.to_domain_event(stored)
        for name in STRIPPED.get(type(event).__name__, ()):
            event.__dict__.pop(name, None)
        loaded = event.mutate(loaded)
    assert isinstance(loaded, NegotiationCase)
    return loaded


def test_entries_stored_before_these_facts_still_print(app: Flask, case_id: UUID) -> None:
    old = as_stored_before(app, case_id)
    assert all(not set(names) & set(e.facts) for e in old.entries
               for names in [STRIPPED.get(e.type, ())])
    pages = {}
    with app.test_request_context("/?lang=zh"):
        for kind in KINDS:
            if kind.offered is not None and kind.offered(old):
                pages[kind.name] = render_template(kind.template, **kind.build(old))
            for entry in (e for e in old.entries if kind.entry and e.type == kind.entry):
                build = kind.entry_build or kind.build
                pages[f"{kind.name}/{entry.version}"] = render_template(
                    kind.template, **build(old, old, entry))
    minutes = [html for name, html in pages.items() if name.startswith("minutes/")]
    assert minutes and all("未记录出席情况" in html and "缺席" not in html for html in minutes)
    votes = [html for name, html in pages.items() if name.startswith("vote/")]
    assert len(votes) == 2 and all("（未记录）" in html for html in votes)
    assert "兴人社备" not in pages["filing"] and ENTERPRISE in pages["filing"]
    assert "李主席" not in pages["appointment"] and "张一" in pages["appointment"]
    assert "（未记录）" in pages["representatives"]


def test_documents_follow_the_chosen_language(li: Story, case_id: UUID) -> None:
    page = li.client.get(f"/cases/{case_id}/print/filing?lang=en").get_data(as_text=True)
    assert "Collective contract filing form" in page and "List of materials" in page
    li.client.get("/?lang=zh")
