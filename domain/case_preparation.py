"""Steps 1-3a: survey, outreach, representatives and their replacement."""

from __future__ import annotations

from datetime import date

from domain.case_core import CaseCore
from domain.errors import Breach
from domain.events import (
    OutreachRecorded,
    RepresentativeLeft,
    RepresentativeReplaced,
    RepresentativesAppointed,
    SurveyRecorded,
)
from domain.rules import procedure
from domain.rules.representatives import sides_valid, worker_side_mandate
from domain.values import (
    Actor,
    ChiefBasis,
    OutreachKind,
    Representative,
    Side,
    SurveyMethod,
    WorkerSelection,
)


def _priority(demand: dict[str, object]) -> int | None:
    """A demand's priority, 1 (highest) to 5; None when it is not such a number."""
    value = demand.get("priority", 1)
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 1 <= number <= 5 else None


class PreparationSteps(CaseCore):
    """Commands for the steps before the offer."""

    def record_survey(self, by: Actor, occurred_on: date, *, method: SurveyMethod,
                      period_start: date, period_end: date, respondents: int, findings: str,
                      demands: list[dict[str, object]]) -> None:
        """Step 1 (调查摸底, repeatable): how workers were surveyed and what they asked for."""
        self._check_step(by, occurred_on,
                         procedure.not_before(period_end, period_start, "period_start",
                                              "period_end"),
                         procedure.not_before(occurred_on, period_end, "period_end"),
                         procedure.at_least(respondents, 1, "respondents"),
                         procedure.text_given(findings, "findings"),
                         [Breach("required", {"field": "demands"}, field="demands")
                          for d in demands if not str(d.get("text", "")).strip()],
                         [Breach("priority_range", field="demands")
                          for d in demands if _priority(d) is None])
        self._record(SurveyRecorded, by, occurred_on, method=SurveyMethod(method),
                     period_start=period_start, period_end=period_end,
                     respondents=respondents, findings=findings,
                     demands=[{"text": str(d["text"]), "priority": _priority(d)}
                              for d in demands])

    def record_outreach(self, by: Actor, occurred_on: date, *, kind: OutreachKind,
                        participants: int, description: str) -> None:
        """Step 2 (宣传/观摩/培训, optional and repeatable)."""
        self._check_step(by, occurred_on, procedure.at_least(participants, 1, "participants"))
        self._record(OutreachRecorded, by, occurred_on, kind=OutreachKind(kind),
                     participants=participants, description=description)

    def appoint_representatives(self, by: Actor, occurred_on: date, *,
                                worker_side: list[Representative],
                                employer_side: list[Representative],
                                worker_selection: WorkerSelection,
                                chief_basis: ChiefBasis, employer_appointed_by: str,
                                workers_approving: int | None = None) -> None:
        """Step 3 (协商代表): both sides at once, checked against Arts. 19-24."""
        state = self.state
        enterprise = state.enterprise
        self._check_step(
            by, occurred_on, procedure.representatives_may_be_appointed(state),
            sides_valid(worker_side, employer_side, state.profile),
            worker_side_mandate(WorkerSelection(worker_selection), enterprise.has_union,
                                enterprise.headcount, workers_approving,
                                ChiefBasis(chief_basis)),
            procedure.text_given(employer_appointed_by, "employer_appointed_by"))
        self._record(RepresentativesAppointed, by, occurred_on,
                     worker_side=[r.to_dict() for r in worker_side],
                     employer_side=[r.to_dict() for r in employer_side],
                     worker_selection=worker_selection, workers_approving=workers_approving,
                     chief_basis=chief_basis, employer_appointed_by=employer_appointed_by)

    def record_vacancy(self, by: Actor, occurred_on: date, *, side: Side, name: str,
                       reason: str) -> None:
        """Step 3a (Art. 30): a representative leaves; the seat must be filled in time."""
        state = self.state
        seats = state.worker_side if Side(side) is Side.WORKERS else state.employer_side
        self._check_step(by, occurred_on,
                         [] if state.appointment else [Breach("no_representatives")],
                         [] if any(r.name == name for r in seats) else
                         [Breach("not_a_representative", {"name": name}, field="name")],
                         procedure.text_given(reason, "reason"))
        self._record(RepresentativeLeft, by, occurred_on, side=side, name=name, reason=reason)

    def replace_representative(self, by: Actor, occurred_on: date, *, side: Side, name: str,
                               replacement: Representative) -> None:
        """Step 3a (Art. 31): fill the vacancy ``name`` left; the sides stay valid."""
        state = self.state
        vacancy = next((v for v in state.open_vacancies
                        if v.start["side"] == side and v.start["name"] == name), None)
        checks: list[list[Breach]] = [[Breach("no_such_vacancy", {"name": name}, field="name")]]
        if vacancy is not None:
            workers, employer = list(state.worker_side), list(state.employer_side)
            (workers if Side(side) is Side.WORKERS else employer).append(replacement)
            others = [v for v in state.open_vacancies if v is not vacancy]
            checks = [procedure.not_before(occurred_on, vacancy.start.occurred_on, "vacancy")]
            if not others:
                checks.append(sides_valid(workers, employer, state.profile))
        self._check_step(by, occurred_on, *checks)
        self._record(RepresentativeReplaced, by, occurred_on, side=side, name=name,
                     replacement=replacement.to_dict())
