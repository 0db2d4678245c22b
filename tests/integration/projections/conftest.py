"""Fixtures of the read-model tests (on top of ``store``, ``open_app`` and ``story``)."""

from __future__ import annotations

import pytest
from casebook import Cases, caught_up, engine_of, tell_scenario
from sqlalchemy.engine import Engine
from storyteller import Story

from domain.commands import Negotiations
from projections.runner import Projector


@pytest.fixture
def engine(app: Negotiations) -> Engine:
    """The engine the events and the read models share."""
    return engine_of(app)


@pytest.fixture
def cases(story: Story) -> Cases:
    """The four cases of the scenario, stored (not yet projected)."""
    return tell_scenario(story)


@pytest.fixture
def projected(app: Negotiations, cases: Cases) -> Projector:
    """A projector that has processed every event of the scenario."""
    return caught_up(app)
