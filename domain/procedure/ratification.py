"""Step 7, 职代会/全体职工审议: the draft put to the vote (Provisions Art. 36)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Outcome, Record, Step, Taking
from domain.rules.procedure import not_before
from domain.rules.ratification import vote_consistent, why_vote_fails
from domain.rules.sanity import all_workers_differ, confirmed
from domain.state import CaseState
from domain.values import Actor, RatifyingBody


class RatificationVoted(StepEvent):
    """Step 7: 职代会/全体职工审议 (Art. 36); whether it passed is derived."""

    body: str
    members: int
    present: int
    votes_for: int
    # Added later (optional; votes recorded before them read as "not recorded"):
    votes_against: int | None = None
    abstaining: int | None = None
    warnings: tuple[dict[str, object], ...] | None = None  # confirmed (domain.rules.sanity)


def ratification_may_be_held(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 36: a draft is put to the vote until one vote passes."""
    if not state.track.draft:
        return [Breach("ratification_needs_draft")]
    return [Breach("already_ratified")] if state.passed_ratification else []


def ballots_add_up(present: int, votes_for: int, votes_against: int | None,
                   abstaining: int | None) -> list[Breach]:
    """Votes against and abstentions are not below zero and, with the votes for (checked by
    :func:`vote_consistent`), no more than those present."""
    breaches = [Breach("at_least", {"low": 0, "field": name}, field=name)
                for name, value in (("votes_against", votes_against),
                                    ("abstaining", abstaining))
                if value is not None and value < 0]
    if (not breaches and votes_for <= present
            and votes_for + (votes_against or 0) + (abstaining or 0) > present):
        breaches.append(Breach("ballots_exceed_present", {"present": present},
                               field="votes_against"))
    return breaches


def hold_ratification_vote(step: Taking, *, body: RatifyingBody, members: int, present: int,
                           votes_for: int, votes_against: int | None = None,
                           abstaining: int | None = None,
                           confirm_warnings: bool = False) -> list[Record]:
    """The vote is recorded whether or not it passes; its figures must add up. A vote of
    all workers whose members differ from the headcount waits for the worker to confirm
    (:func:`domain.rules.sanity.all_workers_differ`)."""
    draft = step.state.track.draft
    step.require(not_before(step.on, draft.occurred_on, "draft_agreed") if draft else [],
                 vote_consistent(members, present, votes_for),
                 ballots_add_up(present, votes_for, votes_against, abstaining))
    warnings = confirmed(all_workers_differ(body, members, step.state.enterprise.headcount),
                         confirm_warnings)
    return [Record(RatificationVoted, dict(body=RatifyingBody(body), members=members,
                                           present=present, votes_for=votes_for,
                                           votes_against=votes_against,
                                           abstaining=abstaining, warnings=warnings))]


def vote_outcome(state: CaseState, entry: Entry) -> Outcome:
    """Art. 36: 通过 or 未通过, and why, in the figures of the vote."""
    reasons = why_vote_fails(entry["members"], entry["present"], entry["votes_for"],
                             state.profile)
    if reasons:
        return Outcome(False, "vote_failed", tuple(reasons))
    return Outcome(True, "vote_passed", (("vote_tally", {
        "present": entry["present"], "votes_for": entry["votes_for"],
        "members": entry["members"], "share": state.profile.pass_fraction}),))


def _voted(state: CaseState, entry: Entry) -> None:
    state.track.ratifications.append(entry)


STEP = Step(
    name="ratification", command="hold_ratification_vote",
    label=("职代会/全体职工审议", "Ratification vote"),
    record=hold_ratification_vote, guard=ratification_may_be_held,
    events={RatificationVoted: ("职代会/全体职工审议", "Ratification vote")},
    reducers={RatificationVoted: _voted}, outcome=vote_outcome,
    fields={"occurred_on": ("审议表决日期", "Date of the vote"),
            "body": ("审议机构", "Ratifying body"), "members": ("应到人数", "Members"),
            "present": ("实到人数", "Present"), "votes_for": ("赞成票", "Votes for"),
            "votes_against": ("反对票", "Votes against"), "abstaining": ("弃权票", "Abstaining"),
            "warnings": ("已确认的提示", "Warnings confirmed")},
    messages={
        "vote_passed": ("通过", "Passed"), "vote_failed": ("未通过", "Not passed"),
        "vote_tally": ("实到{present}人，赞成{votes_for}票，超过全体{members}人的{share}",
                       "{present} present, {votes_for} for: more than {share} of all "
                       "{members} members"),
        "vote_short_of_quorum": ("实到{present}人，不足全体{members}人的{share}（{needed}人）",
                                 "{present} present, fewer than {share} of all {members} "
                                 "members ({needed})"),
        "vote_short_of_majority": ("赞成{votes_for}票，未超过全体{members}人的{share}"
                                   "（至少需{needed}票）",
                                   "{votes_for} for, not more than {share} of all {members} "
                                   "members ({needed} needed)"),
        "ballots_exceed_present": ("赞成、反对和弃权票合计不能超过实到人数（{present}）。",
                                         "Votes for, against and abstaining together cannot "
                                         "exceed those present ({present}).")},
)
