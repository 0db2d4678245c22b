"""Who may see and do what (docs/architecture.md, users and roles), as small functions
the views call."""

from __future__ import annotations

from collections.abc import Sequence

from domain.values import Role
from web.accounts.store import Account


def visible_scopes(account: Account) -> Sequence[str] | None:
    """Scopes whose cases the account sees in lists: admins see every scope (None)."""
    return None if account.role is Role.ADMIN else [account.scope]


def may_see(account: Account, scope: str, assigned_id: str) -> bool:
    """A case is visible in its own scope, to its assigned worker, and to admins."""
    return (account.role is Role.ADMIN or scope == account.scope
            or assigned_id == account.id)


def may_record(account: Account, scope: str, assigned_id: str) -> bool:
    """Social workers record steps on cases in their scope or assigned to them."""
    return account.role is Role.SOCIAL_WORKER and (scope == account.scope
                                                   or assigned_id == account.id)


def may_sign_off(account: Account, scope: str) -> bool:
    """Supervisors sign off cases in their scope."""
    return account.role is Role.SUPERVISOR and scope == account.scope


def may_annotate(account: Account, scope: str, assigned_id: str) -> bool:
    """Notes and attachments: the case's workers and supervisors."""
    return (may_record(account, scope, assigned_id)
            or may_sign_off(account, scope))


def may_enter(account: Account, annotate: bool, scope: str, assigned_id: str) -> bool:
    """A step on a case (``annotate``: a note or an attachment, which supervisors add too)."""
    check = may_annotate if annotate else may_record
    return check(account, scope, assigned_id)


def may_manage_accounts(account: Account) -> bool:
    """Only admins manage accounts."""
    return account.role is Role.ADMIN
