"""Step 3, 协商代表: both sides' representatives, appointed at once (Provisions Arts. 19-24)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import text_given
from domain.rules.representatives import sides_valid, worker_side_mandate
from domain.state import CaseState
from domain.values import Actor, ChiefBasis, Representative, WorkerSelection


class RepresentativesAppointed(StepEvent):
    """Step 3, 协商代表 (Arts. 19-24)."""

    worker_side: list[Facts]
    employer_side: list[Facts]
    worker_selection: str
    workers_approving: int | None
    chief_basis: str
    employer_appointed_by: str


def representatives_may_be_appointed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 19: the sides are appointed once; later changes are replacements (Art. 31)."""
    return [Breach("representatives_already")] if state.appointment else []


def appoint_representatives(step: Taking, *, worker_side: list[Representative],
                            employer_side: list[Representative],
                            worker_selection: WorkerSelection, chief_basis: ChiefBasis,
                            employer_appointed_by: str,
                            workers_approving: int | None = None) -> list[Record]:
    """Both sides at once, checked against Arts. 19-24."""
    enterprise = step.state.enterprise
    step.require(sides_valid(worker_side, employer_side, step.state.profile),
                 worker_side_mandate(WorkerSelection(worker_selection), enterprise.has_union,
                                     enterprise.headcount, workers_approving,
                                     ChiefBasis(chief_basis)),
                 text_given(employer_appointed_by, "employer_appointed_by"))
    return [Record(RepresentativesAppointed, dict(
        worker_side=[r.to_dict() for r in worker_side],
        employer_side=[r.to_dict() for r in employer_side],
        worker_selection=worker_selection, workers_approving=workers_approving,
        chief_basis=chief_basis, employer_appointed_by=employer_appointed_by))]


def _appointed(state: CaseState, entry: Entry) -> None:
    state.appointment = entry
    state.worker_side = [Representative.from_dict(r) for r in entry["worker_side"]]
    state.employer_side = [Representative.from_dict(r) for r in entry["employer_side"]]


STEP = Step(
    name="representatives", command="appoint_representatives",
    label=("产生协商代表", "Appoint representatives"),
    record=appoint_representatives, guard=representatives_may_be_appointed,
    events={RepresentativesAppointed: ("协商代表产生", "Representatives appointed")},
    reducers={RepresentativesAppointed: _appointed},
    fields={"worker_side": ("职工方", "Worker side"),
            "employer_side": ("企业方", "Employer side"),
            "worker_selection": ("职工方代表产生方式", "How the worker side was chosen"),
            "workers_approving": ("赞成职工人数", "Workers approving"),
            "chief_basis": ("首席代表产生依据", "Basis of the chief"),
            "employer_appointed_by": ("企业方代表指派人", "Employer side appointed by")},
)
