"""Rows bound for the read models: text no database column takes (NUL, a lone surrogate)
is replaced in exactly the values that hold it, wherever it is in a page, and a page
without any goes through untouched (projections.safe_text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.safe_text import REPLACEMENT, storable, storable_rows

VALUES = st.one_of(st.none(), st.integers(), st.text("兴宁a%\x00\ud800\udfff\ufffd", max_size=6))
ROWS = st.lists(st.tuples(VALUES, VALUES, VALUES), max_size=30)


@given(ROWS)
def test_each_unsafe_text_of_the_text_columns_is_replaced_and_nothing_else(
        rows: list[tuple[object, ...]]) -> None:
    cleaned = storable_rows([0, 2], rows)
    assert [tuple(storable(v) if i in (0, 2) and type(v) is str else v
                  for i, v in enumerate(row)) for row in rows] == list(cleaned)


def test_a_page_without_unsafe_text_is_passed_on_as_it_is() -> None:
    rows = [("兴宁市", None, 3), ("电子", "a\x00b", 4)]   # column 1 is not a text column
    assert storable_rows([0], rows) is rows


def test_the_one_bad_value_of_a_long_page_is_found() -> None:
    rows = [("兴宁市宁新街道", i) for i in range(5000)] + [("坏\ud800", 5000)]
    cleaned = storable_rows([0], rows)
    assert cleaned[-1] == ("坏" + REPLACEMENT, 5000) and cleaned[:-1] == rows[:-1]
