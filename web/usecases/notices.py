"""What the public may read of a contract in force: the notice fields, nothing else."""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError, validate
from sqlalchemy.engine import RowMapping

from domain.values import ContractKind
from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.clean_text import Text
from web.forms.errors import error_text

STATUSES = ("in_force", "expiring", "expired")
NOTICE_FIELDS = (
    "enterprise", "credit_code", "town", "industry", "contract_kind", "workers_covered",
    "women_covered", "term_start", "term_end", "ratified_on", "ratification_members",
    "ratification_present", "ratification_votes_for", "worker_chief", "employer_chief",
    "signed_on", "filed_on", "effective_on", "effect_basis", "bureau", "key_terms",
    "monitoring_contact", "published_on", "status",
)


class NoticeSearch(Schema):
    """The public search form (query string)."""

    q = Text(load_default="", validate=validate.Length(max=100, error="length:{max}"))
    town = Text(load_default=None, validate=validate.Length(max=50, error="length:{max}"))
    kind = Text(load_default=None, validate=validate.OneOf([str(k) for k in ContractKind],
                                                          error="invalid_choice"))
    status = Text(load_default=None, validate=validate.OneOf(STATUSES, error="invalid_choice"))
    year = Whole(load_default=None, validate=validate.Range(2000, 2100, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)
    page = Whole(load_default=1, validate=validate.Range(1, 10_000, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)
    lang = Text(load_default=None)


def read_search(args: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """(search values, errors by field in the reader's words); blank fields count as
    absent."""
    given = {k: v for k, v in args.items() if v != ""}
    try:
        return NoticeSearch().load(given, unknown="exclude"), {}
    except ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {}
        cleaned = {k: v for k, v in given.items() if k not in messages}
        values = NoticeSearch().load(cleaned, unknown="exclude")
        return values, {k: [error_text(m) for m in v]  # type: ignore[attr-defined]
                        for k, v in messages.items()}


def as_public(row: RowMapping) -> dict[str, Any]:
    """The notice as JSON: exactly the public fields, dates as ISO strings."""
    return {name: (row[name].isoformat() if isinstance(row[name], date) else row[name])
            for name in NOTICE_FIELDS} | {"id": row["case_id"]}
