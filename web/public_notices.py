"""What the public may read of a contract in force: the notice fields, nothing else."""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy.engine import RowMapping

from domain.values import ContractKind

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

    q = fields.String(load_default="", validate=validate.Length(max=100))
    town = fields.String(load_default=None, validate=validate.Length(max=50))
    kind = fields.String(load_default=None, validate=validate.OneOf([str(k) for k in ContractKind]))
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    year = fields.Integer(load_default=None, validate=validate.Range(2000, 2100))
    page = fields.Integer(load_default=1, validate=validate.Range(1, 10_000))
    lang = fields.String(load_default=None)


def read_search(args: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """(search values, errors by field); blank fields count as absent."""
    given = {k: v for k, v in args.items() if v != ""}
    try:
        return NoticeSearch().load(given, unknown="exclude"), {}
    except ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {}
        cleaned = {k: v for k, v in given.items() if k not in messages}
        values = NoticeSearch().load(cleaned, unknown="exclude")
        return values, {k: list(v) for k, v in messages.items()}  # type: ignore[arg-type]


def as_public(row: RowMapping) -> dict[str, Any]:
    """The notice as JSON: exactly the public fields, dates as ISO strings."""
    return {name: (row[name].isoformat() if isinstance(row[name], date) else row[name])
            for name in NOTICE_FIELDS} | {"id": row["case_id"]}
