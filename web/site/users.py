"""The logged-in person, as Flask-Login sees them."""

from __future__ import annotations

from flask import current_app
from flask_login import UserMixin, current_user

from web.accounts.store import Account
from web.site.extensions import login_manager


class User(UserMixin):
    """A session's account, and the server-side login session it came in by."""

    def __init__(self, account: Account, session_id: str):
        self.account = account
        self.session_id = session_id

    def get_id(self) -> str:
        """The id kept in the session cookie: the login session's, not the account's."""
        return self.session_id


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The active account behind a login session that has not been ended."""
    account = current_app.extensions["accounts"].signed_in(session_id)
    return User(account, session_id) if account else None


def me() -> Account:
    """The logged-in account (views behind ``login_required`` only)."""
    return current_user.account  # type: ignore[no-any-return]
