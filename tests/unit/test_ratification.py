"""Ratification by the workers' congress or all workers (《集体合同规定》Art. 36).

A vote is valid when at least 2/3 of ALL members are present, and passes when more than
half of ALL members (not of those present) vote for.
"""

from __future__ import annotations

from datetime import date

import pytest

from config import profiles
from domain.rules.ratification import quorum, ratification_passes, vote_consistent, votes_needed
from domain.stages import Stage

PROFILES = ["guangdong", "national"]

# members, fewest present (2/3, rounded up), fewest votes for (more than half of all)
THRESHOLDS = [
    pytest.param(1, 1, 1, id="1-member"),
    pytest.param(2, 2, 2, id="2-members-both-needed"),
    pytest.param(3, 2, 2, id="3-members"),
    pytest.param(4, 3, 3, id="4-members-half-is-not-enough"),
    pytest.param(5, 4, 3, id="5-members"),
    pytest.param(6, 4, 4, id="6-members-exactly-two-thirds"),
    pytest.param(7, 5, 4, id="7-members"),
    pytest.param(9, 6, 5, id="9-members-exactly-two-thirds"),
    pytest.param(40, 27, 21, id="40-members-design-example"),
    pytest.param(41, 28, 21, id="41-members"),
    pytest.param(300, 200, 151, id="300-members"),
]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("members", "present", "votes"), THRESHOLDS)
def test_quorum_and_votes_needed(profile, members, present, votes):
    rules = profiles.load(profile)
    assert quorum(members, rules) == present
    assert votes_needed(members, rules) == votes


def test_thresholds_are_the_least_whole_numbers_the_law_allows(guangdong):
    for members in range(1, 501):
        q, v = quorum(members, guangdong), votes_needed(members, guangdong)
        assert 3 * q >= 2 * members > 3 * (q - 1), f"quorum of {members}: at least 2/3"
        assert 2 * v > members >= 2 * (v - 1), f"votes of {members}: more than half of all"


VOTES = [
    pytest.param(40, 26, 21, False, id="40-members-26-present-below-quorum"),
    pytest.param(40, 27, 21, True, id="40-members-27-present-21-for-passes"),
    pytest.param(40, 27, 20, False, id="40-members-20-for-is-only-half-of-all"),
    pytest.param(40, 40, 20, False, id="40-all-present-20-for-still-half"),
    pytest.param(40, 30, 16, False, id="majority-of-present-is-not-majority-of-all"),
    pytest.param(40, 40, 40, True, id="unanimous"),
    pytest.param(3, 2, 2, True, id="3-members-2-present-2-for"),
    pytest.param(3, 1, 1, False, id="3-members-1-present-below-quorum"),
    pytest.param(3, 3, 1, False, id="3-members-1-for"),
    pytest.param(1, 1, 1, True, id="1-member-votes-for"),
    pytest.param(1, 1, 0, False, id="1-member-votes-against"),
    pytest.param(1, 0, 0, False, id="1-member-absent"),
    pytest.param(4, 3, 2, False, id="4-members-2-for-is-exactly-half"),
    pytest.param(4, 3, 3, True, id="4-members-3-for"),
    pytest.param(6, 3, 3, False, id="6-members-3-present-below-quorum"),
    pytest.param(6, 4, 4, True, id="6-members-4-present-4-for"),
    pytest.param(7, 5, 4, True, id="7-members-5-present-4-for"),
    pytest.param(7, 4, 4, False, id="7-members-4-present-below-quorum"),
]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("members", "present", "votes_for", "passes"), VOTES)
def test_ratification_passes(profile, members, present, votes_for, passes):
    assert ratification_passes(members, present, votes_for, profiles.load(profile)) is passes


TALLIES = [
    pytest.param(40, 27, 21, set(), id="consistent"),
    pytest.param(40, 0, 0, set(), id="nobody-came-is-a-consistent-tally"),
    pytest.param(0, 0, 0, {"members_positive"}, id="no-members"),
    pytest.param(-1, 0, 0, {"members_positive", "present_within_members"},
                 id="negative-members"),
    pytest.param(40, 41, 21, {"present_within_members"}, id="more-present-than-members"),
    pytest.param(40, -1, 0, {"present_within_members", "votes_within_present"},
                 id="negative-present"),
    pytest.param(40, 27, 28, {"votes_within_present"}, id="more-votes-than-present"),
    pytest.param(40, 27, -1, {"votes_within_present"}, id="negative-votes"),
]


@pytest.mark.parametrize(("members", "present", "votes_for", "expected"), TALLIES)
def test_vote_consistent(members, present, votes_for, expected):
    assert {b.key for b in vote_consistent(members, present, votes_for)} == expected


# --- on a case -----------------------------------------------------------------------------

def test_a_failed_vote_is_recorded_but_does_not_allow_signing(story, worker, refused):
    case = story.up_to(Stage.DRAFT_AGREED)
    story.ratify(case, on=date(2025, 4, 15), present=26)           # one short of the quorum
    assert case.state.track.ratifications[-1]["present"] == 26
    assert case.stage is Stage.DRAFT_AGREED
    assert refused(case.sign_contract, worker, date(2025, 4, 18), term_start=date(2025, 5, 1),
                   term_end=date(2028, 4, 30)) == {"signing_needs_ratification"}

    story.ratify(case, on=date(2025, 4, 16), present=30, votes_for=20)   # half is not more
    assert case.stage is Stage.DRAFT_AGREED

    story.ratify(case, on=date(2025, 4, 17))                        # 27 present, 21 for
    assert case.stage is Stage.RATIFIED
    assert len(case.state.track.ratifications) == 3
    story.sign(case, on=date(2025, 4, 18))
    assert case.stage is Stage.SIGNED


def test_once_ratified_the_draft_is_not_put_to_the_vote_again(story, worker, refused):
    case = story.up_to(Stage.RATIFIED)
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 16),
                   body="workers_congress", members=40, present=40,
                   votes_for=40) == {"already_ratified"}


def test_a_vote_needs_a_draft_and_a_tally_that_adds_up(story, worker, refused):
    case = story.up_to(Stage.NEGOTIATING)
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 15),
                   body="all_workers", members=40, present=27,
                   votes_for=21) == {"ratification_needs_draft"}
    story.agree_draft(case)
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 15),
                   body="all_workers", members=40, present=27,
                   votes_for=28) == {"votes_within_present"}
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 7),
                   body="all_workers", members=40, present=27,
                   votes_for=21) == {"date_order"}                   # before the draft


def test_a_new_draft_needs_a_new_vote(story, worker, refused):
    case = story.up_to(Stage.RATIFIED)
    story.agree_draft(case, on=date(2025, 4, 16), text="修改后的草案")
    assert case.stage is Stage.DRAFT_AGREED
    assert refused(case.sign_contract, worker, date(2025, 4, 18), term_start=date(2025, 5, 1),
                   term_end=date(2028, 4, 30)) == {"signing_needs_ratification"}
