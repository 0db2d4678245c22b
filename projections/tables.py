"""The read-model tables (SQLAlchemy Core), in the same database as the events.

Columns marked ``info=ENCRYPTED`` hold personal text: encrypted when a cipher key is set
(see :mod:`projections.encryption`). The searched tables' search texts are indexed (see
:mod:`projections.search_index`): on SQLite through gram tables keyed by their ``doc``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from projections.encryption import ENCRYPTED
from projections.search_index import searchable

metadata = MetaData()
ID = BigInteger().with_variant(Integer(), "sqlite")

case_summaries = Table(
    "case_summaries", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("enterprise", Text, nullable=False),
    Column("credit_code", String(18), nullable=False),
    Column("town", Text, nullable=False),
    Column("industry", Text, nullable=False),
    Column("contract_kind", String(16), nullable=False),
    Column("stage", String(24), nullable=False),
    Column("stage_order", Integer, nullable=False),
    Column("assigned_id", Text, nullable=False),
    Column("assigned_name", Text, nullable=False, info=ENCRYPTED),
    Column("scope", Text, nullable=False),
    Column("headcount", Integer, nullable=False),
    Column("women", Integer, nullable=False),
    Column("opened_on", Date, nullable=False),
    Column("updated_on", Date, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("next_due_on", Date),
    Column("next_due_kind", String(16)),
    Column("term_start", Date),
    Column("term_end", Date),
    Column("effective_on", Date),
    Column("closed", Boolean, nullable=False),
    Column("search_text", Text, nullable=False),  # normalised, see projections.search_text
    Column("doc", ID, nullable=False),  # its grams' key on SQLite (search_grams.document)
    # the human case number, allocated in log order (projections.case_numbers)
    Column("case_number", Text, nullable=False),
    Column("number_prefix", Text, nullable=False),
    Column("number_seq", Integer, nullable=False),
    Column("next_step", String(32)),  # the first procedure step the worker may take
    Column("waiting_kind", String(16)),  # the bureau's clock the case waits on, if any
    Column("waiting_until", Date),
    Column("stalls_on", Date),  # from this China day on, stalled (None: closed)
    Column("pending_sign_offs", Integer, nullable=False),
    Column("attention", String(64)),  # the newest outcome holding it back (case_file.attention)
    Column("packet_missing", Integer),  # filed with this many items missing (filing_packet)
    Index("ix_case_summaries_assigned", "assigned_id"),
    Index("ix_case_summaries_town", "town"),
    Index("ix_case_summaries_next_due", "next_due_on"),
    Index("ix_case_summaries_updated", "updated_at"),
)
# A scope's list (queries.list_cases), alone or by stage or worker, read in the list's order
# (newest first) with no sort; the worker index also gives the scope's workers, one index
# step each (choices.case_workers). (An index of (scope, stage) alone, which these replace,
# stays in a database made before them until its next rebuild.)
_summary = case_summaries.c
_newest_first = (_summary.updated_at.desc(), _summary.case_id)
Index("ix_case_summaries_scope_updated", _summary.scope, *_newest_first)
Index("ix_case_summaries_scope_stage_updated", _summary.scope, _summary.stage, *_newest_first)
Index("ix_case_summaries_scope_assigned", _summary.scope, _summary.assigned_id, *_newest_first)
Index("ix_case_summaries_doc", _summary.doc).ddl_if(dialect="sqlite")
Index("ix_case_summaries_number", _summary.number_prefix, _summary.number_seq, unique=True)
Index("ix_case_summaries_case_number", _summary.case_number)
case_search = searchable(case_summaries, "case_search")

deadlines = Table(
    "case_deadlines", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("source_version", Integer, primary_key=True),
    Column("starts_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("met_on", Date),
    Column("scope", Text, nullable=False),
    Column("assigned_id", Text, nullable=False),
    Column("lapses", Boolean, nullable=False),  # a closed case's renewal window (Deadline)
    Index("ix_case_deadlines_open_due", "met_on", "due_on"),
    Index("ix_case_deadlines_assigned_due", "assigned_id", "due_on"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("notification_id", ID, primary_key=True, autoincrement=False),
    Column("case_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("event_type", String(40), nullable=False),
    Column("actor_id", Text, nullable=False),
    Column("actor_name", Text, nullable=False, info=ENCRYPTED),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("scope", Text, nullable=False),
    Column("summary", Text, nullable=False, info=ENCRYPTED),
    Index("ix_audit_case", "case_id", "version"),
    Index("ix_audit_actor", "actor_id", "recorded_at"),
    Index("ix_audit_type", "event_type", "recorded_at"),
    Index("ix_audit_recorded", "recorded_at"),
)

stage_periods = Table(
    "stage_periods", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("stage", String(24), nullable=False),
    Column("entered_on", Date, nullable=False),
    Column("left_on", Date),
    Index("ix_stage_periods_stage", "stage"),
)

public_notices = Table(
    "public_notices", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("enterprise", Text, nullable=False),
    Column("credit_code", String(18), nullable=False),
    Column("town", Text, nullable=False),
    Column("industry", Text, nullable=False),
    Column("contract_kind", String(16), nullable=False),
    Column("workers_covered", Integer, nullable=False),
    Column("women_covered", Integer, nullable=False),
    Column("term_start", Date, nullable=False),
    Column("term_end", Date, nullable=False),
    Column("ratified_on", Date, nullable=False),
    Column("ratification_members", Integer, nullable=False),
    Column("ratification_present", Integer, nullable=False),
    Column("ratification_votes_for", Integer, nullable=False),
    Column("worker_chief", Text, nullable=False, info=ENCRYPTED),
    Column("employer_chief", Text, nullable=False, info=ENCRYPTED),
    Column("signed_on", Date, nullable=False),
    Column("filed_on", Date, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("effect_basis", String(16), nullable=False),
    Column("bureau", Text, nullable=False, info=ENCRYPTED),
    Column("key_terms", JSON, nullable=False, info=ENCRYPTED),
    Column("monitoring_contact", Text, nullable=False, info=ENCRYPTED),
    Column("published_on", Date, nullable=False),
    Column("search_text", Text, nullable=False),  # public fields only (search_text)
    Column("doc", ID, nullable=False),  # its grams' key on SQLite
    Index("ix_public_notices_term_end", "term_end"),
    Index("ix_public_notices_published", "published_on"),
)
# The public search by town, read in its order (newest published first) with no sort.
_notice = public_notices.c
Index("ix_public_notices_town_published", _notice.town, _notice.published_on.desc(),
      _notice.case_id)
Index("ix_public_notices_doc", _notice.doc).ddl_if(dialect="sqlite")
notice_search = searchable(public_notices, "notice_search")
