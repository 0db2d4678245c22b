"""Step 7, 职代会/全体职工审议: the draft put to the vote (Provisions Art. 36)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import not_before
from domain.rules.ratification import vote_consistent
from domain.state import CaseState
from domain.values import Actor, RatifyingBody


class RatificationVoted(StepEvent):
    """Step 7: 职代会/全体职工审议 (Art. 36); whether it passed is derived."""

    body: str
    members: int
    present: int
    votes_for: int


def ratification_may_be_held(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 36: a draft is put to the vote until one vote passes."""
    if not state.track.draft:
        return [Breach("ratification_needs_draft")]
    return [Breach("already_ratified")] if state.passed_ratification else []


def hold_ratification_vote(step: Taking, *, body: RatifyingBody, members: int, present: int,
                           votes_for: int) -> list[Record]:
    """The vote is recorded whether or not it passes; its figures must add up."""
    draft = step.state.track.draft
    step.require(not_before(step.on, draft.occurred_on, "draft_agreed") if draft else [],
                 vote_consistent(members, present, votes_for))
    return [Record(RatificationVoted, dict(body=RatifyingBody(body), members=members,
                                           present=present, votes_for=votes_for))]


def _voted(state: CaseState, entry: Entry) -> None:
    state.track.ratifications.append(entry)


STEP = Step(
    name="ratification", command="hold_ratification_vote",
    label=("职代会/全体职工审议", "Ratification vote"),
    record=hold_ratification_vote, guard=ratification_may_be_held,
    events={RatificationVoted: ("职代会/全体职工审议", "Ratification vote")},
    reducers={RatificationVoted: _voted},
    fields={"body": ("审议机构", "Ratifying body"), "members": ("应到人数", "Members"),
            "present": ("实到人数", "Present"), "votes_for": ("赞成票", "Votes for")},
)
