"""The grams of a search text (projections.search_grams) never miss a substring: whatever
the text and whichever part of it is searched, the text holds every gram of the query, and
every FTS5 token of it.
(That the database then finds exactly the scan's rows is tested in
tests/integration/projections/test_search_index.py.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from projections.safe_text import storable
from projections.search_grams import document, fts_query, fts_text, grams, query_grams
from projections.search_text import normalise

TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=40) | st.text("兴宁市宁新街道某电子食品%_.\"' aAｗ", min_size=1)


@given(TEXTS, st.data())
def test_every_substring_s_grams_are_among_the_text_s(text: str, data: st.DataObject) -> None:
    stored = storable(normalise(text))     # as the database keeps it (NUL as U+FFFD)
    if not stored:
        return
    start = data.draw(st.integers(0, len(stored) - 1))
    end = data.draw(st.integers(start + 1, len(stored)))
    wanted = query_grams([stored[start:end]])
    assert set(wanted) <= set(grams(stored))
    tokens = set(fts_text(stored).split(" "))
    assert {token.strip('"') for token in fts_query(wanted).split(" AND ")} <= tokens


def test_tokens_are_words_of_one_piece() -> None:
    assert grams("兴宁市宁") == ["兴", "宁", "市", "兴宁", "宁市", "市宁"]
    tokens = fts_text(normalise("兴宁市 3.5% \"A_b\"")).split(" ")
    assert "兴宁" in tokens and "兴" in tokens and "宁市" in tokens
    assert all(t.isalnum() or not t.isascii() for token in tokens for t in token), (
        "only letters, digits and non-ASCII characters: one FTS5 word each, nothing to quote")
    assert query_grams(["宁新街道", "宁"]) == ["宁新", "新街", "街道", "宁"]
    assert fts_query(["宁新", "新街"]) == '"宁新" AND "新街"'


def test_a_case_s_document_number_is_fixed_and_fits_a_signed_64_bit_column() -> None:
    case_id = "0b6f1e52-6a1c-4c55-9e8c-1d1b8d9b0c11"
    assert document(case_id) == document(case_id) != document(case_id.replace("0", "1"))
    assert 0 <= document(case_id) < 2**63
