"""Case numbers: the county's short name, the year opened, the sequence; and the key a case
is numbered under, from its opening as first recorded."""

from __future__ import annotations

from datetime import date

import pytest

from domain.case_numbers import NumberKey, case_number, number_key, short_name


@pytest.mark.parametrize(("scope", "short"), [
    ("兴宁市", "兴宁"), ("梅江区", "梅江"), ("梅县区", "梅县"), ("五华县", "五华"),
    ("连南瑶族自治县", "连南瑶族"), ("东区", "东区"), (" 兴宁市 ", "兴宁"), ("全省", "全省"),
    ("xingning", "xingning"), ("", "—"),
])
def test_the_short_name_leaves_out_the_county_level_ending(scope: str, short: str) -> None:
    assert short_name(scope) == short


def test_a_number_is_county_year_and_a_four_digit_sequence() -> None:
    key = NumberKey("兴宁", 2026)
    assert key.prefix == "兴宁-2026"
    assert key.number(12) == "兴宁-2026-0012"
    assert case_number("兴宁-2026", 12345) == "兴宁-2026-12345"
    with pytest.raises(ValueError):
        key.number(0)


def test_the_key_is_the_opening_as_first_recorded(story, worker) -> None:
    case = story.open(on=date(2025, 12, 30))
    assert number_key(case) == NumberKey("xingning", 2025)
    case.correct_entry(worker, date(2026, 1, 5), corrects_version=1,
                       changes={"occurred_on": date(2026, 1, 2)}, reason="接案日期录入错误")
    assert case.state.opened.occurred_on == date(2026, 1, 2)
    assert number_key(case) == NumberKey("xingning", 2025), "a correction never renumbers"
