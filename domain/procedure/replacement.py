"""Step 3a: a vacant seat is filled (Provisions Art. 31)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.procedure.vacancy import seats_of
from domain.rules.procedure import not_before
from domain.rules.representatives import one_chief, side_size_valid, sides_valid
from domain.state import CaseState
from domain.values import Actor, Representative, Side


class RepresentativeReplaced(StepEvent):
    """Step 3a: a vacancy is filled (Art. 31)."""

    side: str
    name: str
    replacement: Facts


def fillable(state: CaseState, side: Side) -> list[Breach]:
    """Whether filling ``side``'s open seats can leave it valid: within the size limits,
    with one chief (a side with no open seat must have one already, and no side can lose
    a second chief by a replacement)."""
    seats = seats_of(state, side)
    open_seats = sum(v.start["side"] == side for v in state.open_vacancies)
    chiefs = sum(r.chief for r in seats)
    filled = seats + [Representative(f"（空缺{n}）") for n in range(open_seats)]
    breaches = side_size_valid(side, filled, state.profile)
    if chiefs > 1 or (chiefs == 0 and not open_seats):
        breaches += one_chief(side, seats)
    return breaches


def vacancy_open(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Art. 31: an open vacancy can be filled, if filling every open seat can leave both
    sides equal and each valid (Art. 19); only a correction of a vacancy can make that
    impossible."""
    if not state.open_vacancies:
        return [Breach("no_vacancy_open")]
    workers = len(state.worker_side) + sum(v.start["side"] == Side.WORKERS
                                           for v in state.open_vacancies)
    employer = len(state.employer_side) + sum(v.start["side"] == Side.EMPLOYER
                                              for v in state.open_vacancies)
    if workers != employer:
        return [Breach("vacancies_cannot_balance", {"workers": workers, "employer": employer})]
    return fillable(state, Side.WORKERS) + fillable(state, Side.EMPLOYER)


def replace_representative(step: Taking, *, side: Side, name: str,
                           replacement: Representative) -> list[Record]:
    """Fill the vacancy ``name`` left; once no seat is vacant, the sides stay valid."""
    state = step.state
    vacancy = next((v for v in state.open_vacancies
                    if v.start["side"] == side and v.start["name"] == name), None)
    checks: list[list[Breach]] = []
    if vacancy is None and state.open_vacancies:
        checks = [[Breach("no_such_vacancy", {"name": name}, field="name")]]
    elif vacancy is not None:
        workers, employer = list(state.worker_side), list(state.employer_side)
        (workers if Side(side) is Side.WORKERS else employer).append(replacement)
        others = [v for v in state.open_vacancies if v is not vacancy]
        checks = [not_before(step.on, vacancy.start.occurred_on, "vacancy")]
        if not others:
            checks.append(sides_valid(workers, employer, state.profile))
    step.require(*checks)
    return [Record(RepresentativeReplaced, dict(side=side, name=name,
                                                replacement=replacement.to_dict()))]


def _replaced(state: CaseState, entry: Entry) -> None:
    side = "worker_side" if entry["side"] == "workers" else "employer_side"
    kept = [r for r in seats_of(state, entry["side"]) if r.name != entry["name"]]
    setattr(state, side, [*kept, Representative.from_dict(entry["replacement"])])
    vacancy = next((v for v in state.open_vacancies
                    if v.start["name"] == entry["name"] and v.start["side"] == entry["side"]),
                   None)
    if vacancy:
        vacancy.end = entry


STEP = Step(
    name="replacement", command="replace_representative",
    label=("更换代表", "Replace a representative"),
    record=replace_representative, guard=vacancy_open,
    events={RepresentativeReplaced: ("代表更换", "Representative replaced")},
    reducers={RepresentativeReplaced: _replaced},
    fields={"new_name": ("新代表姓名", "New representative's name"),
            "occurred_on": ("补选日期", "Date the seat was filled"),
            "side": ("一方", "Side"), "name": ("空缺原代表", "Vacancy left by"),
            "replacement": ("接替人", "Replacement")},
    messages={"no_vacancy_open": ("没有待补的代表空缺。", "No representative's seat is vacant."),
              "vacancies_cannot_balance": (
                  "补足全部空缺后双方代表仍不相等（职工方 {workers} 人，企业方 {employer} 人，"
                  "第十九条）：请先更正代表出缺记录。",
                  "Even with every vacant seat filled, the sides would not be equal (workers "
                  "{workers}, employer {employer}; Art. 19): correct the vacancy first.")},
)
