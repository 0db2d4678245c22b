"""The Flask application factory: the composition root of the web app."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from config.settings import DEV_SECRET_KEY, Settings
from projections.runner import Background, Projector
from web.composition import build_negotiations

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# Endpoints with nothing personal, which caches may keep: public notices, the API's
# description, static files. Everything else is answered with Cache-Control: no-store.
CACHEABLE = ("static", "public.", "documents.notice_pdf", "api_notices.", "api-docs.",
             "api_docs")
IN_PROCESS_CACHE_MB = 16
"""Cases the web process's own projection runner keeps in memory (see
:class:`projections.timeline.Timeline`); a worker process keeps more."""
MAKE_A_KEY = 'python3 -c "import secrets; print(secrets.token_urlsafe(32))"'


class InsecureSecretKey(RuntimeError):
    """The app would sign sessions with the public development key outside SQLite."""

    def __init__(self) -> None:
        super().__init__(
            "XIESHANG_SECRET_KEY is not set: the public development key signs session "
            "cookies, so anyone could forge an admin's. It is allowed only on the embedded "
            "SQLite store. Make a key with\n    " + MAKE_A_KEY + "\nand set "
            "XIESHANG_SECRET_KEY to it (the same value for every web process).")


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the web app. ``config`` overrides Flask settings; ``SETTINGS`` (a
    :class:`~config.settings.Settings`) replaces the environment's."""
    app = Flask(__name__)
    app.config.from_mapping(
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
        BABEL_DEFAULT_LOCALE="zh_Hans_CN", BABEL_TRANSLATION_DIRECTORIES="translations",
        MAX_CONTENT_LENGTH=20 * 1024 * 1024, LOGIN_ATTEMPTS="10 per 5 minutes",
        LOGIN_ATTEMPTS_PER_ADDRESS="30 per 5 minutes", PUBLIC_PDF_RATE="60 per minute",
    )
    app.config.from_mapping(config or {})
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    settings = app.config.get("SETTINGS") or Settings.from_env()
    app.config["SETTINGS"] = settings
    app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or settings.secret_key
    if app.config["SECRET_KEY"] == DEV_SECRET_KEY and not settings.is_sqlite:
        raise InsecureSecretKey()
    app.config.setdefault("RATELIMIT_STORAGE_URI", settings.limiter_storage)
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    if settings.limiter_storage.startswith("memory") and not settings.is_sqlite:
        app.logger.warning("login throttling counts in this process alone: set "
                           "XIESHANG_LIMITER_STORAGE (e.g. redis://…) when several web "
                           "processes serve the site")
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies)
    if not settings.cookie_secure:
        app.config.update(SESSION_COOKIE_SECURE=False, REMEMBER_COOKIE_SECURE=False)

    negotiations = build_negotiations(settings)
    projector = Projector(negotiations, cache_mb=IN_PROCESS_CACHE_MB)
    app.extensions["negotiations"] = negotiations
    app.extensions["projector"] = projector
    if settings.projections_in_process and not app.config.get("NO_BACKGROUND_PROJECTIONS"):
        app.extensions["projections_thread"] = Background(projector).start()

    from web.paper import templates

    templates.init_app(app, settings.instance_path)   # a union's own print templates first
    _init_extensions(app)
    _register_blueprints(app)
    _register_api(app)
    app.after_request(_security_headers)
    return app


def _init_extensions(app: Flask) -> None:
    from projections.base import engine_of
    from web.accounts.store import AccountStore
    from web.site import query_check
    from web.site.extensions import babel, compress, csrf, limiter, login_manager
    from web.usecases import read_your_writes
    from web.words import case_file, i18n

    app.extensions["accounts"] = AccountStore(engine_of(app.extensions["negotiations"]))
    babel.init_app(app, locale_selector=i18n.select_locale)
    compress.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    i18n.init_app(app)
    case_file.init_app(app)
    query_check.init_app(app)
    read_your_writes.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from web.site import users  # noqa: F401 - registers the session's user loader
    from web.views import (
        admin,
        auth,
        calendar,
        case_history,
        cases,
        corrections,
        documents,
        health,
        packet,
        public,
        steps,
        supervisor,
    )

    for module in (health, auth, cases, steps, corrections, supervisor, case_history, admin,
                   public, calendar, documents, packet):
        app.register_blueprint(module.bp)


def _register_api(app: Flask) -> None:
    from web import api
    from web.views import tokens

    api.init_app(app)
    app.register_blueprint(tokens.bp)


def _security_headers(response: Response) -> Response:
    """Every response: the security headers; ``no-store`` unless it is public (no cache may
    keep personal data); HSTS whenever the cookies are HTTPS-only."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not (request.endpoint or "").startswith(CACHEABLE) and not response.cache_control.no_store:
        response.headers["Cache-Control"] = "no-store"
    if current_app.config["SESSION_COOKIE_SECURE"]:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response
