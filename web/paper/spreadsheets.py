"""Downloads of the case list and the audit log as CSV (UTF-8 with BOM) or XLSX."""

from __future__ import annotations

import csv
import io
import unicodedata
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
MIN_WIDTH, MAX_WIDTH = 8, 60
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


def width(value: Cell) -> int:
    """How many character cells ``value`` takes in a spreadsheet column: dates and times
    their printed length, a Chinese character two."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value)
    return len(text) + sum(1 for char in text if unicodedata.east_asian_width(char) in "WF")


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[float]:
    """Each column's width: its widest cell (the header's in bold) plus a margin, at least
    :data:`MIN_WIDTH` and at most :data:`MAX_WIDTH` (longer text is cut off on screen, not
    in the cell)."""
    widest = [width(header) + 2 for header in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widest[i] = max(widest[i], width(cell))
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widest]


def to_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str) -> bytes:
    """An Excel workbook of one sheet: a bold header row, frozen and with a filter on
    every column, each column as wide as its content, dates as dates (openpyxl, some
    20 MB, is imported on the first export a process makes, not when the app starts)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cells = [[safe(cell) for cell in row] for row in rows]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    for i, size in enumerate(column_widths(headers, cells), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = size
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(headers), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(cells) + 1}"
    bold = Font(bold=True)
    header_row = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_row.append(cell)
    sheet.append(header_row)
    for row in cells:
        sheet.append(row)
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
        (_("Case number"), lambda r: r["case_number"]),
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
        (_("Next step"), lambda r: label("step", r["next_step"]) if r["next_step"] else None),
        (_("Next deadline"), lambda r: r["next_due_on"]),
        (_("Last activity"), lambda r: china_time(r["updated_at"])),
        (_("Term start"), lambda r: r["term_start"]),
        (_("Term end"), lambda r: r["term_end"]),
        (_("Effective on"), lambda r: r["effective_on"]),
        (_("Case ID"), lambda r: r["case_id"]),
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
        (_("Case number"), lambda r: r["case_number"]),
        (_("Enterprise"), lambda r: r["enterprise"]),
        (_("Entry number"), lambda r: r["version"]),
        (_("Case ID"), lambda r: r["case_id"]),
        (_("Scope"), lambda r: r["scope"]),
    ]
