"""Reference data (config/reference): the division codes, GB/T 4754-2017 industries and
Guangdong's minimum wages load, are whole, and answer the questions the forms and rules ask."""

from __future__ import annotations

from collections import Counter
from datetime import date

from config.reference.industries import industries, industry_named
from config.reference.places import all_places, city_of, place_named, places_within
from config.reference.wages import minimum_wage


def test_every_county_of_china_and_every_town_of_guangdong_is_listed() -> None:
    places = all_places()
    counties = [p for p in places if len(p.code) == 6]
    towns = [p for p in places if len(p.code) == 9]
    assert len(counties) > 2800
    assert {p.province for p in towns} == {"44"} and len(towns) == 1757
    assert not [label for label, n in Counter(p.label for p in places).items() if n > 1]


def test_places_are_written_as_enterprises_towns_are_stored() -> None:
    assert place_named("兴宁市宁新街道").code == "441481003"
    assert place_named(" 梅州市梅江区 金山街道").code == "441402006"   # spaces ignored
    assert place_named("东莞市长安镇").city == "4419"
    assert place_named("兴宁市").code == "441481"
    assert place_named("北京市东城区").code == "110101"
    assert place_named("兴宁") is None and place_named("电子") is None


def test_a_town_as_typed_falls_in_its_city() -> None:
    assert city_of("兴宁市宁新街道") == "4414"
    assert city_of("兴宁市宁新街道某某村") == "4414"
    assert city_of("佛山市顺德区大良街道") == "4406"
    assert city_of("梅江区") == "4414"
    assert city_of("某某工业园") is None


def test_a_workers_region_lists_its_own_places_first() -> None:
    xingning = places_within("兴宁市")
    assert xingning[0].label == "兴宁市" and len(xingning) == 21
    assert all(p.label.startswith("兴宁市") for p in xingning)
    assert len(places_within("全省")) > 1800       # no such place: all of Guangdong


def test_the_twenty_sections_and_ninety_seven_divisions_of_gbt_4754_2017() -> None:
    listed = industries()
    assert len([i for i in listed if not i.section]) == 20
    assert [i.code for i in listed if i.section] == [f"{n:02d}" for n in range(1, 98)]
    assert industry_named("计算机、通信和其他电子设备制造业").label == \
        "C39 计算机、通信和其他电子设备制造业"
    assert industry_named("制造业").code == "C"
    assert industry_named("电子") is None


def test_guangdongs_minimum_wages_by_city_from_march_2025() -> None:
    assert minimum_wage("44", "4401", date(2025, 3, 1)).monthly == 2500
    assert minimum_wage("44", "4403", date(2026, 1, 1)).monthly == 2520
    assert minimum_wage("44", "4419", date(2026, 1, 1)).monthly == 2080
    assert minimum_wage("44", "4405", date(2026, 1, 1)).monthly == 1850
    meizhou = minimum_wage("44", "4414", date(2026, 1, 1))
    assert (meizhou.monthly, meizhou.place, meizhou.title) == (1750, "梅州市", "粤府函〔2025〕23号")
    assert minimum_wage("44", None, date(2026, 1, 1)).place == "广东省"
    assert minimum_wage("44", "4414", date(2025, 2, 28)) is None
