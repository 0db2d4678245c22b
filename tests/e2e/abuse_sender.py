"""Sends the abuse corpus and keeps score: every answer that is a server error or that
recorded something is a failure (see ``test_abuse_corpus``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from abuse_corpus import (
    BODIES,
    DEEP,
    QUERY_DATES,
    QUERY_PAGES,
    QUERY_TEXTS,
    SURROGATES,
    json_inputs,
    nested,
    odd,
    pick,
    replaced,
    samples,
)
from api_kit import API, Caller
from flask import Flask
from marshmallow import Schema, fields
from werkzeug.test import TestResponse

from web.accounts.api_tokens import ApiTokens
from web.accounts.calendar_feeds import CalendarFeeds

KEPT_TABLES = ("accounts", "api_tokens", "calendar_feeds")
QUERY_NAMES = ("q", "town", "worker", "actor", "case", "stage", "kind", "status", "event",
               "lang", "next", "overdue", "year", "days")
DATE_NAMES = ("date", "since", "until", "as_of")


@dataclass
class Abuse:
    """Sends the corpus and notes every answer that is a 500 or recorded something."""

    app: Flask
    failures: list[str] = field(default_factory=list)
    covered: set[tuple[str, str]] = field(default_factory=set)
    sent: int = 0
    state: Any = None

    def __post_init__(self) -> None:
        engine = self.app.extensions["accounts"].engine
        ApiTokens(engine), CalendarFeeds(engine)  # their tables exist from the start

    def recorded(self) -> Any:
        """The event log's position and every account, token and calendar row."""
        engine = self.app.extensions["accounts"].engine
        with engine.connect() as connection:
            rows = [list(connection.exec_driver_sql(f"select * from {t} order by 1"))
                    for t in KEPT_TABLES]
        return self.app.extensions["negotiations"].recorder.max_notification_id(), rows

    def settle(self) -> None:
        """What is recorded now is the baseline (after a step told on purpose)."""
        self.state = self.recorded()

    def send(self, label: str, method: str, path: str,
             call: Callable[[], TestResponse]) -> None:
        """One hostile request: not a 500 (the test app raises it), nothing recorded."""
        rule, _args = self.app.url_map.bind("localhost").match(
            path.split("?")[0], method=method, return_rule=True)
        self.covered.add((rule.rule, method))
        self.sent += 1
        try:
            status = call().status_code
        except Exception as error:  # noqa: BLE001 - a server error, listed with the others
            status = 500
            label += f" ({type(error).__name__}: {str(error)[:80]})"
        now = self.recorded()
        if status >= 500:
            self.failures.append(f"{label}: {status}")
        if now != self.state:
            self.failures.append(f"{label}: recorded something ({status})")
            self.state = now

    def valid(self, path: str, response: TestResponse) -> None:
        """The request the corpus spoils passes every check but the version (a 409): what
        refuses a spoiled one is the hostile value."""
        if response.status_code != 409:
            self.failures.append(f"{path}: the valid request is refused "
                                 f"({response.status_code}) {response.get_data(True)[:300]}")

    def form(self, client: Any, path: str, base: dict[str, Any],
             inputs: list[tuple[str, fields.Field]], stale: dict[str, Any] | None = None,
             files: Callable[[], dict[str, Any]] = dict) -> None:
        """The corpus into each input of an HTML form (``stale``: what makes it refused
        late, to send the odd but acceptable texts with)."""
        if stale:
            self.valid(path, client.post(path, data={**base, **stale, **files()}))
        for turn, (name, item) in enumerate(inputs):
            for value in pick(samples(item, in_json=False), turn):
                self.send(f"POST {path} {name}={str(value)[:20]!r}", "POST", path,
                          lambda v=value, n=name: client.post(path, data={**base, n: v,
                                                                          **files()}))
            for value in odd(item)[turn % 3:][:1] if stale else []:
                self.send(f"POST {path} {name}={value[:20]!r} (stale)", "POST", path,
                          lambda v=value, n=name: client.post(path, data={
                              **base, n: v, **(stale or {}), **files()}))
        self.queries(client, "POST", path, lambda extra: client.post(
            path + extra, data={**base, **files()}), dates=False)

    def body(self, caller: Caller, path: str, base: dict[str, Any], schema: Schema,
             stale: dict[str, Any] | None = None) -> None:
        """The corpus into each field of a JSON body, then whole bodies that are no object,
        nest too deeply or name a field with a lone surrogate."""
        def post(body: Any) -> Callable[[], TestResponse]:
            return lambda: caller.post(path, raw=json.dumps(body))

        if stale:
            self.valid(path, post({**base, **stale})())

        for turn, (where, item) in enumerate(json_inputs(schema)):
            for value in pick(samples(item, in_json=True), turn):
                self.send(f"POST {path} {where}={str(value)[:20]!r}", "POST", API + path,
                          post(replaced(base, where, value)))
            for value in odd(item)[turn % 3:][:1] if stale else []:
                self.send(f"POST {path} {where}={value[:20]!r} (stale)", "POST", API + path,
                          post({**replaced(base, where, value), **(stale or {})}))
            limit = next((v.max for v in item.validators if getattr(v, "max", None)), None)
            if isinstance(item, fields.List) and base.get(where[0]) and limit:
                too_many = base[where[0]][:1] * (limit + 1)
                self.send(f"POST {path} {where} too many", "POST", API + path,
                          post({**base, where[0]: too_many}))
        for value in [*BODIES, nested(40), {**base, SURROGATES[0]: 1}]:
            self.send(f"POST {path} body {str(value)[:20]!r}", "POST", API + path, post(value))
        self.send(f"POST {path} deep", "POST", API + path, lambda: caller.post(path, raw=DEEP))

    def queries(self, client: Any, method: str, path: str,
                call: Callable[[str], TestResponse], *, dates: bool = True) -> None:
        """Hostile query strings: texts in every usual parameter, pages and (for reads,
        where no view acts on them) dates."""
        joiner = "&" if "?" in path else "?"
        strings = [joiner + "&".join(f"{n}={quote(v, safe='')}" for n in QUERY_NAMES)
                   for v in QUERY_TEXTS]
        strings += [f"{joiner}page={quote(p, safe='')}" for p in QUERY_PAGES]
        if dates:
            strings += [joiner + "&".join(f"{n}={d}" for n in DATE_NAMES) for d in QUERY_DATES]
        for extra in strings:
            self.send(f"{method} {path}{extra[:40]}", method, path, lambda e=extra: call(e))
