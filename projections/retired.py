"""Read models earlier releases kept and this one does not: their tables are dropped.

``search`` (table ``search_index``: each case's internal and public search text) was
written on every page and read by nothing; the case list and the public search read the
same texts from ``case_summaries`` and ``public_notices`` (see
:mod:`projections.search_text`). A store made by those releases still holds its table,
its tracking table (``search_tracking``) and perhaps events set aside for it: the runner
drops them all when it is constructed (:func:`drop_retired`), so ``projections run``,
``rebuild`` and ``status`` and every web process leave none behind.
"""

from __future__ import annotations

from sqlalchemy import delete, inspect
from sqlalchemy.engine import Engine

from projections.set_aside import set_aside_table

RETIRED: dict[str, tuple[str, ...]] = {"search": ("search_index", "search_tracking")}
"""Each retired read model's name, and the tables it kept (its tracking table last)."""


def drop_retired(engine: Engine) -> list[str]:
    """Drop every table of a retired read model, and forget the events set aside for it,
    in one transaction; return the tables dropped. A store without them is only read."""
    present = set(inspect(engine).get_table_names())
    found = {model: [t for t in tables if t in present] for model, tables in RETIRED.items()}
    dropped = [table for tables in found.values() for table in tables]
    if not dropped:
        return []
    quote = engine.dialect.identifier_preparer.quote
    with engine.begin() as connection:
        connection.execute(delete(set_aside_table)
                           .where(set_aside_table.c.model.in_(list(found))))
        for table in dropped:   # IF EXISTS: another process may be dropping it too
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {quote(table)}")
    return dropped
