"""The access matrix: every route of the web app × every role, and what each must get
(docs/architecture.md, users and roles: who may see and do what).

A role is an account and the case whose ids fill the URL: ``worker`` is li (兴宁市) on a
兴宁市 case, ``worker-elsewhere`` is wang (五华县) on that same case, ``supervisor`` is zhao
(兴宁市) on it, ``supervisor-elsewhere`` is zhao on a 五华县 case, ``admin`` is root.
A public notice is open to all, but only for a published contract: the (unpublished) case has none.

An outcome is ``L`` (redirected to the login page) or the status code. A POST that must be
refused (``L``, 403, 404) carries a valid form that would do harm if it got through; an
allowed POST carries a harmless one (invalid, or a no-op), so no row records anything.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from api_kit import opening_body, step_body
from steps_story import PDF, STORY, opening

from domain.values import Role
from web.forms.registry import STEPS, Step
from web.views.documents import CASE_WIDE, FROM_ENTRIES

ROLES = ("anonymous", "worker", "worker-elsewhere", "supervisor", "supervisor-elsewhere",
         "admin")
WHO: dict[str, tuple[str | None, str]] = {  # role -> (username, case: xn 兴宁市 / wh 五华县)
    "anonymous": (None, "xn"), "worker": ("li", "xn"), "worker-elsewhere": ("wang", "xn"),
    "supervisor": ("zhao", "xn"), "supervisor-elsewhere": ("zhao", "wh"), "admin": ("root", "xn"),
}
REFUSED = {"L", "403", "404"}

EVERYONE, PUBLIC = "L 200 200 200 200 200", "200 200 200 200 200 200"
CASE_PAGE = "L 200 404 200 404 200"
OVERSEERS = "L 403 403 200 200 200"
ADMINS = "L 403 403 403 403 200"
WORKERS = "L 200 200 403 403 403"  # a social worker's own calendar address, any region
STEP_FORM, NOTE_FORM = "L 200 404 403 404 403", "L 200 404 200 404 403"
STEP_POST, NOTE_POST = "L 400 404 403 404 403", "L 400 404 400 404 403"

Params = dict[str, Any]
Form = Callable[[Params], dict[str, Any]]
_unique = itertools.count(1)


def nothing(params: Params) -> dict[str, Any]:
    """An empty form."""
    return {}


@dataclass(frozen=True)
class Row:
    """One route and method, the URL that exercises it, and each role's outcome."""

    method: str
    rule: str  # exactly as in ``app.url_map``
    url: str  # placeholders: case, notice, offer, minutes, sha, account, today
    spec: str  # outcomes in the order of ROLES
    attack: Form = field(default=nothing)  # posted by roles that must be refused
    harmless: Form = field(default=nothing)  # posted by roles that are let through
    api: bool = False  # called with the role's bearer token and a JSON body, not a session

    @property
    def personal(self) -> bool:
        """Whether the route may answer with personal data, which no cache may keep: every
        route but the public pages and notices."""
        return self.spec != PUBLIC and "/notices" not in self.rule

    def outcomes(self) -> dict[str, str]:
        """Each role's expected outcome."""
        return dict(zip(ROLES, self.spec.split(), strict=True))


def _step_form(slug: str) -> Form:
    def form(params: Params) -> dict[str, Any]:
        fields = {**STORY.get(slug, (0, {"issues": "条款违法"}))[1], "occurred_on": params["today"],
                  "expected_version": str(params["version"])}
        if slug == "attachment":
            fields["file"] = (io.BytesIO(PDF + b"attack"), "攻击.pdf")
        if slug == "reassignment":
            fields["to"] = "sw-wh"
        return fields
    return form


def _restated_survey(params: Params) -> dict[str, Any]:
    return {**STORY["survey"][1], "respondents": "99", "reason": "人数记错",
            "occurred_on": params["today"], "expected_version": str(params["version"])}


def _version_only(params: Params) -> dict[str, Any]:
    return {"expected_version": str(params["version"])}


def _give(params: Params) -> dict[str, Any]:
    return {"decision": "give", "request_version": str(params["request"]),
            "expected_version": str(params["version"]), "note": "越权签批"}


def _api_step(slug: str) -> Form:
    def body(params: Params) -> dict[str, Any]:
        changes: dict[str, Any] = {"occurred_on": params["today"]}
        if slug == "correction":
            changes.update(corrects_version=str(params["survey"]), field="respondents",
                           value="99")
        if slug == "reassignment":
            changes["to"] = "sw-wh"
        if slug == "objection":
            return {**_api_version(params), **changes, "issues": "条款违法"}
        if slug == "reopening":
            return {**_api_version(params), **changes, "reason": "续订"}
        return step_body(slug, params["version"], **changes)
    return body


def _api_version(params: Params) -> dict[str, Any]:
    return {"expected_version": params["version"]}


def _wrong_password(params: Params) -> dict[str, Any]:
    return {"username": f"nobody-{next(_unique)}", "password": "not-the-password"}


def supervisors_too(step: Step) -> bool:
    """Whether supervisors take this step as well as social workers (its domain roles)."""
    return Role.SUPERVISOR in step.step.roles


FORM_STEPS = [step for step in STEPS if not step.step.rewrites_history]
"""Steps with a form of their own (a correction is made through the corrected step's)."""
ACCOUNT = "/admin/accounts/{account}"
CASE = "/cases/<uuid:case_id>"
RECORD = f"{CASE}/record/<slug>"
API = "/api/v1"
API_CASE = f"{API}/cases/<uuid:case_id>"
API_PUBLIC, API_EVERYONE = PUBLIC, "401 200 200 200 200 200"
API_CASE_READ, API_OVERSEERS = "401 200 404 200 404 200", "401 403 403 200 200 200"
API_STEP, API_NOTE = "401 422 404 403 404 403", "401 422 404 422 404 403"
API_ROWS: list[Row] = [
    Row("GET", f"{API}/openapi.json", f"{API}/openapi.json", API_PUBLIC, api=True),
    Row("GET", f"{API}/docs", f"{API}/docs", API_PUBLIC),
    Row("GET", f"{API}/docs/assets/<path:filename>", f"{API}/docs/assets/swagger-ui.css",
        API_PUBLIC),
    Row("GET", f"{API}/cases", f"{API}/cases", API_EVERYONE, api=True),
    Row("POST", f"{API}/cases", f"{API}/cases", "401 422 422 403 403 403", api=True,
        attack=lambda p: opening_body(91000 + next(_unique)), harmless=_api_version),
    *(Row("GET", f"{API_CASE}{tail}", f"{API}/cases/{{case}}{tail}", API_CASE_READ, api=True)
      for tail in ("", "/history", "/deadlines")),
    *(Row("GET", API_CASE, f"{API}/cases/{{case}}?{query}", API_CASE_READ, api=True)
      for query in ("version=1", "as_of={today}")),
    Row("GET", API_CASE, f"{API}/cases/{{case}}?version=1&as_of={{today}}",
        "401 422 422 422 422 422", api=True),  # two moments at once: refused, whoever asks
    *(Row("POST", f"{API_CASE}/steps/{step.slug}", f"{API}/cases/{{case}}/steps/{step.slug}",
          API_NOTE if supervisors_too(step) else API_STEP, api=True, attack=_api_step(step.slug),
          harmless=_api_version) for step in STEPS),
    Row("POST", f"{API_CASE}/sign-off-decisions", f"{API}/cases/{{case}}/sign-off-decisions",
        "401 403 404 422 404 403", api=True,
        attack=lambda p: {**_give(p), "occurred_on": p["today"],
                          "request_version": p["request"], "expected_version": p["version"]},
        harmless=_api_version),
    Row("GET", f"{API}/deadlines", f"{API}/deadlines", API_EVERYONE, api=True),
    Row("GET", f"{API}/audit", f"{API}/audit", API_OVERSEERS, api=True),
    Row("GET", f"{API}/statistics", f"{API}/statistics", API_OVERSEERS, api=True),
    Row("GET", f"{API}/notices", f"{API}/notices", API_PUBLIC, api=True),
    *(Row("GET", f"{API}/notices/<uuid:case_id>", f"{API}/notices/{{{which}}}", spec, api=True)
      for which, spec in (("notice", API_PUBLIC), ("case", "404 404 404 404 404 404"))),
]
ROWS: list[Row] = [
    Row("GET", "/", "/", EVERYONE),
    Row("GET", "/healthz", "/healthz", PUBLIC),
    Row("GET", "/login", "/login", PUBLIC),
    Row("POST", "/login", "/login", "401 401 401 401 401 401", harmless=_wrong_password),
    Row("POST", "/logout", "/logout", "L 302 302 302 302 302"),
    Row("GET", "/notices", "/notices", PUBLIC),
    Row("GET", "/notices.json", "/notices.json", PUBLIC),
    Row("GET", "/notices/feed.atom", "/notices/feed.atom", PUBLIC),
    *(Row("GET", f"/notices/<uuid:case_id>{tail}", f"/notices/{{{which}}}{tail}", spec)
      for tail in ("", "/print", ".json", ".pdf")
      for which, spec in (("notice", PUBLIC), ("case", "404 404 404 404 404 404"))),
    Row("GET", "/account/tokens", "/account/tokens", EVERYONE),
    Row("POST", "/account/tokens", "/account/tokens", "L 400 400 400 400 400",
        attack=lambda p: {"name": "mallory", "days": "30"}),
    Row("POST", "/account/tokens/<token_id>/revoke", "/account/tokens/not-a-token/revoke",
        "L 404 404 404 404 404"),
    Row("GET", "/account/calendar", "/account/calendar", WORKERS),
    Row("POST", "/account/calendar", "/account/calendar", WORKERS),
    Row("POST", "/account/calendar/revoke", "/account/calendar/revoke", WORKERS),
    Row("GET", "/calendar/<token>.ics", "/calendar/not-a-secret.ics", "404 404 404 404 404 404"),
    Row("GET", "/admin/accounts", "/admin/accounts", ADMINS),
    Row("POST", "/admin/accounts", "/admin/accounts", "L 403 403 403 403 422",
        attack=lambda p: {"username": "mallory", "name": "M", "role": "admin",
                          "scope": "全省", "password": "mallory-password-1"}),
    Row("GET", "/admin/accounts/<account_id>", ACCOUNT, ADMINS),
    Row("POST", "/admin/accounts/<account_id>", ACCOUNT, "L 403 403 403 403 422",
        attack=lambda p: {"role": "admin", "scope": "全省"}),
    Row("POST", "/admin/accounts/<account_id>/active", ACCOUNT + "/active",
        "L 403 403 403 403 302", attack=lambda p: {"active": "0"},
        harmless=lambda p: {"active": "1"}),
    Row("POST", "/admin/accounts/<account_id>/password", ACCOUNT + "/password",
        "L 403 403 403 403 422", attack=lambda p: {"password": "taken-over-password"},
        harmless=lambda p: {"password": "short"}),
    Row("GET", "/audit", "/audit", OVERSEERS),
    *(Row("GET", "/audit/export.<any(csv, xlsx):fmt>", f"/audit/export.{fmt}", OVERSEERS)
      for fmt in ("csv", "xlsx")),
    *(Row("GET", "/cases/export.<any(csv, xlsx):fmt>", f"/cases/export.{fmt}", OVERSEERS)
      for fmt in ("csv", "xlsx")),
    Row("GET", "/sign-offs", "/sign-offs", OVERSEERS),
    Row("GET", "/statistics", "/statistics", OVERSEERS),
    Row("GET", "/cases", "/cases", EVERYONE),
    Row("GET", "/cases/new", "/cases/new", "L 200 200 403 403 403"),
    Row("POST", "/cases/new", "/cases/new", "L 400 400 403 403 403",
        attack=lambda p: opening(90000 + next(_unique))),
    Row("GET", CASE, "/cases/{case}", CASE_PAGE),
    Row("GET", f"{CASE}/history", "/cases/{case}/history", CASE_PAGE),
    Row("GET", f"{CASE}/as-of", "/cases/{case}/as-of?date={today}", CASE_PAGE),
    Row("GET", f"{CASE}/print/offer/<int:version>", "/cases/{case}/print/offer/{offer}",
        CASE_PAGE),
    Row("GET", f"{CASE}/print/offer/<int:version>.pdf",
        "/cases/{case}/print/offer/{offer}.pdf", CASE_PAGE),
    Row("GET", f"{CASE}/print/minutes/<int:version>", "/cases/{case}/print/minutes/{minutes}",
        CASE_PAGE),
    Row("GET", f"{CASE}/print/<any({CASE_WIDE}):name>", "/cases/{case}/print/representatives",
        CASE_PAGE),
    Row("GET", f"{CASE}/print/<any({CASE_WIDE}):name>.pdf", "/cases/{case}/print/sign-in.pdf",
        CASE_PAGE),
    Row("GET", f"{CASE}/print/<any({FROM_ENTRIES}):name>/<int:version>",
        "/cases/{case}/print/sign-in/{minutes}", CASE_PAGE),
    Row("GET", f"{CASE}/print/<any({FROM_ENTRIES}):name>/<int:version>.pdf",
        "/cases/{case}/print/minutes/{minutes}.pdf", CASE_PAGE),
    Row("GET", f"{CASE}/attachments/<sha256>", "/cases/{case}/attachments/{sha}", CASE_PAGE),
    Row("GET", f"{CASE}/attachments/<sha256>/preview", "/cases/{case}/attachments/{sha}/preview",
        CASE_PAGE),
    Row("GET", f"{CASE}/packet.pdf", "/cases/{case}/packet.pdf", CASE_PAGE),
    Row("GET", f"{CASE}/sign-off", "/cases/{case}/sign-off", CASE_PAGE),
    Row("POST", f"{CASE}/sign-off", "/cases/{case}/sign-off", "L 403 404 400 404 403",
        attack=_give, harmless=lambda p: {"decision": "maybe"}),
    Row("GET", RECORD, "/cases/{case}/record/no-such-step", "L 404 404 404 404 404"),
    Row("POST", RECORD, "/cases/{case}/record/no-such-step", "L 404 404 404 404 404"),
    *(Row("GET", RECORD, f"/cases/{{case}}/record/{step.slug}",
          NOTE_FORM if supervisors_too(step) else STEP_FORM) for step in FORM_STEPS),
    *(Row("POST", RECORD, f"/cases/{{case}}/record/{step.slug}",
          NOTE_POST if supervisors_too(step) else STEP_POST, attack=_step_form(step.slug),
          harmless=_version_only) for step in FORM_STEPS),
    *(Row(method, RECORD, "/cases/{case}/record/correction", "L 404 404 404 404 404")
      for method in ("GET", "POST")),
    Row("GET", f"{CASE}/entries/<int:version>/correct", "/cases/{case}/entries/{survey}/correct",
        STEP_FORM),
    Row("POST", f"{CASE}/entries/<int:version>/correct", "/cases/{case}/entries/{survey}/correct",
        STEP_POST, attack=_restated_survey, harmless=_version_only),
    *API_ROWS,
]
