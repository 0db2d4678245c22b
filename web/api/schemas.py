"""What the API answers with, as marshmallow schemas (they document the responses)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from domain.deadlines import DeadlineKind, DeadlineStatus
from domain.stages import Stage
from domain.values import ContractKind, Role
from web.forms.bounds import WHOLE_ERRORS, Whole, page_field, per_page_field
from web.forms.clean_text import Text
from web.usecases.notices import STATUSES


def _one_of(values: object) -> validate.OneOf:
    return validate.OneOf([str(v) for v in values],  # type: ignore[attr-defined]
                          error="invalid_choice")


def _at_most(count: int) -> validate.Length:
    return validate.Length(max=count, error="length:{max}")


class ActorSchema(Schema):
    """Who recorded an entry or holds a case."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    role = fields.String(required=True, validate=_one_of(Role))


class EnterpriseSchema(Schema):
    """The enterprise a case is about."""

    name = fields.String(required=True)
    credit_code = fields.String(required=True)
    town = fields.String(required=True)
    industry = fields.String(required=True)
    headcount = fields.Integer(required=True)
    women = fields.Integer(required=True)
    has_union = fields.Boolean(required=True)
    legal_representative = fields.String(required=True)


class DeadlineSchema(Schema):
    """One clock of a case and how it stands."""

    kind = fields.String(required=True, validate=_one_of(DeadlineKind))
    source_version = fields.Integer(required=True)
    starts_on = fields.Date(required=True)
    due_on = fields.Date(required=True)
    met_on = fields.Date(required=True, allow_none=True)
    status = fields.String(required=True, validate=_one_of(DeadlineStatus))


class CaseSchema(Schema):
    """A case as it stands (or stood on ``as_of``)."""

    id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    as_of = fields.Date(required=True, allow_none=True)
    stage = fields.String(required=True, validate=_one_of(Stage))
    closed = fields.Boolean(required=True)
    contract_kind = fields.String(required=True, validate=_one_of(ContractKind))
    scope = fields.String(required=True)
    opened_on = fields.Date(required=True)
    enterprise = fields.Nested(EnterpriseSchema, required=True)
    assigned_to = fields.Nested(ActorSchema, required=True)
    deadlines = fields.List(fields.Nested(DeadlineSchema), required=True)
    next_steps = fields.List(fields.String(), required=True, metadata={
        "description": "Steps that fit next and that the caller may record"})


class EntrySchema(Schema):
    """One entry of a case's history, exactly as recorded."""

    version = fields.Integer(required=True)
    type = fields.String(required=True)
    by = fields.Nested(ActorSchema, required=True)
    occurred_on = fields.Date(required=True)
    recorded_at = fields.DateTime(required=True)
    facts = fields.Dict(required=True)
    corrected_by = fields.List(fields.Integer(), required=True)


class HistorySchema(Schema):
    """A case's whole history, oldest first (corrections are entries of their own)."""

    case_id = fields.UUID(required=True)
    entries = fields.List(fields.Nested(EntrySchema), required=True)


class RecordedSchema(Schema):
    """What a write answers: the case's new version and the log position it reached."""

    case_id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    notification_id = fields.Integer(required=True)


class PageArgs(Schema):
    """Which page of a list."""

    page = page_field()
    per_page = per_page_field()


class PageSchema(Schema):
    """Every list answers with one page and the total."""

    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class CaseListArgs(PageArgs):
    """Filters of the case list (all optional)."""

    q = Text(load_default="", validate=_at_most(100),
             metadata={"description": "Words in the enterprise, town, industry..."})
    stage = Text(validate=_one_of(Stage))
    kind = Text(validate=_one_of(ContractKind))
    town = Text(validate=_at_most(50))
    worker = Text(validate=_at_most(40),
                  metadata={"description": "Assigned social worker's account id"})
    overdue = fields.Boolean(load_default=False, error_messages={"invalid": "invalid_choice"})


class CaseRowSchema(Schema):
    """One row of the case list."""

    case_id = fields.UUID(required=True)
    case_number = fields.String(required=True)
    version = fields.Integer(required=True)
    enterprise = fields.String(required=True)
    credit_code = fields.String(required=True)
    town = fields.String(required=True)
    industry = fields.String(required=True)
    contract_kind = fields.String(required=True)
    stage = fields.String(required=True)
    assigned_id = fields.String(required=True)
    assigned_name = fields.String(required=True)
    scope = fields.String(required=True)
    opened_on = fields.Date(required=True)
    updated_on = fields.Date(required=True)
    next_due_on = fields.Date(required=True, allow_none=True)
    next_due_kind = fields.String(required=True, allow_none=True)
    overdue = fields.Boolean(required=True)
    closed = fields.Boolean(required=True)


class CasePageSchema(PageSchema):
    """A page of the case list."""

    items = fields.List(fields.Nested(CaseRowSchema), required=True)


class NoticeArgs(PageArgs):
    """The public notice search."""

    q = Text(load_default="", validate=_at_most(100))
    town = Text(validate=_at_most(50))
    kind = Text(validate=_one_of(ContractKind))
    status = Text(validate=_one_of(STATUSES))
    year = Whole(validate=validate.Range(2000, 2100, error="range:{min}:{max}"),
                 error_messages=WHOLE_ERRORS)


class NoticeSchema(Schema):
    """A public notice: exactly its fields (docs/procedure.md, the public notice)."""

    id = fields.UUID(required=True)
    enterprise = fields.String(required=True)
    credit_code = fields.String(required=True)
    town = fields.String(required=True)
    industry = fields.String(required=True)
    contract_kind = fields.String(required=True)
    workers_covered = fields.Integer(required=True)
    women_covered = fields.Integer(required=True)
    term_start = fields.Date(required=True)
    term_end = fields.Date(required=True)
    ratified_on = fields.Date(required=True)
    ratification_members = fields.Integer(required=True)
    ratification_present = fields.Integer(required=True)
    ratification_votes_for = fields.Integer(required=True)
    worker_chief = fields.String(required=True)
    employer_chief = fields.String(required=True)
    signed_on = fields.Date(required=True)
    filed_on = fields.Date(required=True)
    effective_on = fields.Date(required=True)
    effect_basis = fields.String(required=True)
    bureau = fields.String(required=True)
    key_terms = fields.Dict(required=True)
    monitoring_contact = fields.String(required=True)
    published_on = fields.Date(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))


class NoticePageSchema(PageSchema):
    """A page of public notices."""

    items = fields.List(fields.Nested(NoticeSchema), required=True)
