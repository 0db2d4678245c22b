"""The papers of the meetings: a session's sign-in sheet (签到表) and minutes (协商会议记录),
and the record and resolution of the ratification vote (表决结果/决议)."""

from __future__ import annotations

from typing import Any

from domain import clock
from domain.case import NegotiationCase
from domain.entries import Entry
from domain.procedure.session import session_may_be_held
from domain.rules.ratification import quorum, votes_needed
from domain.state import CaseState
from domain.values import Representative, Side
from web.paper.sheet import paper, sides, status_labels


def session_number(state: CaseState, session: Entry) -> int:
    """The session's number as recorded, else its place among the case's sessions."""
    recorded = session.facts.get("session_number")
    if recorded:
        return int(recorded)
    versions = [s.version for s in state.sessions]
    return versions.index(session.version) + 1 if session.version in versions \
        else len(versions) + 1


def attendance(reps: list[Representative], attended: list[str] | None) -> dict[str, Any]:
    """Who of one side attended and who was absent (everyone seated, if attendance was
    not recorded)."""
    if attended is None:
        return {"present": reps, "absent": []}
    return {"present": [r for r in reps if r.name in attended],
            "absent": [r for r in reps if r.name not in attended]}


def sign_in_offered(case: NegotiationCase) -> bool:
    """A blank sign-in sheet is printed before a session, whenever one may be held."""
    state = case.state
    return not session_may_be_held(state, state.assigned_to, clock.today())


def sign_in(case: NegotiationCase, then: NegotiationCase | None = None,
            session: Entry | None = None) -> dict[str, Any]:
    """The sheet of a recorded session (its number, date, time and place, the sides as
    seated then), or of the next session (the sides seated now, the rest left blank)."""
    state = (then or case).state
    facts = session.facts if session else {}
    return {**paper(case, "sign-in", session.version if session else None,
                    session.occurred_on if session else None),
            "session": session, "starts_at": facts.get("starts_at", ""),
            "place": facts.get("place", ""),
            "session_number": session_number(state, session) if session
            else len(state.sessions) + 1, **sides(state)}


def minutes(case: NegotiationCase, then: NegotiationCase, session: Entry) -> dict[str, Any]:
    """The minutes: number, date, time, place, chair, recorder, who attended and who was
    absent on each side, items and outcomes, the text, and both chiefs' signatures."""
    both = sides(then.state)
    chair_side = Side(session["chaired_by"])
    chair = both["worker_chief"] if chair_side is Side.WORKERS else both["employer_chief"]
    attended = session.facts.get("attended")
    return {**paper(case, "minutes", session.version, session.occurred_on),
            "session": session, "chair_side": chair_side, "chair": chair,
            "session_number": session_number(then.state, session),
            "starts_at": session.facts.get("starts_at", ""),
            "ends_at": session.facts.get("ends_at", ""), "place": session.facts.get("place", ""),
            "attendance_recorded": attended is not None,
            "workers_at": attendance(both["worker_side"], attended),
            "employer_at": attendance(both["employer_side"], attended),
            "status_labels": status_labels(), **both}


def vote_record(case: NegotiationCase, then: NegotiationCase, vote: Entry) -> dict[str, Any]:
    """The tally against the quorum and majority of Art. 36, whether it passed, and the
    resolution it makes (or the draft's rejection)."""
    state = then.state
    members = vote["members"]
    draft = next((t.draft for t in state.tracks if vote in t.ratifications), None)
    return {**paper(case, "vote", vote.version, vote.occurred_on), "vote": vote,
            "votes_against": vote.facts.get("votes_against"),
            "abstaining": vote.facts.get("abstaining"),
            "quorum": quorum(members, state.profile),
            "needed": votes_needed(members, state.profile),
            "passed": state.vote_passed(vote), "draft": draft}
