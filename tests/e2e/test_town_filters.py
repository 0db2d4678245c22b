"""Towns and industries from the official lists at intake, and the town filters that find a
town by any part of its name: 兴宁 finds every case and notice of 兴宁市, 宁新街道 the ones
of 兴宁市宁新街道 (projections/queries.py ``in_town``)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest
from flask import Flask
from steps_story import ORDER, Story, credit_code, li, opening, projections, second_worker

from config import profiles
from domain.values import Enterprise

__all__ = ["li", "projections", "second_worker"]

NINGXIN, FUXING, MEIJIANG = "兴宁市宁新街道", "兴宁市福兴街道", "梅州市梅江区金山街道"


@pytest.fixture(scope="module")
def cases(li: Story) -> dict[str, UUID]:
    """Three enterprises: two in towns of 兴宁市 (one published), one in 梅江区."""
    found = {town: li.open_case(seed, town=town, name=f"{town}筛选测试{seed}有限公司")
             for seed, town in ((1201, NINGXIN), (1202, FUXING), (1203, MEIJIANG))}
    li.walk(found[NINGXIN], ORDER[:ORDER.index("publication") + 1])
    return found


def test_the_intake_form_offers_the_lists_and_refuses_what_is_not_on_them(
        app: Flask, li: Story) -> None:
    page = li.client.get("/cases/new").get_data(as_text=True)
    assert 'list="list-town"' in page and '<option value="兴宁市宁新街道">' in page
    assert '<option value="梅州市梅江区金山街道">' not in page     # her region's towns only
    assert '<option value="计算机、通信和其他电子设备制造业">C39 ' in page
    refused = li.client.post("/cases/new", data=opening(1204, town="兴宁", industry="电子"))
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'data-field="town"' in text and 'data-field="industry"' in text
    with pytest.raises(LookupError):
        app.extensions["negotiations"].get_case(UUID(opening(1204)["case_token"]))


def test_a_listed_name_is_stored_as_the_list_writes_it(app: Flask, li: Story) -> None:
    case_id = li.open_case(1205, town=" 兴宁市 宁新街道", industry="纺织业")
    enterprise = app.extensions["negotiations"].get_case(case_id).state.enterprise
    assert (enterprise.town, enterprise.industry) == ("兴宁市宁新街道", "纺织业")


def _listed(page: str) -> set[str]:
    return {town for town in (NINGXIN, FUXING, MEIJIANG) if f"{town}筛选测试" in page}


def test_the_case_list_finds_a_town_by_any_part_of_its_name(
        li: Story, cases: dict[str, UUID]) -> None:
    def listed(town: str) -> set[str]:
        response = li.client.get("/cases", query_string={"town": town})
        assert response.status_code == 200
        return _listed(response.get_data(as_text=True))

    assert listed("兴宁") == {NINGXIN, FUXING}
    assert listed("宁新街道") == {NINGXIN}
    assert listed(NINGXIN) == {NINGXIN}
    assert listed("梅江 金山") == {MEIJIANG}
    assert listed("番禺") == set()


def test_the_public_search_finds_a_town_by_any_part_of_its_name(
        app: Flask, cases: dict[str, UUID]) -> None:
    public = app.test_client()

    def found(town: str) -> set[str]:
        response = public.get("/notices", query_string={"town": town})
        assert response.status_code == 200
        return _listed(response.get_data(as_text=True))

    assert found("兴宁") == {NINGXIN} and found("宁新") == {NINGXIN}
    assert found("福兴") == set() and found("梅江") == set()
    listing = public.get("/notices.json", query_string={"town": "兴宁"}).get_json()
    assert any(row["town"] == NINGXIN for row in listing["items"])


def test_free_text_stored_before_the_lists_still_loads_and_is_found(
        app: Flask, li: Story) -> None:
    negotiations = app.extensions["negotiations"]
    account = app.extensions["accounts"].get("sw-001")
    recorded = negotiations.open_case(      # as an earlier release stored it: free text
        by=account.actor, occurred_on=date(2025, 5, 6),
        enterprise=Enterprise("旧数据电子厂", credit_code(1206), "兴宁市 旧城区某村", "电子",
                              30, 10, True, ""),
        contract_kind="wage", assigned_to=account.actor, profile=profiles.load("guangdong"),
        scope=account.scope)
    app.extensions["projector"].wait(recorded.notification_id, timeout=5)
    case = negotiations.get_case(recorded.case_id)
    assert (case.state.enterprise.town, case.state.enterprise.industry) == (
        "兴宁市 旧城区某村", "电子")
    page = li.client.get("/cases", query_string={"town": "兴宁市旧城"}).get_data(as_text=True)
    assert "旧数据电子厂" in page
