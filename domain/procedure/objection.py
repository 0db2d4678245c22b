"""Step 10: the bureau objects within its review period (审查意见书, Provisions Arts. 45-46)."""

from __future__ import annotations

from datetime import date

from domain.deadlines import review_due, review_start
from domain.entries import Entry
from domain.errors import Breach
from domain.events import StepEvent
from domain.procedure.step import Outcome, Record, Step, Taking
from domain.rules.procedure import has_come, not_before, text_given
from domain.state import CaseState, Track
from domain.values import Actor


class ReviewObjected(StepEvent):
    """Step 10: the bureau's objection (审查意见书, Arts. 45-46): renegotiate and refile."""

    issues: str


def review_outcome_open(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Arts. 45-47: a filed contract gets one review outcome, once the bureau has it."""
    filed = state.track.filed
    if not filed:
        return [Breach("review_needs_filing")]
    if state.track.effect:
        return [Breach("review_decided")]
    return has_come(filed["received_on"], today, "received_on")


def record_objection(step: Taking, *, issues: str) -> list[Record]:
    """An objection within the review period sends the case back to negotiation; the
    contract is renegotiated, ratified, signed and filed again (Art. 46)."""
    state, filed = step.state, step.state.track.filed
    checks = [text_given(issues, "issues")]
    start = review_start(state.track)
    if filed and start is not None:
        due = review_due(start, state)
        checks.append(not_before(step.on, filed["received_on"], "received_on"))
        if step.on > due:
            checks.append([Breach("objection_too_late", {"due": due})])
    step.require(*checks)
    return [Record(ReviewObjected, dict(issues=issues))]


def _objected(state: CaseState, entry: Entry) -> None:
    state.track.objection = entry
    state.tracks.append(Track(started_by=entry))



def objection_outcome(state: CaseState, entry: Entry) -> Outcome:
    """Art. 46: the bureau's review objected; the contract must be negotiated again."""
    return Outcome(False, "review_objected", (("reason_given", {"reason": entry["issues"]}),))


STEP = Step(
    name="objection", command="record_objection", label=("审查意见", "Review objection"),
    record=record_objection, guard=review_outcome_open,
    events={ReviewObjected: ("审查意见", "Review objection")},
    reducers={ReviewObjected: _objected}, outcome=objection_outcome,
    messages={"review_objected": ("人社局审查提出异议", "The bureau's review objected")},
    fields={"occurred_on": ("审查意见日期", "Date of the review's objection"),
            "issues": ("审查意见", "Issues raised by the bureau")},
)
