"""Recording on a case: open one, take a step, decide a sign-off.

Each function checks who may do it (:mod:`web.usecases.access`), prepares the facts the domain
expects (an account chosen by id becomes an actor, a correction's typed values are read
as the entry's own kinds, an upload is stored by its hash) and takes the step. It raises
:class:`NotAllowed`, :class:`~marshmallow.ValidationError`, or the domain's
``RuleBroken`` / ``CaseConflict``; the caller turns them into a page or a problem.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from werkzeug.exceptions import Forbidden

from config import profiles
from config.settings import Settings
from domain import clock
from domain.application import Recorded
from domain.case import NegotiationCase
from domain.commands import Negotiations
from domain.procedure.registry import BY_NAME, step_recording
from domain.procedure.step import Step
from web.accounts.store import Account
from web.forms.hooks import PREPARE
from web.paper.attachments import Upload, store
from web.usecases.access import carries_cases, may_enter, may_sign_off

DECISIONS = {"give": BY_NAME["sign-off-given"], "refuse": BY_NAME["sign-off-refused"]}


class NotAllowed(Forbidden):
    """The account may not do this on this case: a 403, as a page or a problem."""


def open_case(negotiations: Negotiations, settings: Settings, account: Account, *,
              occurred_on: date, enterprise: Any, contract_kind: str,
              case_id: UUID | None = None) -> Recorded:
    """Step 0: a social worker opens a case in her region, assigned to herself, under the
    jurisdiction's profile of today."""
    if not carries_cases(account):
        raise NotAllowed
    return negotiations.open_case(
        by=account.actor, occurred_on=occurred_on, enterprise=enterprise,
        contract_kind=contract_kind, assigned_to=account.actor,
        profile=profiles.load(settings.jurisdiction), scope=account.scope, case_id=case_id)


def take_step(negotiations: Negotiations, instance_path: Path, account: Account,
              case: NegotiationCase, step: Step, data: dict[str, Any],
              upload: Upload | None = None) -> Recorded:
    """Take ``step`` on ``case`` with the facts a form or a request sent (``data``, with
    ``expected_version`` and ``occurred_on``); an attachment's file comes as ``upload``."""
    state = case.state
    if not may_enter(account, step, state.opened["scope"], state.assigned_to.id):
        raise NotAllowed
    facts = dict(data)
    expected, occurred_on = facts.pop("expected_version"), facts.pop("occurred_on")
    if step.name in PREPARE:
        facts = PREPARE[step.name](case, facts)
    if upload is not None:
        store(instance_path, upload)
        facts.update(filename=upload.filename, media_type=upload.media_type,
                     size=upload.size, sha256=upload.sha256)
    return negotiations.take(case, expected, step, account.actor, occurred_on, **facts)


def restate_entry(negotiations: Negotiations, account: Account, case: NegotiationCase,
                  version: int, data: dict[str, Any]) -> Recorded:
    """Correct entry ``version`` with its step's own form, filled in again (``data``, with
    ``expected_version``, the entry's ``occurred_on`` and the ``reason``); the correction is
    dated today."""
    state = case.state
    if not may_enter(account, BY_NAME["correction"], state.opened["scope"],
                     state.assigned_to.id):
        raise NotAllowed
    facts = dict(data)
    expected, restated_on = facts.pop("expected_version"), facts.pop("occurred_on")
    reason = facts.pop("reason")
    entry = next((e for e in case.entries if e.version == version), None)
    step = step_recording(entry.type) if entry else None
    if step is not None and step.name in PREPARE:
        facts = PREPARE[step.name](case, facts)
    return negotiations.record(case, expected, lambda c: c.restate_entry(
        account.actor, clock.today(), corrects_version=version, reason=reason,
        restated_on=restated_on, facts=facts))


def decide_sign_off(negotiations: Negotiations, account: Account, case: NegotiationCase, *,
                    decision: str, request_version: int, expected_version: int,
                    occurred_on: date, note: str = "", reason: str = "") -> Recorded:
    """A supervisor of the case's region gives (``give``) or refuses (``refuse``) a pending
    sign-off request."""
    if not may_sign_off(account, case.state.opened["scope"]):
        raise NotAllowed
    step = DECISIONS[decision]
    said = {"note": note} if decision == "give" else {"reason": reason}
    return negotiations.take(case, expected_version, step, account.actor, occurred_on,
                             request_version=request_version, **said)
