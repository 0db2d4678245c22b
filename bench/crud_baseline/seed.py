"""Filling the baseline's database: given rows (e.g. copied from Xieshang's demo store), or
synthetic ones."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine

from crud_baseline.models import Base, Case, Deadline, Note, Notice

CHUNK = 5000
NOTE_TEXTS = ("与企业人事部门电话沟通，对方表示配合", "工会主席反映职工参与热情较高",
              "企业负责人出差，协商时间顺延", "已向镇总工会汇报进展",
              "职工代表提出希望增加培训机会", "督导意见：注意留存书面材料")


@dataclass(frozen=True)
class CaseRow:
    """A case to seed; it gets ``version`` notes (one per version, as an event log would)."""

    key: str
    enterprise: str
    town: str
    stage: str
    assigned_to: str
    scope: str
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class NoticeRow:
    """A public notice of the case ``case_key``."""

    case_key: str
    enterprise: str
    town: str
    industry: str
    contract_kind: str
    workers_covered: int
    term_start: date
    term_end: date
    published_on: date


@dataclass(frozen=True)
class DeadlineRow:
    """A deadline of the case ``case_key``."""

    case_key: str
    kind: str
    due_on: date
    met_on: date | None
    scope: str
    assigned_to: str


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def seed(engine: Engine, cases: Sequence[CaseRow], notices: Sequence[NoticeRow] = (),
         deadlines: Sequence[DeadlineRow] = ()) -> dict[str, int]:
    """Create the tables afresh and insert the rows; return each case key's row id.

    Each case gets ``version`` notes (seq 1…version, the last written at ``updated_at``),
    so the notes table holds as many rows as Xieshang's log holds events."""
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    ids = {row.key: number for number, row in enumerate(cases, 1)}
    rng = random.Random(2026)

    def case_rows() -> Iterator[dict[str, Any]]:
        for row in cases:
            yield {"id": ids[row.key], "case_no": f"C{ids[row.key]:08d}",
                   "enterprise": row.enterprise, "town": row.town, "stage": row.stage,
                   "assigned_to": row.assigned_to, "scope": row.scope,
                   "version": row.version, "updated_at": row.updated_at}

    def note_rows() -> Iterator[dict[str, Any]]:
        for row in cases:
            for seq in range(1, row.version + 1):
                yield {"case_id": ids[row.key], "seq": seq, "text": rng.choice(NOTE_TEXTS),
                       "created_at": row.updated_at - timedelta(days=row.version - seq),
                       "author": row.assigned_to}

    def notice_rows() -> Iterator[dict[str, Any]]:
        for number, n in enumerate(notices, 1):
            yield {"id": number, "case_id": ids[n.case_key], "enterprise": n.enterprise,
                   "town": n.town, "industry": n.industry, "contract_kind": n.contract_kind,
                   "workers_covered": n.workers_covered, "term_start": n.term_start,
                   "term_end": n.term_end, "published_on": n.published_on}

    def deadline_rows() -> Iterator[dict[str, Any]]:
        for number, d in enumerate(deadlines, 1):
            yield {"id": number, "case_id": ids[d.case_key], "kind": d.kind,
                   "due_on": d.due_on, "met_on": d.met_on, "scope": d.scope,
                   "assigned_to": d.assigned_to}

    with engine.begin() as connection:
        for table, rows in ((Case, case_rows()), (Note, note_rows()),
                            (Notice, notice_rows()), (Deadline, deadline_rows())):
            for chunk in _chunks(rows):
                connection.execute(insert(table), chunk)
        if engine.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for name in ("cases", "notices", "deadlines"):
                connection.execute(text(
                    f"select setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"coalesce((select max(id) from {name}), 0) + 1, false)"))
        connection.execute(text("analyze"))
    return ids


SCOPES = ("兴宁市", "梅江区", "梅县区", "五华县", "东莞市")
STAGES = ("opened", "surveyed", "representatives", "offer_sent", "negotiating",
          "draft_agreed", "ratified", "signed", "filed", "in_force", "published", "closed")


def synthetic(cases: int, notes_per_case: int = 25, *, seed_value: int = 2026
              ) -> tuple[list[CaseRow], list[NoticeRow], list[DeadlineRow]]:
    """Rows without Xieshang: ``cases`` cases of ``notes_per_case`` notes each, a notice for
    every published case and two deadlines for every other one."""
    rng, now, today = random.Random(seed_value), datetime.now(UTC), date.today()
    rows, notices, deadlines = [], [], []
    for number in range(cases):
        scope, stage = rng.choice(SCOPES), rng.choice(STAGES)
        name = f"{scope}{rng.choice('宏鸿华兴嘉恒永金')}{rng.choice('达运强盛誉丰')}" \
               f"{rng.choice(('电子', '制衣', '建材', '食品', '物流'))}有限公司"
        row = CaseRow(f"s{number}", name, scope + "镇", stage, f"sw-{rng.randint(1, 40):03d}",
                      scope, notes_per_case, now - timedelta(minutes=rng.randint(0, 10**6)))
        rows.append(row)
        if stage == "published":
            start = today - timedelta(days=rng.randint(0, 1000))
            notices.append(NoticeRow(row.key, name, row.town, "制造业", "wage",
                                     rng.randint(20, 2000), start, start + timedelta(1095),
                                     start + timedelta(20)))
        elif stage != "closed":
            for kind in ("reply", "session"):
                deadlines.append(DeadlineRow(row.key, kind,
                                             today + timedelta(days=rng.randint(-30, 60)),
                                             None, scope, row.assigned_to))
    return rows, notices, deadlines
