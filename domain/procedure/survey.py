"""Step 1, 调查摸底: how the workers were surveyed and what they asked for (repeatable)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import at_least, not_before, text_given
from domain.state import CaseState
from domain.values import Actor, SurveyMethod


class SurveyRecorded(StepEvent):
    """Step 1, 调查摸底."""

    method: str
    period_start: date
    period_end: date
    respondents: int
    findings: str
    demands: list[Facts]


def survey_may_be_recorded(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Workers' demands are gathered until the contract is signed: before the offer, and
    again while negotiating when the sides need the workers' view (Provisions Art. 33)."""
    return [Breach("already_signed")] if state.track.signed else []


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


def record_survey(step: Taking, *, method: SurveyMethod, period_start: date,
                  period_end: date, respondents: int, findings: str,
                  demands: list[dict[str, object]]) -> list[Record]:
    """The survey's period ends before it is recorded; each demand has a text and a
    priority from 1 to 5."""
    step.require(not_before(period_end, period_start, "period_start", "period_end"),
                 not_before(step.on, period_end, "period_end"),
                 at_least(respondents, 1, "respondents"),
                 text_given(findings, "findings"),
                 [Breach("required", {"field": "demands"}, field="demands")
                  for d in demands if not str(d.get("text", "")).strip()],
                 [Breach("priority_range", field="demands")
                  for d in demands if _priority(d) is None])
    return [Record(SurveyRecorded, dict(
        method=SurveyMethod(method), period_start=period_start, period_end=period_end,
        respondents=respondents, findings=findings,
        demands=[{"text": str(d["text"]), "priority": _priority(d)} for d in demands]))]


def _surveyed(state: CaseState, entry: Entry) -> None:
    state.surveys.append(entry)


STEP = Step(
    name="survey", command="record_survey", label=("调查摸底", "Survey"),
    record=record_survey, guard=survey_may_be_recorded,
    events={SurveyRecorded: ("调查摸底", "Survey")},
    reducers={SurveyRecorded: _surveyed},
    fields={"occurred_on": ("调查摸底日期", "Date of the survey"),
            "method": ("方式", "Method"), "period_start": ("调查开始日期", "Survey from"),
            "period_end": ("调查结束日期", "Survey to"), "respondents": ("参与人数", "Respondents"),
            "findings": ("调查结果", "Findings"), "demands": ("职工诉求", "Worker demands")},
)
