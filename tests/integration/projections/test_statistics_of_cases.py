"""Statistics: cases by stage, kind, town and month; days spent in stages; coverage."""

from __future__ import annotations

from datetime import date

from casebook import Cases
from sqlalchemy import select
from sqlalchemy.engine import Engine

from projections.queries import statistics
from projections.runner import Projector
from projections.tables import stage_periods


def test_counts_medians_and_coverage(engine: Engine, cases: Cases,
                                     projected: Projector) -> None:
    found = statistics(engine, today=date(2025, 7, 1))
    assert found["by_stage"] == {"published": 2, "negotiating": 1, "offer_sent": 1}
    assert found["by_kind"] == {"wage": 2, "general": 1, "safety": 1}
    assert found["by_town"] == {"兴宁市": 1, "梅江区": 1, "蕉岭县": 1, "五华县": 1}
    assert found["by_month"] == {"2020-09": 1, "2025-03": 2, "2025-04": 1}
    # Stages left behind, in days (a stage still current is not counted):
    # electronics 9/5/5/12/5/4/1/4/21/2, textile 9/5/5/11/6/4/1/25/10/2,
    # hardware 9/5/5/11, food 9/5/5.
    assert found["median_days_in_stage"] == {
        "draft_agreed": 4, "filed": 15.5, "in_force": 2, "negotiating": 5.5, "offer_sent": 11,
        "opened": 9, "ratified": 1, "representatives": 5, "signed": 14.5, "surveyed": 5}
    # Only the electronics contract is in force in July 2025 (the textile one expired).
    assert (found["contracts_in_force"], found["workers_covered"],
            found["women_covered"]) == (1, 40, 20)

    in_2021 = statistics(engine, today=date(2021, 6, 1))
    assert (in_2021["contracts_in_force"], in_2021["workers_covered"],
            in_2021["women_covered"]) == (1, 120, 80)
    after_both = statistics(engine, today=date(2028, 5, 1))
    assert after_both["contracts_in_force"] == after_both["workers_covered"] == 0


def test_statistics_of_some_scopes_only(engine: Engine, cases: Cases,
                                        projected: Projector) -> None:
    found = statistics(engine, today=date(2021, 6, 1), scopes=["xingning"])
    assert found["by_stage"] == {"published": 1, "negotiating": 1, "offer_sent": 1}
    assert found["by_town"] == {"兴宁市": 1, "蕉岭县": 1, "五华县": 1}
    assert found["median_days_in_stage"]["filed"] == 21
    assert found["contracts_in_force"] == 0
    nothing = statistics(engine, today=date(2025, 7, 1), scopes=[])
    assert nothing["by_stage"] == {} and nothing["median_days_in_stage"] == {}
    assert (nothing["contracts_in_force"], nothing["workers_covered"]) == (0, 0)


def test_stage_periods_follow_business_dates(engine: Engine, cases: Cases,
                                             projected: Projector) -> None:
    p = stage_periods.c
    query = (select(p.stage, p.entered_on, p.left_on)
             .where(p.case_id == str(cases.food)).order_by(p.seq))
    with engine.connect() as connection:
        assert [tuple(row) for row in connection.execute(query)] == [
            ("opened", date(2025, 4, 2), date(2025, 4, 11)),
            ("surveyed", date(2025, 4, 11), date(2025, 4, 16)),
            ("representatives", date(2025, 4, 16), date(2025, 4, 21)),
            ("offer_sent", date(2025, 4, 21), None)]
