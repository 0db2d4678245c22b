"""A read model an earlier release kept and this one does not: its tables go.

Earlier releases kept a ``search`` read model (``search_index``, one row per case with
its internal and public search text, and its position in ``search_tracking``) that
nothing read. A store made by them still holds both tables, a tracking row and perhaps
events set aside for it; the runner drops them all when it is constructed (which every
``xieshang projections run``, ``rebuild`` and ``status`` and every web process does).
"""

from __future__ import annotations

from casebook import Cases, dump_all, positions
from sqlalchemy import Column, MetaData, String, Table, Text, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from domain.commands import Negotiations
from projections import set_aside
from projections.base import ReadModel, Write, datastore_of
from projections.batch import Batch
from projections.bulk import insert_rows
from projections.runner import READ_MODELS, Projector
from projections.set_aside import SetAside

RETIRED_TABLES = {"search_index", "search_tracking"}
old_metadata = MetaData()
old_search_index = Table(               # as the earlier release defined it
    "search_index", old_metadata,
    Column("case_id", String(36), primary_key=True),
    Column("scope", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("public_text", Text),
)


class OldSearch(ReadModel):
    """The retired read model, as far as its tables go."""

    name = "search"
    owned = (old_search_index,)

    def prepare(self, batch: Batch) -> Write:
        """Not used: the test writes its rows itself."""
        raise NotImplementedError


def leave_an_old_search_model(app: Negotiations, last_id: int, case_id: str) -> None:
    """The tables, a row, the position and an event set aside that an earlier release
    left behind."""
    old = OldSearch(datastore_of(app))
    old.create_table()
    row = {"case_id": "0" * 36, "scope": "xingning", "text": "兴宁电子", "public_text": None}
    aside = [SetAside("search", 1, case_id, 1, "refused"),
             SetAside("audit_log", 2, case_id, 2, "refused")]
    with old.transaction(commit=True) as session:
        old.record(session, lambda s: insert_rows(s, old_search_index, [row]), old.position,
                   last_id)
        set_aside.record(session, aside)


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_the_runner_drops_the_tables_of_the_retired_search_model(
        app: Negotiations, engine: Engine, cases: Cases) -> None:
    projector = Projector(app)
    assert projector.catch_up() == 34
    clean = dump_all(engine)
    leave_an_old_search_model(app, 34, str(cases.food))
    assert tables(engine) >= RETIRED_TABLES, "control: the old release's tables are there"
    with Session(engine) as session:
        assert session.execute(old_search_index.select()).all(), "control: with a row"
    assert {row.model for row in set_aside.listed(engine)} == {"search", "audit_log"}

    restarted = Projector(app)

    assert not RETIRED_TABLES & tables(engine)
    assert [row.model for row in set_aside.listed(engine)] == ["audit_log"], \
        "only the retired model's events set aside are forgotten"
    assert [m.name for m in restarted.models] == [m.name for m in READ_MODELS]
    assert "search" not in Projector.names()
    assert set(positions(engine).values()) == {34}, "the kept models keep their place"
    assert dump_all(engine) == clean
    assert restarted.rebuild() == 34
    assert dump_all(engine) == clean
    assert not RETIRED_TABLES & tables(engine)

