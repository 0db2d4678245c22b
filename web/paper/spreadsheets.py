"""Downloads of the case list and the audit log as CSV (UTF-8 with BOM) or XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from flask import Response
from flask_babel import gettext as _
from sqlalchemy.engine import RowMapping

from domain.clock import CHINA
from projections.queries import Page
from web.words.i18n import label

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
MAX_ROWS = 20_000
Cell = str | int | float | date | datetime | None
Column = tuple[str, Callable[[RowMapping], Cell]]


def safe(value: Any) -> Cell:
    """A cell value; text that a spreadsheet would run as a formula is made inert."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value  # type: ignore[no-any-return]


def china_time(moment: datetime | None) -> datetime | None:
    """A recording time as China wall-clock time, without zone (spreadsheets keep none)."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA).replace(tzinfo=None, microsecond=0)


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel opens Chinese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else safe(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str) -> bytes:
    """An Excel workbook of one sheet: a bold header row, dates as dates (openpyxl, some
    20 MB, is imported on the first export a process makes, not when the app starts)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append(list(headers))
    for row in rows:
        sheet.append([safe(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def all_rows(fetch: Callable[[int], Page]) -> Iterator[RowMapping]:
    """Every row of a paged query (at most :data:`MAX_ROWS`), page after page."""
    page_number, seen = 1, 0
    while seen < MAX_ROWS:
        page = fetch(page_number)
        yield from page.rows
        seen += len(page.rows)
        if not page.rows or seen >= page.total:
            return
        page_number += 1


def download(fmt: str, name: str, columns: Sequence[Column],
             rows: Iterable[RowMapping]) -> Response:
    """The rows as a file to save: ``fmt`` is ``csv`` or ``xlsx``."""
    headers = [title for title, _ in columns]
    cells = ([value(row) for _, value in columns] for row in rows)
    if fmt == "xlsx":
        body = to_xlsx(headers, cells, name)
    else:
        fmt, body = "csv", to_csv(headers, cells)
    response = Response(body, mimetype=FORMATS[fmt].split(";")[0])
    response.headers["Content-Type"] = FORMATS[fmt]
    stamp = datetime.now(tz=CHINA).strftime("%Y%m%d")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return response


def case_columns() -> list[Column]:
    """The case list's columns, headed in the current language."""
    return [
        (_("Case ID"), lambda r: r["case_id"]),
        (_("Enterprise"), lambda r: r["enterprise"]),
        (_("Credit code"), lambda r: r["credit_code"]),
        (_("Town"), lambda r: r["town"]),
        (_("Industry"), lambda r: r["industry"]),
        (_("Contract kind"), lambda r: label("kind", r["contract_kind"])),
        (_("Stage"), lambda r: label("stage", r["stage"])),
        (_("Social worker"), lambda r: r["assigned_name"]),
        (_("Scope"), lambda r: r["scope"]),
        (_("Headcount"), lambda r: r["headcount"]),
        (_("Women workers"), lambda r: r["women"]),
        (_("Opened on"), lambda r: r["opened_on"]),
        (_("Next deadline"), lambda r: r["next_due_on"]),
        (_("Term start"), lambda r: r["term_start"]),
        (_("Term end"), lambda r: r["term_end"]),
        (_("Effective on"), lambda r: r["effective_on"]),
    ]


def audit_columns() -> list[Column]:
    """The audit log's columns, headed in the current language."""
    return [
        (_("Recorded at"), lambda r: china_time(r["recorded_at"])),
        (_("Business date"), lambda r: r["occurred_on"]),
        (_("Recorded by"), lambda r: r["actor_name"]),
        (_("Account"), lambda r: r["actor_id"]),
        (_("Entry"), lambda r: label("event", r["event_type"])),
        (_("Summary"), lambda r: r["summary"]),
        (_("Case ID"), lambda r: r["case_id"]),
        (_("Version"), lambda r: r["version"]),
        (_("Scope"), lambda r: r["scope"]),
    ]
