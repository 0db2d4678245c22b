"""For any state of a case, facts that make each step valid: who records it, on which day
and with what, chosen from the case as it stands (what a careful social worker would
enter). Used to check that the steps ``available_steps`` offers are the steps a case
accepts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from domain.deadlines import review_due
from domain.procedure.sign_off_request import requestable
from domain.rules.contract import renewal_window_opens
from domain.state import CaseState
from domain.values import Actor, Representative, Role, Side

DAY = timedelta(days=1)
WORKER = Actor("sw-li", "李社工")
COLLEAGUE = Actor("sw-he", "何社工")
SUPERVISOR = Actor("sv-chen", "陈督导", Role.SUPERVISOR)
SUPERVISOR_2 = Actor("sv-zhou", "周督导", Role.SUPERVISOR)
Attempt = tuple[Actor, date, dict[str, Any]]


def team(prefix: str, size: int = 3) -> list[Representative]:
    return [Representative(f"{prefix}{i + 1}", chief=i == 0) for i in range(size)]


def _last_on(entries: list[Any], day: date) -> date:
    return max([day, *(e.occurred_on for e in entries)])


def _decider(state: CaseState) -> Actor:
    waiting = [p.start.by for p in state.sign_offs if p.end is None]
    return SUPERVISOR_2 if waiting and all(by == SUPERVISOR for by in waiting) else SUPERVISOR


def _request(state: CaseState) -> int:
    decider = _decider(state)
    return next((p.start.version for p in state.sign_offs
                 if p.end is None and p.start.by != decider), 1)


def attempt(name: str, state: CaseState, day: date, today: date) -> Attempt:
    """Who takes step ``name`` on ``state``, when (not before ``day``) and with what."""
    track, union = state.track, state.enterprise.has_union
    vacancy = state.open_vacancies[0].start if state.open_vacancies else None
    pending = state.pending_offer
    accepted = state.accepted_offer
    dispute = state.open_dispute
    contract = state.contract()
    facts: dict[str, Any]
    on = day
    if name == "survey":
        facts = dict(method="forum", period_start=day, period_end=day, respondents=5,
                     findings="工资偏低", demands=[{"text": "涨工资", "priority": 1}])
    elif name == "outreach":
        facts = dict(kind="publicity", participants=5, description="宣传")
    elif name == "representatives":
        facts = dict(worker_side=team("工"), employer_side=team("企"),
                     worker_selection="union" if union else "democratic",
                     chief_basis="union_chair" if union else "democratically_elected",
                     employer_appointed_by="法定代表人",
                     workers_approving=None if union else state.enterprise.headcount)
    elif name == "vacancy":
        side = Side.WORKERS if state.worker_side else Side.EMPLOYER
        seats = state.worker_side or state.employer_side
        facts = dict(side=side, name=seats[-1].name if seats else "工1", reason="离职")
    elif name == "replacement":
        side = vacancy["side"] if vacancy else "workers"
        seats = state.worker_side if side == "workers" else state.employer_side
        on = max(day, vacancy.occurred_on) if vacancy else day
        facts = dict(side=side, name=vacancy["name"] if vacancy else "工1",
                     replacement=Representative(f"补{len(state.entries)}",
                                                chief=not any(r.chief for r in seats)))
    elif name == "offer":
        facts = dict(from_side="workers", received_on=day, agenda=["工资"], timetable="一个月内")
    elif name == "answer":
        on = max(day, pending.start["received_on"]) if pending else day
        facts = dict(accepted=True, reason="")
    elif name == "session":
        last = state.sessions[-1]["chaired_by"] if state.sessions else "employer"
        on = max(day, accepted.end.occurred_on) if accepted and accepted.end else day
        facts = dict(chaired_by="workers" if last == "employer" else "employer",
                     recorder="赵记录", items=[{"topic": "工资", "status": "agreed"}],
                     minutes="纪要", minutes_signed=True)
    elif name == "suspension":
        facts = dict(resume_on=day + 7 * DAY, topics=["工资"])
    elif name == "dispute":
        facts = dict(bureau="兴宁市人社局", accepted_on=day, issues="工资增幅")
    elif name == "dispute-extension":
        facts = dict(reason="需补充调查")
    elif name == "dispute-resolution":
        on = max(day, dispute.start["accepted_on"]) if dispute else day
        facts = dict(outcome="协调一致")
    elif name == "draft":
        facts = dict(text="草案", key_terms={"weekly_hours": 40}, signed_by_chiefs=True)
    elif name == "ratification":
        on = _last_on([track.draft] if track.draft else [], day)
        everyone = state.enterprise.headcount        # all workers: the headcount votes
        facts = dict(body="all_workers", members=everyone, present=everyone, votes_for=everyone)
    elif name == "signing":
        passed = state.passed_ratification
        on = max(day, passed.occurred_on) if passed else day
        facts = dict(term_start=on + DAY, term_end=on + 365 * DAY)
    elif name == "filing":
        on = _last_on([track.signed] if track.signed else [], day)
        facts = dict(bureau="兴宁市人社局")
    elif name == "completion-request":
        on = max(day, track.filed["received_on"]) if track.filed else day
        facts = dict(items="职工代表大会决议")
    elif name == "completion-supply":
        asked = next((p.start for p in track.completions if p.end is None), None)
        on = max(day, asked.occurred_on) if asked else day
        facts = dict(supplied="职工代表大会决议", received_on=on)
    elif name == "objection":
        received = track.filed["received_on"] if track.filed else day
        on = max(received, min(day, review_due(received, state))) if track.filed else day
        facts = dict(issues="条款违法")
    elif name == "effect":
        on = max(day, track.filed["received_on"]) if track.filed else day
        facts = dict(basis="confirmed")
    elif name == "publication":
        on = max(day, track.effect["effective_on"]) if track.effect else day
        facts = dict(channels="公告栏", monitoring_contact="工会")
    elif name == "implementation":
        facts = dict(findings="按约履行")
    elif name == "renewal":
        if contract and contract.signed:
            end = contract.signed["term_end"]
            on = min(max(day, renewal_window_opens(end, state.profile)), end, today)
        facts = dict(requested_by="employer")
    elif name == "reopening":
        on = max(day, state.closed.occurred_on) if state.closed else day
        facts = dict(reason="重新介入")
    elif name == "note":
        facts = dict(text="电话回访")
    elif name == "attachment":
        facts = dict(filename="纪要.pdf", media_type="application/pdf", size=10, sha256="a" * 64)
    elif name == "reassignment":
        facts = dict(to=COLLEAGUE if state.assigned_to == WORKER else WORKER, reason="调整")
    elif name == "correction":
        facts = dict(corrects_version=1, changes={"enterprise.name": "兴宁市更正电子有限公司"},
                     reason="笔误")
    elif name == "sign-off":
        subjects = requestable(state)
        facts = dict(subject=subjects[0] if subjects else "review", note="请审核")
    elif name in ("sign-off-given", "sign-off-refused"):
        version = _request(state)
        asked = next((p.start for p in state.sign_offs if p.start.version == version), None)
        on = max(day, asked.occurred_on) if asked else day
        facts = dict(request_version=version, **({"note": "同意"} if name == "sign-off-given"
                                                  else {"reason": "材料不全"}))
        return _decider(state), on, facts
    else:
        raise LookupError(name)
    return WORKER, on, facts
