"""The account page's API tokens: make one (its secret shown once), see them, revoke one."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from web.accounts.api_tokens import DEFAULT_DAYS
from web.api.auth import tokens
from web.forms.clean_text import text_error
from web.site.users import me

bp = Blueprint("tokens", __name__)
DAY_CHOICES = (30, 90, 180, 366)
NAME_MAX = 80


def _page(secret: str | None = None, errors: dict[str, str] | None = None,
          values: dict[str, str] | None = None, status: int = 200) -> ResponseReturnValue:
    return render_template("tokens.html", secret=secret, errors=errors or {},
                           values=values or {"days": str(DEFAULT_DAYS)},
                           tokens=tokens().tokens_of(me().id), now=datetime.now(tz=UTC),
                           day_choices=DAY_CHOICES), status


@bp.get("/account/tokens")
@login_required
def tokens_page() -> ResponseReturnValue:
    """The account's API tokens."""
    return _page()


@bp.post("/account/tokens")
@login_required
def new_token() -> ResponseReturnValue:
    """Make a token; its secret is shown on this page only."""
    values = {"name": request.form.get("name", "").strip(), "days": request.form.get("days", "")}
    errors = {}
    if not values["name"]:
        errors["name"] = _("Please fill this in.")
    elif len(values["name"]) > NAME_MAX:
        errors["name"] = _("At most %(count)s characters.", count=NAME_MAX)
    elif refused := text_error(values["name"], _("Token name")):
        errors["name"] = refused
    if values["days"] not in {str(d) for d in DAY_CHOICES}:
        errors["days"] = _("Choose one of the options.")
    if errors:
        return _page(errors=errors, values=values, status=400)
    _token, secret = tokens().issue(me().id, values["name"], int(values["days"]))
    return _page(secret=secret)


@bp.post("/account/tokens/<token_id>/revoke")
@login_required
def revoke_token(token_id: str) -> ResponseReturnValue:
    """Revoke one of the account's own tokens (someone else's is not found)."""
    if not tokens().revoke(token_id[:64], account_id=me().id):
        abort(404)
    flash(_("Token revoked."))
    return redirect(url_for("tokens.tokens_page"))
