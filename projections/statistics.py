"""Stage periods: how long cases spend in each stage (for statistics)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain.stages import stage_history
from projections.base import CaseChange, ReadModel, latest_per_case
from projections.tables import stage_periods


class StagePeriods(ReadModel):
    """One row per stage each case passed through, with business dates."""

    name = "statistics"
    owned = (stage_periods,)

    def apply(self, session: Session, changes: list[CaseChange]) -> None:
        """Rewrite the stage history of every case the changes touched."""
        cases = latest_per_case(changes)
        rows = [{"case_id": case_id, "seq": seq, "stage": str(p.stage),
                 "entered_on": p.entered_on, "left_on": p.left_on}
                for case_id, case in cases.items()
                for seq, p in enumerate(stage_history(case.entries))]
        self.replace_rows(session, stage_periods, list(cases), rows)
