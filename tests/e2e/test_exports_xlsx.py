"""The exports as Excel opens them: a frozen header row, a filter on every column, columns
as wide as their content, the case number first; the audit export names each entry's case
number and enterprise; CSV still works."""

from __future__ import annotations

import csv
import io
import re

from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from projections.base import engine_of

NUMBER = re.compile(r"^[^-\s]+-20\d\d-\d{4}$")


def sheet_of(client: FlaskClient, url: str) -> Worksheet:
    """The first sheet of the workbook at ``url``."""
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def assert_laid_out(sheet: Worksheet) -> list[tuple[object, ...]]:
    """Frozen header, filter over every row and column, sensible widths; the rows."""
    table = list(sheet.iter_rows(values_only=True))
    last = get_column_letter(len(table[0]))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last}{len(table)}"
    assert all(sheet.cell(row=1, column=i + 1).font.b for i in range(len(table[0])))
    widths = {get_column_letter(i + 1): sheet.column_dimensions[get_column_letter(i + 1)].width
              for i in range(len(table[0]))}
    assert all(8 <= width <= 60 for width in widths.values()), widths
    return table


def test_the_case_export_in_excel(app: Flask, client: FlaskClient, auth) -> None:
    auth.login("zhao")
    sheet = sheet_of(client, "/cases/export.xlsx")
    table = assert_laid_out(sheet)
    header = table[0]
    assert header[:2] == ("案件编号", "企业")
    numbers = [row[0] for row in table[1:]]
    assert numbers and all(NUMBER.match(str(n)) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    longest_name = max(len(str(row[1])) for row in table[1:])
    assert sheet.column_dimensions["B"].width >= 2 * longest_name   # Chinese: two cells each
    assert sheet.column_dimensions["A"].width >= len("兴宁-2026-0001") + 2
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        stored = set(connection.exec_driver_sql(
            "select case_number from case_summaries where scope = ?", ("兴宁市",)).scalars())
    assert set(numbers) == stored
    rows = list(csv.DictReader(io.StringIO(
        client.get("/cases/export.csv").data.decode("utf-8-sig"))))
    assert [r["案件编号"] for r in rows] == numbers


def test_the_audit_export_names_the_case_number_and_enterprise(
        app: Flask, client: FlaskClient, auth) -> None:
    auth.login("zhao")
    table = assert_laid_out(sheet_of(client, "/audit/export.xlsx"))
    header = list(table[0])
    number, enterprise = header.index("案件编号"), header.index("企业")
    assert all(NUMBER.match(str(row[number])) and row[enterprise] for row in table[1:])
    with engine_of(app.extensions["negotiations"]).connect() as connection:
        named = dict(connection.exec_driver_sql(
            "select case_number, enterprise from case_summaries").all())
    assert all(named[row[number]] == row[enterprise] for row in table[1:])
    one = table[1][number]
    by_number = list(csv.DictReader(io.StringIO(client.get(
        "/audit/export.csv", query_string={"case": one}).data.decode("utf-8-sig"))))
    assert by_number and {r["案件编号"] for r in by_number} == {one}
    assert len(by_number) == sum(1 for row in table[1:] if row[number] == one)
    page = client.get("/audit", query_string={"case": one}).get_data(as_text=True)
    assert f'class="case-number">{one}</a>' in page
