"""Step 3, 协商代表: both sides' representatives, appointed at once (Provisions Arts. 19-24)."""

from __future__ import annotations

from datetime import date
from typing import Any

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
    # Added later (optional; appointments recorded before them read as "not recorded"):
    election_held_on: date | None = None
    election_voters: int | None = None
    list_posted_from: date | None = None
    list_posted_until: date | None = None
    delegated_by: str = ""
    delegated_on: date | None = None


def representatives_may_be_appointed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 19: the sides are appointed once; later changes are replacements (Art. 31)."""
    return [Breach("representatives_already")] if state.appointment else []


def election_consistent(facts: dict[str, Any], workers_approving: int | None, headcount: int,
                        on: date) -> list[Breach]:
    """The election's figures add up (approving within voters, voters within the
    headcount); the election and the chief's written appointment came by the day recorded;
    the list's publicity ends on or after it begins, which is not before the election."""
    held, voters = facts["election_held_on"], facts["election_voters"]
    start, end = facts["list_posted_from"], facts["list_posted_until"]
    breaches = []
    if voters is not None and not 1 <= voters <= headcount:
        breaches.append(Breach("voters_within_headcount", {"headcount": headcount},
                               field="election_voters"))
    elif voters is not None and workers_approving is not None and workers_approving > voters:
        breaches.append(Breach("approving_within_voters", {"voters": voters},
                               field="workers_approving"))
    breaches += [Breach("after_appointment", field=name)
                 for name in ("election_held_on", "delegated_on")
                 if facts[name] is not None and facts[name] > on]
    if start is not None and held is not None and start < held:
        breaches.append(Breach("posted_before_election", field="list_posted_from"))
    if start is not None and end is not None and end < start:
        breaches.append(Breach("posting_ends_before_start", field="list_posted_until"))
    return breaches


def appoint_representatives(step: Taking, *, worker_side: list[Representative],
                            employer_side: list[Representative],
                            worker_selection: WorkerSelection, chief_basis: ChiefBasis,
                            employer_appointed_by: str,
                            workers_approving: int | None = None,
                            election_held_on: date | None = None,
                            election_voters: int | None = None,
                            list_posted_from: date | None = None,
                            list_posted_until: date | None = None,
                            delegated_by: str = "",
                            delegated_on: date | None = None) -> list[Record]:
    """Both sides at once, checked against Arts. 19-24, with the worker side's election
    record and the chief's written appointment if given."""
    enterprise = step.state.enterprise
    facts: dict[str, Any] = dict(
        election_held_on=election_held_on, election_voters=election_voters,
        list_posted_from=list_posted_from, list_posted_until=list_posted_until,
        delegated_by=(delegated_by or "").strip(), delegated_on=delegated_on)
    step.require(sides_valid(worker_side, employer_side, step.state.profile),
                 worker_side_mandate(WorkerSelection(worker_selection), enterprise.has_union,
                                     enterprise.headcount, workers_approving,
                                     ChiefBasis(chief_basis)),
                 text_given(employer_appointed_by, "employer_appointed_by"),
                 election_consistent(facts, workers_approving, enterprise.headcount, step.on))
    return [Record(RepresentativesAppointed, dict(
        worker_side=[r.to_dict() for r in worker_side],
        employer_side=[r.to_dict() for r in employer_side],
        worker_selection=worker_selection, workers_approving=workers_approving,
        chief_basis=chief_basis, employer_appointed_by=employer_appointed_by, **facts))]


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
    fields={"occurred_on": ("代表产生日期", "Date the representatives were chosen"),
            "worker_side": ("职工方", "Worker side"),
            "employer_side": ("企业方", "Employer side"),
            "worker_selection": ("职工方代表产生方式", "How the worker side was chosen"),
            "workers_approving": ("赞成职工人数", "Workers approving"),
            "chief_basis": ("职工方首席代表产生方式", "Why the worker chief holds the chair"),
            "employer_appointed_by": ("企业方代表指派人", "Employer side appointed by"),
            "election_held_on": ("职工方代表推选会议日期", "Worker side elected at a meeting on"),
            "election_voters": ("参加推选的职工人数", "Workers voting in the election"),
            "list_posted_from": ("代表名单公示开始日期", "List of representatives posted from"),
            "list_posted_until": ("代表名单公示结束日期", "List of representatives posted until"),
            "delegated_by": ("书面委托人（工会主席）", "Written appointment by (union chair)"),
            "delegated_on": ("书面委托日期", "Date of the written appointment")},
    messages={"voters_within_headcount": ("参加推选的职工人数应在 1 到职工总数（{headcount}）"
                                          "之间。",
                                          "Workers voting must be between 1 and the headcount "
                                          "({headcount})."),
              "approving_within_voters": ("赞成人数不能超过参加推选的职工人数（{voters}）。",
                                          "Workers approving cannot exceed those voting "
                                          "({voters})."),
              "after_appointment": ("该日期不能晚于本条记录的发生日期。",
                                    "This date cannot be after the date of this entry."),
              "posted_before_election": ("名单公示不能早于推选日期。",
                                         "The list cannot be posted before the election."),
              "posting_ends_before_start": ("公示结束日期不能早于开始日期。",
                                            "The posting cannot end before it begins.")},
)
