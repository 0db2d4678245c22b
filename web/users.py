"""The logged-in person, as Flask-Login sees them."""

from __future__ import annotations

from flask import current_app
from flask_login import UserMixin, current_user

from web.accounts.store import Account
from web.extensions import login_manager


class User(UserMixin):
    """A session's account."""

    def __init__(self, account: Account):
        self.account = account

    def get_id(self) -> str:
        """The id kept in the session."""
        return self.account.id


@login_manager.user_loader
def load_user(account_id: str) -> User | None:
    """The active account behind a session, if it still exists."""
    account = current_app.extensions["accounts"].get(account_id)
    return User(account) if account and account.active else None


def me() -> Account:
    """The logged-in account (views behind ``login_required`` only)."""
    return current_user.account  # type: ignore[no-any-return]
