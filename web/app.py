"""The Flask application factory: the composition root of the web app."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response

from config.settings import Settings
from projections.runner import Background, Projector
from web.composition import build_negotiations

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the web app. ``config`` overrides Flask settings; ``SETTINGS`` (a
    :class:`~config.settings.Settings`) replaces the environment's."""
    app = Flask(__name__)
    app.config.from_mapping(
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
        BABEL_DEFAULT_LOCALE="zh_Hans_CN", BABEL_TRANSLATION_DIRECTORIES="translations",
        MAX_CONTENT_LENGTH=20 * 1024 * 1024, LOGIN_ATTEMPTS="10 per 5 minutes",
        PUBLIC_PDF_RATE="60 per minute",
    )
    app.config.from_mapping(config or {})
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    settings = app.config.get("SETTINGS") or Settings.from_env()
    app.config["SETTINGS"] = settings
    app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or settings.secret_key
    if not settings.cookie_secure:
        app.config.update(SESSION_COOKIE_SECURE=False, REMEMBER_COOKIE_SECURE=False)

    negotiations = build_negotiations(settings)
    projector = Projector(negotiations)
    app.extensions["negotiations"] = negotiations
    app.extensions["projector"] = projector
    if settings.projections_in_process and not app.config.get("NO_BACKGROUND_PROJECTIONS"):
        app.extensions["projections_thread"] = Background(projector).start()

    _init_extensions(app)
    _register_blueprints(app)
    _register_api(app)
    app.after_request(_security_headers)
    return app


def _init_extensions(app: Flask) -> None:
    from projections.base import engine_of
    from web import i18n
    from web.accounts.store import AccountStore
    from web.extensions import babel, csrf, limiter, login_manager

    app.extensions["accounts"] = AccountStore(engine_of(app.extensions["negotiations"]))
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    i18n.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from web import users  # noqa: F401 - registers the session's user loader
    from web.views import (
        admin,
        auth,
        calendar,
        case_history,
        cases,
        documents,
        health,
        public,
        steps,
        supervisor,
    )

    for module in (health, auth, cases, steps, supervisor, case_history, admin, public,
                   calendar, documents):
        app.register_blueprint(module.bp)


def _register_api(app: Flask) -> None:
    from web import api
    from web.views import tokens

    api.init_app(app)
    app.register_blueprint(tokens.bp)


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
