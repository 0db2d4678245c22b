"""Step 9a (Arts. 42, 46): the bureau asks for the filed packet to be completed (补正). Its
review clock stops until it receives what it asked for, then runs its 15 days from that
receipt; a deemed effect counts from there."""

from __future__ import annotations

from datetime import date

from domain.deadlines import DeadlineKind, deadlines
from domain.stages import Stage

D = date


def review_clocks(case) -> list:
    """The case's review deadlines."""
    return [d for d in deadlines(case.state) if d.kind is DeadlineKind.REVIEW]


def test_a_completion_stops_the_review_clock_until_the_bureau_receives_it(
        story, worker, refused):
    case = story.up_to(Stage.FILED)
    received = case.state.track.filed["received_on"]
    assert len(review_clocks(case)) == 1
    case.request_completion(worker, received, items="职工代表大会决议原件")
    assert review_clocks(case) == []
    assert refused(case.record_effect, worker, D(2025, 6, 1), basis="deemed") == {
        "review_paused"}
    assert refused(case.request_completion, worker, received, items="再次补正") == {
        "completion_owed"}

    case.supply_completion(worker, D(2025, 9, 14), supplied="决议原件",
                           received_on=D(2025, 9, 15))
    (review,) = review_clocks(case)
    assert (review.starts_on, review.due_on) == (D(2025, 9, 15), D(2025, 9, 30))
    assert refused(case.record_effect, worker, D(2025, 9, 30), basis="deemed") == {
        "date_order"}
    story.take_effect(case, on=D(2025, 10, 1))
    assert case.state.track.effect["effective_on"] == D(2025, 10, 1)


def test_what_was_not_asked_is_not_supplied(story, worker, refused):
    case = story.up_to(Stage.FILED)
    assert refused(case.supply_completion, worker, D(2025, 5, 1), supplied="材料") == {
        "completion_not_asked"}


def test_the_bureau_may_still_object_while_it_waits(story, worker):
    case = story.up_to(Stage.FILED)
    received = case.state.track.filed["received_on"]
    case.request_completion(worker, received, items="合同文本")
    case.record_objection(worker, D(2025, 9, 29), issues="条款违法")
    assert case.state.tracks[-2].objection is not None         # a new attempt begins


def test_a_request_for_completion_is_flagged_until_it_is_supplied(story, worker):
    from domain.case_file import flags

    case = story.up_to(Stage.FILED)
    case.request_completion(worker, case.state.track.filed["received_on"], items="决议原件")
    ((entry, outcome),) = flags(case.state)
    assert entry.type == "CompletionRequested"
    assert outcome.text() == "人社局要求补正材料：决议原件"
    case.supply_completion(worker, D(2025, 9, 14), supplied="决议原件")
    assert flags(case.state) == []
