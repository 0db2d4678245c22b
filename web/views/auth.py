"""Logging in and out; failed attempts are throttled per address and username, and per address."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from web.accounts.store import AccountStore, normalise_username
from web.forms.clean_text import text_error
from web.site.extensions import limiter
from web.site.users import User

bp = Blueprint("auth", __name__)


def _attempts() -> str:
    return str(current_app.config["LOGIN_ATTEMPTS"])


def _attempts_per_address() -> str:
    return str(current_app.config["LOGIN_ATTEMPTS_PER_ADDRESS"])


def _address() -> str:
    """The client's address (named by trusted proxies, if any: ``XIESHANG_TRUSTED_PROXIES``)."""
    return f"address:{request.remote_addr or 'unknown'}"


def _who() -> str:
    """Per address and username as it logs in, so one guesser locks out no one else."""
    username = normalise_username(request.form.get("username", ""))[:80]
    return f"{_address()}:user:{username}"


def _failed(response: Response) -> bool:
    return response.status_code != 302


def _accounts() -> AccountStore:
    return current_app.extensions["accounts"]  # type: ignore[no-any-return]


def _refused_input() -> str | None:
    """Why the username or password typed is refused (a control character), if it is."""
    return (text_error(request.form.get("username", ""), _("Username"))
            or text_error(request.form.get("password", ""), _("Password")))


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("cases.index")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_attempts_per_address, key_func=_address, methods=["POST"], deduct_when=_failed)
@limiter.limit(_attempts, key_func=_who, methods=["POST"], deduct_when=_failed)
def login() -> ResponseReturnValue:
    """The login form; on success start a login session and go where the user was heading."""
    error = None
    username = request.form.get("username", "")
    refused = _refused_input() if request.method == "POST" else None
    if refused:
        return render_template("login.html", error=refused, username=""), 400
    if request.method == "POST":
        account = _accounts().authenticate(username, request.form.get("password", ""))
        if account is not None:
            login_user(User(account, _accounts().sessions.start(account.id)))
            return redirect(_safe_next(request.args.get("next")))
        error = _("Wrong username or password.")
    status = 401 if error else 200
    return render_template("login.html", error=error, username=username), status


@bp.post("/logout")
@login_required
def logout() -> ResponseReturnValue:
    """End the login session, here and wherever a copy of its cookie is."""
    _accounts().sessions.end(current_user.session_id)
    logout_user()
    flash(_("You have logged out."))
    return redirect(url_for("auth.login"))
