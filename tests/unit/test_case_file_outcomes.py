"""The case file: each step's entries with their facts as they read now, a corrected fact
beside its first value, and what an entry came to where that matters (a vote failed and
why, an offer refused), flagged until the case moves past it."""

from __future__ import annotations

from datetime import date

from domain.case_file import case_file, flags
from domain.stages import Stage

D = date
FIX_DAY = D(2025, 6, 1)


def test_the_case_file_says_why_a_vote_failed_and_marks_a_corrected_fact(story, worker):
    case = story.up_to(Stage.DRAFT_AGREED)
    story.ratify(case, present=26)
    failed = case.version
    story.ratify(case, on=D(2025, 4, 20))
    case.restate_entry(worker, FIX_DAY, corrects_version=case.version, reason="点票有误",
                       restated_on=D(2025, 4, 20),
                       facts={"body": "workers_congress", "members": 40, "present": 27,
                              "votes_for": 22})
    votes = next(s for s in case_file(case.records) if s.name == "ratification").entries
    assert [v.entry.version for v in votes] == [failed, failed + 1]
    assert votes[0].outcome is not None and not votes[0].outcome.good
    assert votes[0].outcome.text() == "未通过：实到26人，不足全体40人的三分之二（27人）"
    assert votes[1].outcome is not None and votes[1].outcome.good
    corrected = [f for f in votes[1].facts if f.corrected]
    assert [(f.key, f.value, f.original) for f in corrected] == [("votes_for", 22, 21)]
    assert not any(f.corrected for f in votes[0].facts)
    assert "correction" not in {s.name for s in case_file(case.records)}


def test_a_refused_offer_is_flagged_until_another_is_accepted(story, worker):
    case = story.send_offer(story.up_to(Stage.REPRESENTATIVES))
    case.answer_offer(worker, D(2025, 3, 25), accepted=False, reason="管理层变动")
    ((refusal, outcome),) = flags(case.state)
    assert refusal.type == "OfferAnswered"
    assert outcome.text() == "对方拒绝协商：管理层变动"
    story.send_offer(case, on=D(2025, 3, 27), received_on=D(2025, 3, 28))
    story.accept_offer(case, on=D(2025, 4, 2))
    assert flags(case.state) == []
