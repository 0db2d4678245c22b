"""Stage periods: how long cases spend in each stage (for statistics)."""

from __future__ import annotations

from domain import stages as case_stages
from domain.case import NegotiationCase
from domain.stages import StagePeriod, stage_history
from projections.base import ReadModel, Write
from projections.batch import Batch
from projections.tables import stage_periods


def periods_of(batch: Batch, case_id: str, case: NegotiationCase) -> list[StagePeriod]:
    """The stage history of a case, from the stages the timeline followed if it did."""
    entries = case.entries
    stages = batch.stages(case_id)
    if stages is None or len(stages) != len(entries):
        return stage_history(entries)
    return case_stages.stage_periods(entries, stages)


class StagePeriods(ReadModel):
    """One row per stage each case passed through, with business dates."""

    name = "statistics"
    owned = (stage_periods,)

    def prepare(self, batch: Batch) -> Write:
        """Rewrite the stage history of every case the changes touched."""
        rows = [{"case_id": case_id, "seq": seq, "stage": str(p.stage),
                 "entered_on": p.entered_on, "left_on": p.left_on}
                for case_id, case in batch.cases.items()
                for seq, p in enumerate(periods_of(batch, case_id, case))]
        return self.replacing(stage_periods, batch.known, rows)
