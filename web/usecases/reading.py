"""Reading one case: who may see it is judged once, on the case as it is now (its region,
who holds it); a past view of it (a version, the end of a day) is taken only from a case
that has passed that check. Every read of a case, on the screens and in the API, starts here.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from flask import current_app

from domain.as_of import Then
from domain.as_of import happened_by as as_of_day
from domain.case import NegotiationCase
from domain.errors import CaseNotFound
from web.accounts.store import Account
from web.usecases.access import may_see


class CaseHidden(LookupError):
    """No such case, or one the account may not see: both answer the same 404."""


def readable_case(account: Account, case_id: UUID) -> NegotiationCase:
    """The case as it is now, if ``account`` may see it now; :class:`CaseHidden` otherwise."""
    try:
        case: NegotiationCase = current_app.extensions["negotiations"].get_case(case_id)
    except CaseNotFound:
        raise CaseHidden(case_id) from None
    state = case.state
    if not may_see(account, state.opened["scope"], state.assigned_to.id):
        raise CaseHidden(case_id)
    return case


def at_version(case: NegotiationCase, version: int) -> NegotiationCase | None:
    """A case from :func:`readable_case` as it was at ``version``; None past its newest."""
    if not 1 <= version <= case.version:
        return None
    if version == case.version:
        return case
    then: NegotiationCase = current_app.extensions["negotiations"].get_case(case.id,
                                                                             version=version)
    return then


def as_of(case: NegotiationCase, day: date) -> NegotiationCase | None:
    """A case from :func:`readable_case` as it stood at the end of ``day`` (China time);
    None if it was not yet open."""
    then: NegotiationCase | None = current_app.extensions["negotiations"].case_on(case.id, day)
    return then


def happened_by(case: NegotiationCase, day: date) -> Then | None:
    """What had happened on a case from :func:`readable_case` by the end of ``day`` (by
    business date, as it reads now); None if it had not been opened yet."""
    return as_of_day(case.records, day)
