"""Who may see and do what (docs/architecture.md, users and roles), as small functions
the views call."""

from __future__ import annotations

from collections.abc import Sequence

from domain.procedure.registry import BY_NAME
from domain.procedure.step import Step
from domain.state import CaseState
from domain.values import Role
from web.accounts.store import Account


def visible_scopes(account: Account) -> Sequence[str] | None:
    """Scopes whose cases the account sees in lists: admins see every scope (None)."""
    return None if account.role is Role.ADMIN else [account.scope]


def may_see(account: Account, scope: str, assigned_id: str) -> bool:
    """A case is visible in its own scope, to its assigned worker, and to admins."""
    return (account.role is Role.ADMIN or scope == account.scope
            or assigned_id == account.id)


def may_sign_off(account: Account, scope: str) -> bool:
    """Supervisors sign off cases in their scope."""
    return account.role is Role.SUPERVISOR and scope == account.scope


def oversees(account: Account) -> bool:
    """Supervisors and admins: the audit log, statistics, exports and the sign-off queue."""
    return account.role in (Role.SUPERVISOR, Role.ADMIN)


def carries_cases(account: Account) -> bool:
    """Social workers: they open and carry cases, and keep a deadline calendar."""
    return account.role is Role.SOCIAL_WORKER


def may_enter(account: Account, step: Step, scope: str, assigned_id: str) -> bool:
    """A step on a case: the step's roles (:mod:`domain.procedure`) say who records it;
    social workers do so in their scope or on cases assigned to them, supervisors in
    their scope. Whether the case takes the step now is the step's guard."""
    if account.role not in step.roles:
        return False
    if account.role is Role.SUPERVISOR:
        return may_sign_off(account, scope)
    return scope == account.scope or assigned_id == account.id


def may_correct(account: Account, state: CaseState) -> bool:
    """Whether ``account`` may correct entries of the case now (the correction's step: the
    case's own social workers, while it is open)."""
    return (not state.closed and may_enter(account, BY_NAME["correction"],
                                           state.opened["scope"], state.assigned_to.id))


def may_manage_accounts(account: Account) -> bool:
    """Only admins manage accounts."""
    return account.role is Role.ADMIN
