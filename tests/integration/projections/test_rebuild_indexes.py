"""A rebuild fills the read models' tables without their secondary indexes (faster) but
keeps the unique ones, rules the rows must keep as they go in, and puts every index back
at the end (SQLite file and PostgreSQL)."""

from __future__ import annotations

from casebook import Cases
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from domain.commands import Negotiations
from projections.runner import Projector


def indexes(engine: Engine, projector: Projector) -> dict[str, set[str]]:
    """Each read-model table's indexes in the database, by name."""
    inspector = inspect(engine)
    return {table.name: {i["name"] for i in inspector.get_indexes(table.name)}
            for model in projector.models for table in model.owned}


def test_a_reset_keeps_the_unique_indexes_and_a_rebuild_restores_the_rest(
        app: Negotiations, engine: Engine, cases: Cases) -> None:
    projector = Projector(app)
    made = indexes(engine, projector)
    declared = {table.name: {i.name for i in table.indexes if i.name}
                for model in projector.models for table in model.owned}
    unique = {table.name: {i.name for i in table.indexes if i.name and i.unique}
              for model in projector.models for table in model.owned}
    assert any(unique.values()), "some read model has a unique index"
    for model in projector.models:
        model.reset()
    during = indexes(engine, projector)
    for name, kept in unique.items():
        assert kept <= during[name], f"{name}: a unique index went in the reset"
        assert not (declared[name] - kept) & during[name], f"{name}: secondary index kept"
    projector.rebuild()
    assert indexes(engine, projector) == made
