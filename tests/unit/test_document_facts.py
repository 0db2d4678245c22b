"""The facts the printed documents need (issue 12): a session's number, time, place and
attendance; a vote's against and abstaining; the worker side's election and the chief's
written appointment; the filing's receipt number. All optional: entries recorded before
them, stored without these fields, still load and read as "not recorded"."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from conftest import side
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    UUIDAsHex,
)

from domain.application import DateAsISO
from domain.case import NegotiationCase
from domain.stages import Stage
from domain.values import ChiefBasis

NEW_FACTS = {
    "SessionHeld": ("session_number", "starts_at", "ends_at", "place", "attended"),
    "RatificationVoted": ("votes_against", "abstaining"),
    "RepresentativesAppointed": ("election_held_on", "election_voters", "list_posted_from",
                                 "list_posted_until", "delegated_by", "delegated_on"),
    "ContractFiled": ("receipt_number",),
}


def _mapper() -> Mapper[Any]:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(transcoding)
    return Mapper(transcoder=transcoder)


def as_an_earlier_release_stored_it(case: NegotiationCase) -> NegotiationCase:
    """``case`` stored, its events stripped of the facts this issue added (as an earlier
    release wrote them), and loaded again the way the store loads a case."""
    mapper = _mapper()
    loaded: Any = None
    for event in case.collect_events():
        stored = mapper.to_stored_event(event)
        state = json.loads(stored.state)
        for name in NEW_FACTS.get(type(event).__name__, ()):
            state.pop(name, None)
        stored = type(stored)(stored.originator_id, stored.originator_version,
                              stored.topic, json.dumps(state).encode())
        loaded = mapper.to_domain_event(stored).mutate(loaded)
    assert isinstance(loaded, NegotiationCase)
    return loaded


def facts_of(case: NegotiationCase, kind: str) -> dict[str, Any]:
    """The facts of the case's last entry of ``kind``."""
    return next(e for e in reversed(case.entries) if e.type == kind).facts


def test_a_session_records_its_number_time_place_and_who_attended(story, worker) -> None:
    case = story.up_to(Stage.NEGOTIATING)
    story.hold_session(case, session_number=1, starts_at="09:30", ends_at=" 11:00 ",
                       place=" 公司三楼会议室 ", attended=["张1", "王1", "张2", "张1"])
    facts = facts_of(case, "SessionHeld")
    assert (facts["session_number"], facts["starts_at"], facts["ends_at"], facts["place"]) \
        == (1, "09:30", "11:00", "公司三楼会议室")
    assert facts["attended"] == ["张1", "王1", "张2"]
    story.hold_session(case, on=date(2025, 4, 3))
    assert facts_of(case, "SessionHeld")["attended"] is None      # not recorded
    assert facts_of(case, "SessionHeld")["session_number"] is None


def test_only_representatives_attend_and_numbers_start_at_one(story, worker, refused) -> None:
    case = story.up_to(Stage.NEGOTIATING)
    base = dict(chaired_by="employer", recorder="赵记录", minutes="",
                minutes_signed=False, items=[{"topic": "工资", "status": "open"}])
    assert refused(case.hold_session, worker, date(2025, 4, 1), **base,
                   attended=["张1", "路人甲"]) == {"attendee_unknown"}
    assert refused(case.hold_session, worker, date(2025, 4, 1), **base,
                   session_number=0) == {"at_least"}


def test_a_vote_records_against_and_abstaining_that_add_up(story, worker, refused) -> None:
    case = story.up_to(Stage.DRAFT_AGREED)
    tally = dict(body="workers_congress", members=40, present=30, votes_for=21)
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 15), **tally,
                   votes_against=6, abstaining=4) == {"ballots_exceed_present"}
    assert refused(case.hold_ratification_vote, worker, date(2025, 4, 15), **tally,
                   votes_against=-1) == {"at_least"}
    story.ratify(case, **tally, votes_against=6, abstaining=3)
    facts = facts_of(case, "RatificationVoted")
    assert (facts["votes_against"], facts["abstaining"]) == (6, 3)
    assert case.stage is Stage.RATIFIED


def test_the_worker_sides_election_and_the_chiefs_appointment(story, worker,
                                                              refused) -> None:
    case = story.up_to(Stage.SURVEYED, has_union=False)
    election = dict(election_held_on=date(2025, 3, 12), election_voters=36,
                    workers_approving=30, list_posted_from=date(2025, 3, 12),
                    list_posted_until=date(2025, 3, 14))
    story.appoint(case, **election)
    facts = facts_of(case, "RepresentativesAppointed")
    assert {k: facts[k] for k in election} == election
    assert facts["delegated_by"] == "" and facts["delegated_on"] is None

    union = story.up_to(Stage.SURVEYED)
    story.appoint(union, chief_basis=ChiefBasis.CHAIR_WRITTEN_DELEGATION,
                  delegated_by=" 李主席 ", delegated_on=date(2025, 3, 13))
    facts = facts_of(union, "RepresentativesAppointed")
    assert (facts["delegated_by"], facts["delegated_on"]) == ("李主席", date(2025, 3, 13))


def test_an_election_whose_figures_or_dates_do_not_add_up_is_refused(story, worker,
                                                                      refused) -> None:
    case = story.up_to(Stage.SURVEYED, has_union=False)
    sides = dict(worker_side=side("张"), employer_side=side("王"),
                 worker_selection="democratic", chief_basis="democratically_elected",
                 employer_appointed_by="王总", workers_approving=30)

    def appoint(**facts: Any) -> set[str]:
        return refused(case.appoint_representatives, worker, date(2025, 3, 14),
                       **sides, **facts)

    assert appoint(election_voters=41) == {"voters_within_headcount"}
    assert appoint(election_voters=25) == {"approving_within_voters"}
    assert appoint(election_held_on=date(2025, 3, 15)) == {"after_appointment"}
    assert appoint(delegated_on=date(2025, 3, 20)) == {"after_appointment"}
    assert appoint(election_held_on=date(2025, 3, 12),
                   list_posted_from=date(2025, 3, 11)) == {"posted_before_election"}
    assert appoint(list_posted_from=date(2025, 3, 12),
                   list_posted_until=date(2025, 3, 11)) == {"posting_ends_before_start"}
    assert case.stage is Stage.SURVEYED


def test_a_filing_records_the_bureaus_receipt_number(story) -> None:
    case = story.up_to(Stage.SIGNED)
    story.file(case, receipt_number=" 兴人社备〔2025〕12号 ")
    assert facts_of(case, "ContractFiled")["receipt_number"] == "兴人社备〔2025〕12号"


def test_entries_stored_without_the_new_facts_still_load(story) -> None:
    case = story.up_to(Stage.FILED)
    story_facts = {kind: facts_of(case, kind) for kind in NEW_FACTS}
    assert all(name in story_facts[kind] for kind, names in NEW_FACTS.items()
               for name in names)
    old = as_an_earlier_release_stored_it(case)
    assert old.version == case.version and old.stage is Stage.FILED
    for kind, names in NEW_FACTS.items():
        facts = facts_of(old, kind)
        assert not set(names) & set(facts), kind
        assert {k: v for k, v in story_facts[kind].items() if k not in names} == facts
    assert [r.name for r in old.state.worker_side] == ["张1", "张2", "张3"]
    assert len(old.state.sessions) == 1 and old.state.passed_ratification is not None
