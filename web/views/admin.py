"""Admins manage accounts: create, change role and scope, disable or enable, reset a password."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from domain.values import Role
from projections.tables import case_summaries
from web.accounts.store import MIN_PASSWORD, Account, AccountError, AccountStore
from web.composition import read_models
from web.forms.clean_text import text_error
from web.site.users import me
from web.usecases.access import may_manage_accounts

bp = Blueprint("admin", __name__, url_prefix="/admin")
View = TypeVar("View", bound=Callable[..., Any])


def admins_only(view: View) -> View:
    """Only admins (403 for anyone else who is logged in)."""
    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not may_manage_accounts(me()):
            abort(403)
        return view(*args, **kwargs)
    return login_required(guarded)  # type: ignore[return-value]


def _store() -> AccountStore:
    return current_app.extensions["accounts"]  # type: ignore[no-any-return]


def _account(account_id: str) -> Account:
    account = _store().get(account_id)
    if account is None:
        abort(404)
    return account


def _scopes() -> list[str]:
    """Scopes in use, by accounts or by cases (suggestions for the scope field)."""
    with read_models().connect() as connection:
        cases = connection.execute(select(case_summaries.c.scope).distinct()).scalars()
        return sorted(set(cases) | {a.scope for a in _store().all()})


def _messages() -> dict[str, tuple[str, str]]:
    """An :class:`AccountError` key → (field, message)."""
    return {
        "password_too_short": ("password", _("At least %(n)s characters.", n=MIN_PASSWORD)),
        "account_fields_required": ("name", _("Username, name and scope are required.")),
        "username_taken": ("username", _("This username is taken.")),
    }


def _refused(errors: dict[str, str], *names: str) -> None:
    """A text the check of :mod:`web.forms.clean_text` refuses is an error at its field."""
    labels = {"username": _("Username"), "name": _("Name"), "scope": _("Scope"),
              "password": _("Password")}
    for name in names:
        if message := text_error(request.form.get(name, ""), labels[name]):
            errors[name] = message


def _role(errors: dict[str, str]) -> Role | None:
    try:
        return Role(request.form.get("role", ""))
    except ValueError:
        errors["role"] = _("Choose a role.")
        return None


def _page(status: int = 200, **context: Any) -> ResponseReturnValue:
    context.setdefault("form", {})
    context.setdefault("errors", {})
    return render_template("admin/accounts.html", accounts=_store().all(), roles=list(Role),
                           scopes=_scopes(), min_password=MIN_PASSWORD, **context), status


@bp.get("/accounts")
@admins_only
def accounts() -> ResponseReturnValue:
    """Every account, and the form to create one."""
    return _page()


@bp.post("/accounts")
@admins_only
def create() -> ResponseReturnValue:
    """Create an account; errors are shown next to their fields."""
    form = {k: request.form.get(k, "").strip() for k in ("username", "name", "role", "scope")}
    errors: dict[str, str] = {}
    role = _role(errors)
    for field in ("username", "name", "scope"):
        if not form[field]:
            errors[field] = _("Required.")
    _refused(errors, "username", "name", "scope", "password")
    if role is not None and not errors:
        try:
            account = _store().add(form["username"], form["name"], role, form["scope"],
                                   request.form.get("password", ""))
        except AccountError as error:
            field, message = _messages()[error.key]
            errors[field] = message
        else:
            flash(_("Account %(username)s created.", username=account.username))
            return redirect(url_for("admin.accounts"))
    return _page(422, form=form, errors=errors)


def _edit_page(account: Account, status: int = 200, **context: Any) -> ResponseReturnValue:
    context.setdefault("errors", {})
    return render_template("admin/account.html", account=account, roles=list(Role),
                           scopes=_scopes(), min_password=MIN_PASSWORD, **context), status


@bp.get("/accounts/<account_id>")
@admins_only
def edit(account_id: str) -> ResponseReturnValue:
    """One account: change its role and scope, disable or enable it, reset its password."""
    return _edit_page(_account(account_id))


@bp.post("/accounts/<account_id>")
@admins_only
def change(account_id: str) -> ResponseReturnValue:
    """Change the account's role and scope (an admin cannot demote herself)."""
    account, errors = _account(account_id), dict[str, str]()
    role = _role(errors)
    scope = request.form.get("scope", "").strip()
    if not scope:
        errors["scope"] = _("Required.")
    _refused(errors, "scope")
    if account.id == me().id and role is not None and role is not Role.ADMIN:
        errors["role"] = _("You cannot take away your own admin role.")
    if errors:
        return _edit_page(account, 422, errors=errors)
    _store().change(account.id, role=role, scope=scope)
    flash(_("Account %(username)s changed.", username=account.username))
    return redirect(url_for("admin.edit", account_id=account.id))


@bp.post("/accounts/<account_id>/active")
@admins_only
def set_active(account_id: str) -> ResponseReturnValue:
    """Disable or enable the account (an admin cannot disable herself)."""
    account = _account(account_id)
    if request.form.get("active") not in ("0", "1"):
        return _edit_page(account, 400, errors={"active": _("Choose one of the options.")})
    active = request.form.get("active") == "1"
    if account.id == me().id and not active:
        return _edit_page(account, 422, errors={"active": _("You cannot disable yourself.")})
    _store().change(account.id, active=active)
    flash(_("Account enabled.") if active else _("Account disabled."))
    return redirect(url_for("admin.edit", account_id=account.id))


@bp.post("/accounts/<account_id>/password")
@admins_only
def reset_password(account_id: str) -> ResponseReturnValue:
    """Set a new password for the account."""
    account = _account(account_id)
    errors: dict[str, str] = {}
    _refused(errors, "password")
    if errors:
        return _edit_page(account, 422, errors=errors)
    try:
        _store().change(account.id, password=request.form.get("password", ""))
    except AccountError as error:
        return _edit_page(account, 422, errors={"password": _messages()[error.key][1]})
    flash(_("Password reset."))
    return redirect(url_for("admin.edit", account_id=account.id))
