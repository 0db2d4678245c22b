"""Privacy: nothing but the public notice fields (docs/procedure.md, the public notice)
reaches the public tables.

A case carries a marker in every internal text (survey findings, notes, minutes, the
non-chief representatives' names, positions and phones...). Once its contract is
published, the marker is nowhere in the public notices nor in the public search text.
Controls show the search for it works: the marker is in the event store and in the
audit log, and a second marker put in the public key-term summary is found.
"""

from __future__ import annotations

from datetime import date, timedelta

from casebook import Dates, open_case, tell
from sqlalchemy import Text, cast, select
from sqlalchemy.engine import Engine
from storyteller import OTHER_CLERK, Story, raw_execute

from config.settings import Settings
from domain.values import OutreachKind, Representative, Side
from projections.queries import search_notices
from projections.runner import Projector
from projections.tables import audit_log, public_notices

SECRET = "QX7SECRET"      # ASCII, so it shows even in JSON that escapes Chinese
PUBLIC = "QX7PUBLIC"
DATES = Dates(date(2024, 3, 4))


def public_text(engine: Engine) -> str:
    """Every column of every public notice (its public search text among them), as text:
    both as the database holds them and as Python reads them back (JSON decoded)."""
    columns = list(public_notices.columns)
    with engine.connect() as connection:
        raw = select(*(cast(c, Text) for c in columns))
        parts = [repr(tuple(row)) for row in connection.execute(raw)]
        parts += [repr(tuple(row)) for row in connection.execute(select(*columns))]
    return "\n".join(parts)


def test_internal_texts_never_reach_the_public_notice(
        store: Settings, engine: Engine, story: Story) -> None:
    case_id = open_case(story, "梅县区保密测试机械有限公司", DATES.opened, town="梅县区",
                        legal_representative=f"王总{SECRET}")
    tell(story, case_id, DATES, until="appoint_representatives", secret=SECRET)
    day = DATES.appointed
    story.step("record_outreach", case_id, day, kind=OutreachKind.TRAINING, participants=12,
               description=f"培训{SECRET}")
    story.step("record_vacancy", case_id, day, side=Side.WORKERS, name=f"刘二{SECRET}",
               reason=f"离职{SECRET}")
    story.step("replace_representative", case_id, day + timedelta(days=2),
               side=Side.WORKERS, name=f"刘二{SECRET}",
               replacement=Representative(f"刘四{SECRET}", position=f"班长{SECRET}",
                                          phone=f"139{SECRET}"))
    story.note(case_id, f"员工私下反映{SECRET}", occurred_on=day + timedelta(days=2))
    story.step("attach_file", case_id, day + timedelta(days=2),
               filename=f"名单{SECRET}.pdf", media_type="application/pdf", size=1024,
               sha256="a" * 64, description=f"代表名单{SECRET}")
    tell(story, case_id, DATES, start="send_offer", secret=SECRET, public=PUBLIC)
    later = DATES.published + timedelta(days=30)
    story.step("review_implementation", case_id, later, findings=f"履约良好{SECRET}",
               problems=f"加班{SECRET}")
    story.step("reassign", case_id, later, to=OTHER_CLERK, reason=f"调岗{SECRET}")
    Projector(story.app).catch_up()

    published = search_notices(engine, date(2025, 1, 1)).rows
    assert [row["case_id"] for row in published] == [str(case_id)]
    assert published[0]["worker_chief"] == "刘一" and published[0]["employer_chief"] == "陈一"

    text = public_text(engine)
    assert PUBLIC in text, "control: the dump covers the key terms"
    assert SECRET not in text
    assert search_notices(engine, date(2025, 1, 1), text=SECRET).total == 0
    assert search_notices(engine, date(2025, 1, 1), text=PUBLIC).total == 1

    # Controls: the marker is stored, and the (internal) audit log names the vacancy.
    stored = raw_execute(store, "SELECT state FROM negotiations_events")
    with_marker = [r for r in stored if SECRET.encode() in bytes(r[0])]
    assert len(with_marker) >= 10
    with engine.connect() as connection:
        summaries = connection.execute(select(audit_log.c.summary)).scalars().all()
    assert f"职工方代表 刘二{SECRET} 出缺" in summaries
