"""Logging in and out; failed attempts are throttled per address."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user

from web.extensions import limiter
from web.users import User

bp = Blueprint("auth", __name__)


def _attempts() -> str:
    return str(current_app.config["LOGIN_ATTEMPTS"])


def _who() -> str:
    """Throttle per address and username, so one guesser locks out no one else."""
    return f"{request.remote_addr}:{request.form.get('username', '')[:80]}"


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("cases.index")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_attempts, key_func=_who, methods=["POST"],
               deduct_when=lambda response: response.status_code != 302)
def login() -> ResponseReturnValue:
    """The login form; on success go where the user was heading."""
    error = None
    username = request.form.get("username", "")
    if request.method == "POST":
        account = current_app.extensions["accounts"].authenticate(
            username, request.form.get("password", ""))
        if account is not None:
            login_user(User(account))
            return redirect(_safe_next(request.args.get("next")))
        error = _("Wrong username or password.")
    status = 401 if error else 200
    return render_template("login.html", error=error, username=username), status


@bp.post("/logout")
@login_required
def logout() -> ResponseReturnValue:
    """End the session."""
    logout_user()
    flash(_("You have logged out."))
    return redirect(url_for("auth.login"))
