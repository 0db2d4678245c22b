"""Recording through the API: the domain's refusals as problem documents, then read-your-writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app
from marshmallow import ValidationError

from domain.application import Recorded
from domain.errors import CaseConflict, RuleBroken
from domain.rules.sanity import WarningsUnconfirmed
from web.api.problems import invalid, refused, stale, unconfirmed
from web.forms.confirming import warning_items
from web.words.i18n import lang


def recorded_or_problem(command: Callable[[], Recorded]) -> dict[str, Any]:
    """Run ``command``; a broken rule is a 422, a stale version a 409, and nothing is recorded.
    On success, wait (bounded) until the lists include the new entry."""
    try:
        recorded = command()
    except ValidationError as error:
        raise invalid(error.messages) from None
    except WarningsUnconfirmed as error:
        raise unconfirmed(warning_items(error)) from None
    except RuleBroken as error:
        raise refused(error.breaches) from None
    except CaseConflict as error:
        raise stale(error.actual, error.message(lang())) from None
    current_app.extensions["projector"].wait(recorded.notification_id, timeout=2)
    return {"case_id": recorded.case_id, "version": recorded.version,
            "notification_id": recorded.notification_id}
