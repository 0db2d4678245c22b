"""The negotiators of both sides (《集体合同规定》Arts. 19-24), at the boundaries of each rule."""

from __future__ import annotations

from datetime import date

import pytest

from config import profiles
from domain.errors import RuleBroken
from domain.rules.representatives import (
    nobody_on_both_sides,
    outsiders_within_limit,
    sides_valid,
    worker_side_mandate,
)
from domain.stages import Stage
from domain.values import ChiefBasis, Representative, Side, WorkerSelection


def team(prefix: str, size: int, *, chiefs: int = 1, outsiders: int = 0,
         outsider_chief: bool = False) -> list[Representative]:
    """``size`` people; the first ``chiefs`` lead; the last ``outsiders`` are outside experts."""
    return [Representative(f"{prefix}{i + 1}", chief=i < chiefs,
                           outsider=i >= size - outsiders or (outsider_chief and i == 0))
            for i in range(size)]


def keys(breaches: list) -> set[str]:
    return {b.key for b in breaches}


# --- Art. 19: at least 3 a side, equal sides; the Guangdong profile caps a side at 10 -------

SIZES = [
    pytest.param("guangdong", 2, 2, {"side_size"}, id="guangdong-2-a-side-below-minimum"),
    pytest.param("guangdong", 3, 3, set(), id="guangdong-3-a-side-minimum-ok"),
    pytest.param("guangdong", 10, 10, set(), id="guangdong-10-a-side-maximum-ok"),
    pytest.param("guangdong", 11, 11, {"side_size"}, id="guangdong-11-a-side-above-maximum"),
    pytest.param("national", 2, 2, {"side_size"}, id="national-2-a-side-below-minimum"),
    pytest.param("national", 3, 3, set(), id="national-3-a-side-minimum-ok"),
    pytest.param("national", 11, 11, set(), id="national-11-a-side-no-maximum"),
    pytest.param("national", 15, 15, set(), id="national-15-a-side-no-maximum"),
    pytest.param("national", 3, 4, {"sides_unequal"}, id="3-workers-vs-4-employer-unequal"),
    pytest.param("guangdong", 4, 3, {"sides_unequal"}, id="4-workers-vs-3-employer-unequal"),
    pytest.param("guangdong", 2, 3, {"side_size", "sides_unequal"},
                 id="2-workers-vs-3-employer-too-few-and-unequal"),
]


@pytest.mark.parametrize(("profile", "workers", "employer", "expected"), SIZES)
def test_side_sizes(profile, workers, employer, expected):
    found = sides_valid(team("张", workers), team("王", employer), profiles.load(profile))
    assert keys(found) == expected


def test_a_side_too_small_is_named_with_its_size_and_the_profile_bounds(guangdong):
    found = sides_valid(team("张", 2), team("王", 3), guangdong)
    size = next(b for b in found if b.key == "side_size")
    assert size.field == "workers_side"
    assert size.params == {"side": Side.WORKERS, "count": 2, "low": 3, "high": 10}


def test_the_national_profile_has_no_upper_bound(national):
    assert national.representatives_max is None
    assert sides_valid(team("张", 40), team("王", 40), national) == []


# --- Art. 19: exactly one chief negotiator (首席) a side ------------------------------------

CHIEFS = [
    pytest.param(1, 1, set(), id="one-chief-each-ok"),
    pytest.param(0, 1, {"one_chief"}, id="workers-without-chief"),
    pytest.param(2, 1, {"one_chief"}, id="workers-with-two-chiefs"),
    pytest.param(1, 0, {"one_chief"}, id="employer-without-chief"),
    pytest.param(1, 3, {"one_chief"}, id="employer-all-chiefs"),
]


@pytest.mark.parametrize(("worker_chiefs", "employer_chiefs", "expected"), CHIEFS)
def test_exactly_one_chief_per_side(guangdong, worker_chiefs, employer_chiefs, expected):
    found = sides_valid(team("张", 3, chiefs=worker_chiefs),
                        team("王", 3, chiefs=employer_chiefs), guangdong)
    assert keys(found) == expected


# --- Art. 23: outside experts at most a third of a side, never the chief -------------------

OUTSIDERS = [
    pytest.param(3, 1, True, id="1-of-3-is-exactly-a-third-ok"),
    pytest.param(3, 2, False, id="2-of-3-too-many"),
    pytest.param(4, 1, True, id="1-of-4-ok"),
    pytest.param(4, 2, False, id="2-of-4-is-a-half-too-many"),
    pytest.param(5, 1, True, id="1-of-5-ok"),
    pytest.param(5, 2, False, id="2-of-5-is-more-than-a-third"),
    pytest.param(6, 2, True, id="2-of-6-is-exactly-a-third-ok"),
    pytest.param(6, 3, False, id="3-of-6-too-many"),
    pytest.param(9, 3, True, id="3-of-9-ok"),
    pytest.param(10, 3, True, id="3-of-10-ok"),
    pytest.param(10, 4, False, id="4-of-10-too-many"),
]


@pytest.mark.parametrize(("size", "outsiders", "allowed"), OUTSIDERS)
def test_outside_experts_at_most_a_third(guangdong, size, outsiders, allowed):
    workers = team("张", size, outsiders=outsiders)
    found = sides_valid(workers, team("王", size), guangdong)
    assert (keys(found) == set()) is allowed
    if not allowed:
        assert keys(found) == {"outsiders_too_many"}


@pytest.mark.parametrize("size", range(3, 11))
def test_outsider_limit_matches_a_third_for_every_size(guangdong, size):
    for outsiders in range(size):
        found = outsiders_within_limit(Side.EMPLOYER, team("王", size, outsiders=outsiders),
                                       guangdong)
        # "at most 1/3": 3 * outsiders <= size, in whole numbers.
        assert (found == []) is (3 * outsiders <= size), (size, outsiders)


def test_an_outside_expert_cannot_be_chief(guangdong):
    workers = team("张", 3, outsider_chief=True)
    found = sides_valid(workers, team("王", 3), guangdong)
    assert keys(found) == {"outsider_chief"}
    assert found[0].field == "workers_side"


# --- Art. 24: nobody on both sides ---------------------------------------------------------

BOTH_SIDES = [
    pytest.param("张三", "张三", True, id="same-name"),
    pytest.param("张 三", "张三", True, id="space-inside-the-name"),
    pytest.param("张　三", "张三", True, id="full-width-space-inside-the-name"),
    pytest.param(" 张三 ", "张三", True, id="padded-name"),
    pytest.param("Li Wei", "li wei", True, id="latin-name-other-case"),
    pytest.param("Li Wei", " LI  WEI ", True, id="latin-name-other-case-and-spacing"),
    pytest.param("张三", "张三丰", False, id="different-people-sharing-a-prefix"),
    pytest.param("李伟", "李玮", False, id="different-characters"),
]


@pytest.mark.parametrize(("worker_name", "employer_name", "refused_"), BOTH_SIDES)
def test_nobody_represents_both_sides(guangdong, worker_name, employer_name, refused_):
    workers = [Representative(worker_name, chief=True), Representative("甲"),
               Representative("乙")]
    employer = [Representative("丙", chief=True), Representative(employer_name),
                Representative("丁")]
    found = sides_valid(workers, employer, guangdong)
    assert (keys(found) == {"on_both_sides"}) is refused_
    if not refused_:
        assert found == []


def test_the_person_on_both_sides_is_named():
    found = nobody_on_both_sides([Representative("Li Wei", chief=True)],
                                 [Representative("li  wei", chief=True)])
    assert len(found) == 1
    assert "Li Wei" in found[0].params["names"]


def test_every_representative_has_a_name(guangdong):
    workers = [*team("张", 2), Representative("  ")]
    assert keys(sides_valid(workers, team("王", 3), guangdong)) == {"representative_unnamed"}


# --- Art. 20: how the worker side and its chief are chosen ---------------------------------

U, D = WorkerSelection.UNION, WorkerSelection.DEMOCRATIC
CHAIR, DELEGATE = ChiefBasis.UNION_CHAIR, ChiefBasis.CHAIR_WRITTEN_DELEGATION
LEADER, ELECTED = ChiefBasis.UNION_LEADER, ChiefBasis.DEMOCRATICALLY_ELECTED

MANDATES = [
    pytest.param(U, True, 40, None, CHAIR, set(), id="union-chooses-chair-leads"),
    pytest.param(U, True, 40, None, DELEGATE, set(), id="union-chooses-chair-delegates-in-writing"),
    pytest.param(U, True, 40, None, LEADER, set(), id="union-chooses-leader-while-chair-vacant"),
    pytest.param(U, True, 40, None, ELECTED, {"chief_basis"},
                 id="union-present-but-chief-elected-instead"),
    pytest.param(U, False, 40, None, ELECTED, {"no_union_to_choose"},
                 id="union-selection-without-a-union"),
    pytest.param(U, False, 40, None, CHAIR, {"no_union_to_choose", "chief_basis"},
                 id="union-selection-and-union-chair-without-a-union"),
    pytest.param(D, False, 40, 20, ELECTED, {"democratic_approval"},
                 id="40-workers-20-approve-is-only-half"),
    pytest.param(D, False, 40, 21, ELECTED, set(), id="40-workers-21-approve-is-more-than-half"),
    pytest.param(D, False, 41, 20, ELECTED, {"democratic_approval"},
                 id="41-workers-20-approve-is-less-than-half"),
    pytest.param(D, False, 41, 21, ELECTED, set(), id="41-workers-21-approve"),
    pytest.param(D, False, 1, 1, ELECTED, set(), id="1-worker-approves"),
    pytest.param(D, False, 1, 0, ELECTED, {"democratic_approval"}, id="1-worker-none-approve"),
    pytest.param(D, False, 40, 41, ELECTED, {"democratic_approval"},
                 id="more-approvals-than-workers"),
    pytest.param(D, False, 40, None, ELECTED, {"democratic_approval"},
                 id="democratic-without-an-approval-count"),
    pytest.param(D, False, 40, 40, CHAIR, {"chief_basis"}, id="no-union-but-union-chair-leads"),
    pytest.param(D, False, 40, 40, DELEGATE, {"chief_basis"},
                 id="no-union-but-chair-delegation"),
]


@pytest.mark.parametrize(("selection", "has_union", "headcount", "approving", "basis",
                          "expected"), MANDATES)
def test_worker_side_mandate(selection, has_union, headcount, approving, basis, expected):
    found = worker_side_mandate(selection, has_union, headcount, approving, basis)
    assert keys(found) == expected


@pytest.mark.parametrize(("headcount", "needed"), [(40, 21), (41, 21), (1, 1), (2, 2), (3, 2)])
def test_democratic_approval_names_the_votes_needed(headcount, needed):
    found = worker_side_mandate(D, False, headcount, 0, ELECTED)
    assert found[0].params == {"headcount": headcount, "needed": needed}
    # ``needed`` is the least number that is more than half of all workers.
    assert needed * 2 > headcount >= (needed - 1) * 2


# --- on a case: the appointment is recorded once, or refused leaving no trace ---------------

def test_appointing_both_sides_moves_the_case_on(story, worker):
    case = story.survey(story.open())
    story.appoint(case)
    assert case.stage is Stage.REPRESENTATIVES
    assert [r.name for r in case.state.worker_side] == ["张1", "张2", "张3"]
    assert case.state.employer_side[0].chief


def test_an_invalid_appointment_is_refused_and_records_nothing(story, worker, refused):
    case = story.open()
    found = refused(case.appoint_representatives, worker, date(2025, 3, 14),
                    worker_side=team("张", 3), employer_side=team("王", 4),
                    worker_selection=U, chief_basis=CHAIR, employer_appointed_by="王总")
    assert found == {"sides_unequal"}
    assert case.stage is Stage.OPENED


def test_a_guangdong_case_refuses_eleven_a_side_a_national_case_does_not(story):
    story.appoint(story.open(profile="national"), worker_side=team("张", 11),
                  employer_side=team("王", 11))
    with pytest.raises(RuleBroken) as refusal:
        story.appoint(story.open(profile="guangdong"), worker_side=team("张", 11),
                      employer_side=team("王", 11))
    assert {b.key for b in refusal.value.breaches} == {"side_size"}


def test_without_a_union_the_workers_elect_with_a_majority_of_all(story, worker, refused):
    case = story.open(has_union=False, headcount=40)
    facts = {"worker_side": team("张", 3), "employer_side": team("王", 3),
             "worker_selection": D, "chief_basis": ELECTED, "employer_appointed_by": "王总"}
    assert refused(case.appoint_representatives, worker, date(2025, 3, 14),
                   workers_approving=20, **facts) == {"democratic_approval"}
    case.appoint_representatives(worker, date(2025, 3, 14), workers_approving=21, **facts)
    assert case.state.appointment["workers_approving"] == 21


def test_the_sides_are_appointed_once_then_replaced_seat_by_seat(story, worker, refused):
    case = story.appoint(story.open())
    assert refused(case.appoint_representatives, worker, date(2025, 3, 15),
                   worker_side=team("李", 3), employer_side=team("赵", 3),
                   worker_selection=U, chief_basis=CHAIR,
                   employer_appointed_by="王总") == {"representatives_already"}
    case.record_vacancy(worker, date(2025, 3, 16), side="workers", name="张2", reason="离职")
    case.replace_representative(worker, date(2025, 3, 20), side="workers", name="张2",
                                replacement=Representative("张4"))
    assert [r.name for r in case.state.worker_side] == ["张1", "张3", "张4"]
    assert case.state.open_vacancies == []


def test_a_replacement_that_puts_one_person_on_both_sides_is_refused(story, worker, refused):
    case = story.appoint(story.open())
    case.record_vacancy(worker, date(2025, 3, 16), side="workers", name="张2", reason="离职")
    assert refused(case.replace_representative, worker, date(2025, 3, 20), side="workers",
                   name="张2", replacement=Representative("王 2")) == {"on_both_sides"}
    assert refused(case.replace_representative, worker, date(2025, 3, 20), side="workers",
                   name="张9", replacement=Representative("张4")) == {"no_such_vacancy"}
    assert refused(case.record_vacancy, worker, date(2025, 3, 16), side="employer",
                   name="张1", reason="离职") == {"not_a_representative"}
