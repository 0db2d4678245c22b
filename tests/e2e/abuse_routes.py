"""Where the abuse corpus goes: every route of the app, each with a valid request to spoil
and the account that may use it (see ``test_abuse_corpus``)."""

from __future__ import annotations

import base64
import itertools
from typing import Any
from uuid import UUID

from abuse_corpus import CHOICE, CONTROLS, LINE, LINE_BREAKS, NUL, TEXT, WHOLE, form_inputs, samples
from abuse_sender import Abuse
from api_kit import API, Caller, form_as_json, opening_body
from flask import Flask
from flask.testing import FlaskClient
from marshmallow import Schema, fields
from steps_story import API_CORRECTION, PDF, attachment_upload, day, opening
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from web.forms.preparation import OpenCaseSchema
from web.forms.registry import BY_SLUG
from web.forms.restating import schema_for

PATH_VALUES = {"slug": "note", "sha256": "0" * 64, "account_id": "sw-wh", "token": "nothing",
               "token_id": "nothing", "filename": "site.css", "fmt": "csv"}
ACTING_POSTS = {"auth.logout", "calendar.new_calendar", "calendar.revoke_calendar",
                "tokens.revoke_token"}


class FreshAddress:
    """An anonymous browser whose every request comes from another address (the login
    throttle counts per address)."""

    def __init__(self, app: Flask):
        self.client = app.test_client()
        self.count = itertools.count(1)

    def post(self, path: str, **kwargs: Any) -> TestResponse:
        """POST from a new address."""
        n = next(self.count)
        return self.client.post(path, environ_base={"REMOTE_ADDR": f"10.9.{n // 250}.{n % 250}"},
                                **kwargs)


def documented(app: Flask, rule: Rule, where: str) -> Schema | None:
    """The schema an API endpoint documents for its ``json`` body or ``query``."""
    doc = getattr(app.view_functions[rule.endpoint], "_apidoc", {}).get("arguments", {})
    found = [p["schema"] for p in doc.get("parameters", []) if p["in"] == where]
    return (found[0]() if isinstance(found[0], type) else found[0]) if found else None


def filled(rule: Rule, case_id: UUID, **changes: Any) -> str:
    """A URL of ``rule`` about ``case_id`` (other parameters: harmless values)."""
    values: dict[str, Any] = {}
    for name, converter in rule._converters.items():
        kind = type(converter).__name__
        values[name] = (case_id if kind == "UUIDConverter" else 1 if kind == "IntegerConverter"
                        else max(converter.items) if kind == "AnyConverter"
                        else PATH_VALUES.get(name, "x"))
    built = rule.build({**values, **changes}, append_unknown=False)
    assert built is not None, rule.rule
    return built[1]


def hostile_paths(rule: Rule, case_id: UUID) -> list[str]:
    """URLs of ``rule`` with a control character in each text path parameter."""
    return [filled(rule, case_id, **{name: f"x{bad}y"}) for name, converter
            in rule._converters.items() if type(converter).__name__ == "UnicodeConverter"
            for bad in (NUL, CONTROLS[1])]


class Routes:
    """Sends the corpus to each kind of route, as the account that may use it."""

    def __init__(self, app: Flask, abuse: Abuse, clients: dict[str, FlaskClient],
                 callers: dict[str, Caller], case_id: UUID):
        self.app, self.abuse, self.clients, self.callers = app, abuse, clients, callers
        self.case_id = case_id
        self.negotiations = app.extensions["negotiations"]

    def _version(self) -> int:
        return int(self.negotiations.get_case(self.case_id).version)

    def _rule(self, endpoint: str, method: str) -> Rule:
        return next(r for r in self.app.url_map.iter_rules()
                    if r.endpoint == endpoint and method in (r.methods or ()))

    def open_case(self) -> None:
        """Step 0 through the form and the API (odd texts: with a case token in use)."""
        stale = {"case_token": str(self.case_id)}
        self.abuse.form(self.clients["li"], "/cases/new", opening(9002),
                        form_inputs(OpenCaseSchema()), stale)
        schema = documented(self.app, self._rule("api_cases.open_case", "POST"), "json")
        assert schema is not None
        self.abuse.body(self.callers["li"], "/cases", opening_body(9003), schema, stale)

    def step(self, slug: str, offset: int, form: dict[str, str]) -> None:
        """One step's form and endpoint, on the case as it stands before the story tells it."""
        version = self._version()
        form = {**form, "occurred_on": day(offset), "expected_version": str(version)}
        schema: Any = BY_SLUG[slug].schema()
        path = f"/cases/{self.case_id}/record/{slug}"
        if slug == "correction":
            vote = next(e for e in self.negotiations.get_case(self.case_id).entries
                        if e.type == "RatificationVoted")
            path = f"/cases/{self.case_id}/entries/{vote.version}/correct"
            schema = schema_for(vote.type)
        upload = (lambda: attachment_upload(PDF, "合同.pdf")) if slug == "attachment" else dict
        stale = {"expected_version": str(version - 1)}
        self.abuse.form(self.clients["li"], path, form, form_inputs(schema), stale, upload)
        if slug == "correction":
            form = {**API_CORRECTION, "occurred_on": day(399), "expected_version": str(version),
                    "corrects_version": str(vote.version)}
        if slug == "attachment":
            for name in (f"合{NUL}同.pdf", *(f"合{c}同.pdf" for c in (*CONTROLS, *LINE_BREAKS))):
                self.abuse.send(f"POST {path} file={name!r}", "POST", path,
                                lambda n=name: self.clients["li"].post(
                                    path, data={**form, **attachment_upload(PDF, n)}))
        body = form_as_json(BY_SLUG[slug].schema, form)
        if slug == "attachment":
            body.update(filename="合同.pdf", content_base64=base64.b64encode(PDF).decode())
        api_path = f"/cases/{self.case_id}/steps/{slug}"
        documented_schema = documented(self.app, self.app.url_map.bind("localhost").match(
            API + api_path, method="POST", return_rule=True)[0], "json")
        assert documented_schema is not None
        self.abuse.body(self.callers["li"], api_path, body, documented_schema,
                        {"expected_version": version - 1})

    def sign_off_decisions(self) -> None:
        """A supervisor's decision on the pending sign-off request, by form and API."""
        case = self.negotiations.get_case(self.case_id)
        request, version = case.state.sign_offs[-1].start.version, case.version
        form = {"decision": "give", "request_version": str(request),
                "expected_version": str(version), "note": "同意结案"}
        inputs: list[tuple[str, fields.Field]] = [
            ("decision", CHOICE), ("request_version", WHOLE), ("expected_version", WHOLE),
            ("note", TEXT), ("reason", TEXT)]
        self.abuse.form(self.clients["zhao"], f"/cases/{self.case_id}/sign-off", form, inputs,
                        {"expected_version": str(version - 1)})
        path = f"/cases/{self.case_id}/sign-off-decisions"
        schema = documented(self.app, self._rule("api_steps.decide_sign_off", "POST"), "json")
        assert schema is not None
        body = {"occurred_on": day(399), "expected_version": version,
                "request_version": request, "decision": "give", "note": "同意结案"}
        self.abuse.body(self.callers["zhao"], path, body, schema,
                        {"expected_version": version - 1})

    def account_forms(self) -> None:
        """Login, accounts and tokens (forms read by hand), and the posts without fields."""
        root, li = self.clients["root"], self.clients["li"]
        forms: list[tuple[Any, str, dict[str, str], list[str]]] = [
            (FreshAddress(self.app), "/login", {"username": "li", "password": "x" * 12},
             ["username", "password"]),
            (root, "/admin/accounts", {"username": "new-one", "name": "新人", "role":
                                       "social_worker", "scope": "兴宁市",
                                       "password": "long-enough-1"},
             ["username", "name", "scope", "password", "role"]),
            (root, "/admin/accounts/sw-wh", {"role": "social_worker", "scope": "五华县"},
             ["scope", "role"]),
            (root, "/admin/accounts/sw-wh/active", {"active": "1"}, ["active"]),
            (root, "/admin/accounts/sw-wh/password", {"password": "long-enough-2"},
             ["password"]),
            (li, "/account/tokens", {"name": "脚本", "days": "90"}, ["name", "days"]),
        ]
        choices = {"role", "active", "days"}
        for client, path, base, names in forms:
            inputs = [(n, CHOICE if n in choices else LINE) for n in names]
            self.abuse.form(client, path, base, inputs)
        for endpoint in sorted(ACTING_POSTS):
            rule = self._rule(endpoint, "POST")
            path = filled(rule, self.case_id)
            self.abuse.queries(li, "POST", path, lambda extra, p=path: li.post(p + extra),
                               dates=False)
            for bad in hostile_paths(rule, self.case_id):
                self.abuse.send(f"POST {bad}", "POST", bad, lambda b=bad: li.post(b))

    def reads(self) -> None:
        """Every GET: query strings (and text path parameters) from the corpus."""
        for rule in self.app.url_map.iter_rules():
            if "GET" not in (rule.methods or ()):
                continue
            path = filled(rule, self.case_id)
            if rule.rule.startswith(API):
                self._api_read(rule, path.removeprefix(API))
                continue
            client = self.clients["li" if path.startswith("/account") else "root"]
            self.abuse.queries(client, "GET", path, lambda extra, p=path, c=client:
                               c.get(p + extra))
            for bad in hostile_paths(rule, self.case_id):
                self.abuse.send(f"GET {bad}", "GET", bad, lambda b=bad, c=client: c.get(b))

    def _api_read(self, rule: Rule, path: str) -> None:
        caller = self.callers["li"]
        if caller.get(path).status_code == 403:
            caller = self.callers["zhao"]
        self.abuse.queries(caller, "GET", API + path, lambda extra: caller.client.get(
            API + path + extra, headers=caller.headers()))
        schema = documented(self.app, rule, "query")
        for name, item in (schema.fields.items() if schema else []):
            for value in samples(item, in_json=False):
                self.abuse.send(f"GET {path}?{name}={str(value)[:20]!r}", "GET", API + path,
                                lambda v=value, n=name: caller.get(path, **{n: v}))
