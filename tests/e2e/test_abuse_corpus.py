"""The abuse corpus (``abuse_corpus.py``) sent to every form and every API route: no answer
is a server error, and nothing is recorded (the event log, accounts and tokens stay as
they were).

Routes come from the app itself, its URL map and the schema each API endpoint documents,
so a new route is covered or this test names it. One case is walked through the story;
before each step is told, its form and its API endpoint get the corpus field by field, in
a request that is otherwise the story's own valid one (a few samples per field, taken in
turn, so every sample reaches some field of every kind).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from abuse_routes import Routes
from abuse_sender import Abuse
from api_kit import Caller, callers
from flask import Flask
from flask.testing import FlaskClient
from steps_story import ORDER, PASSWORD, STORY, Story, day, projections, second_worker

from domain.values import Actor, Role
from web.forms.registry import STEPS

__all__ = ["callers", "projections", "second_worker"]
EXTRA_STEPS = {"objection": (70, {"issues": "条款与法律法规不符"})}  # steps the story skips


def logged_in(app: Flask, username: str) -> FlaskClient:
    """A browser logged in as ``username``."""
    client = app.test_client()
    assert client.post("/login", data={"username": username,
                                       "password": PASSWORD}).status_code == 302
    return client


@pytest.fixture(scope="module")
def abuse(app: Flask, projections: None, second_worker: None,
          callers: dict[str, Caller]) -> Iterator[Abuse]:
    """One case walked through the story, the corpus sent to every route on the way."""
    story = Story(app, app.test_client()).login("li")
    clients = {"li": story.client, "zhao": logged_in(app, "zhao"),
               "root": logged_in(app, "root")}
    abuse = Abuse(app)
    case_id = story.open_case(9001)
    abuse.settle()
    routes = Routes(app, abuse, clients, callers, case_id)
    routes.open_case()
    routes.reads()
    routes.account_forms()
    negotiations = app.extensions["negotiations"]
    told: set[str] = set()
    for slug in ORDER:
        step = slug.removesuffix("-2")
        if step == "effect":
            routes.step("objection", *EXTRA_STEPS["objection"])
        if step == "reopening":
            routes.sign_off_decisions()
            request = negotiations.get_case(case_id).state.sign_offs[-1].start.version
            negotiations.give_sign_off(case_id, story.version(case_id),
                                       Actor("sup-xn", "赵督导", Role.SUPERVISOR),
                                       date.fromisoformat(day(399)), request_version=request)
            abuse.settle()
        if step not in told:
            routes.step(step, *STORY[step])
            told.add(step)
        if story.tell(case_id, slug).status_code != 302:
            abuse.failures.append(f"the story stops at {slug}: the corpus changed the case")
            break
        abuse.settle()
    yield abuse


def test_the_corpus_reached_every_route_of_the_app(app: Flask, abuse: Abuse) -> None:
    every = {(rule.rule, method) for rule in app.url_map.iter_rules()
             for method in rule.methods or () if method not in ("HEAD", "OPTIONS")}
    assert sorted(every - abuse.covered) == []


def test_the_corpus_reached_every_step_endpoint(abuse: Abuse) -> None:
    reached = {rule.rsplit("/", 1)[1] for rule, method in abuse.covered
               if "/steps/" in rule and method == "POST"}
    assert reached == {step.slug for step in STEPS}
    assert {step.slug for step in STEPS} <= set(STORY) | set(EXTRA_STEPS)


def test_no_hostile_input_is_a_server_error_or_recorded(abuse: Abuse) -> None:
    assert abuse.failures == []
    assert abuse.sent > 2000
