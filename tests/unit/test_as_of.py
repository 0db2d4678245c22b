"""A case as of a date by business dates: what had happened by then, even when it was
written up later, with corrections overlaid; never "not yet opened" once it was."""

from __future__ import annotations

from datetime import date

from domain.as_of import happened_by
from domain.stages import Stage

D = date


def test_a_case_written_up_later_had_happened_by_its_business_dates(story, worker):
    case = story.up_to(Stage.SURVEYED)               # opened 3 March 2025, surveyed 10 March
    assert all(e.recorded_at.date() > D(2025, 12, 31) for e in case.entries)
    then = happened_by(case.records, D(2025, 3, 5))
    assert then is not None and then.stage is Stage.OPENED and then.version == 1
    later = happened_by(case.records, D(2025, 3, 10))
    assert later is not None and later.stage is Stage.SURVEYED and later.version == 2
    assert happened_by(case.records, D(2025, 3, 2)) is None


def test_a_corrected_date_moves_the_entry_in_the_business_view(story, worker):
    case = story.up_to(Stage.SURVEYED)
    case.correct_entry(worker, D(2025, 6, 1), corrects_version=2,
                       changes={"occurred_on": D(2025, 3, 12)}, reason="日期记错")
    then = happened_by(case.records, D(2025, 3, 10))
    assert then is not None and then.stage is Stage.OPENED
    assert [e.type for e in then.entries] == ["CaseOpened"]
