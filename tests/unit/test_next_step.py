"""The dashboard's next step: the first step of the main line the worker has yet to take."""

from __future__ import annotations

from datetime import date

import pytest

from domain.next_step import next_step
from domain.stages import Stage

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("stage", "step"), [
    (Stage.OPENED, "survey"), (Stage.SURVEYED, "representatives"),
    (Stage.REPRESENTATIVES, "offer"), (Stage.OFFER_SENT, "answer"),
    (Stage.NEGOTIATING, "draft"), (Stage.DRAFT_AGREED, "ratification"),
    (Stage.RATIFIED, "signing"), (Stage.SIGNED, "filing"), (Stage.FILED, "effect"),
    (Stage.IN_FORCE, "publication"), (Stage.PUBLISHED, "implementation"),
])
def test_the_next_step_at_each_stage(story, stage: Stage, step: str) -> None:
    found = next_step(story.up_to(stage).state, TODAY)
    assert found is not None and found.name == step


def test_after_a_failed_vote_the_next_step_is_another_vote(story, worker) -> None:
    case = story.up_to(Stage.DRAFT_AGREED)
    case.hold_ratification_vote(worker, date(2025, 4, 15), body="workers_congress",
                                members=40, present=26, votes_for=20)
    assert case.stage is Stage.DRAFT_AGREED
    assert next_step(case.state, TODAY).name == "ratification"


def test_a_closed_case_has_no_next_step(story) -> None:
    assert next_step(story.up_to(Stage.CLOSED).state, TODAY) is None
