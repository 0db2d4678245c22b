"""The clocks of a case (docs/procedure.md, counting days), each at a weekend, a holiday
and an adjusted working day.

Every due date here was counted by hand (start day not counted; a last day that is a rest
day or holiday moves to the next working day) and checked against ``chinese_calendar``;
the id says why the date is special. Status: a deadline met on its due day is met, a day
later met late; an unmet deadline is pending on its due day and overdue the day after.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.deadlines import Deadline, DeadlineKind, DeadlineStatus, deadlines
from domain.stages import Stage
from domain.values import Representative

PENDING, MET, MET_LATE, OVERDUE = (DeadlineStatus.PENDING, DeadlineStatus.MET,
                                   DeadlineStatus.MET_LATE, DeadlineStatus.OVERDUE)
DAY = timedelta(days=1)


def only(case, kind: DeadlineKind) -> Deadline:
    """The one deadline of ``kind`` on the case."""
    (found,) = [d for d in deadlines(case.state) if d.kind is kind]
    return found


def offered(story, sent: date, received: date | None = None, profile: str = "guangdong"):
    """A case whose workers sent their offer on ``sent`` (received on ``received``)."""
    case = story.open(profile=profile, on=sent - 20 * DAY)
    story.appoint(case, on=sent - 10 * DAY)
    return story.send_offer(case, on=sent, received_on=received or sent)


def ratified(story, on: date):
    """A case whose draft was ratified on ``on``, every earlier step a few days before."""
    case = offered(story, on - 30 * DAY)
    story.accept_offer(case, on=on - 25 * DAY)
    story.hold_session(case, on=on - 20 * DAY)
    story.agree_draft(case, on=on - 10 * DAY)
    return story.ratify(case, on=on)


def signed(story, on: date):
    """A case whose contract was signed on ``on`` for one year from the next day."""
    case = ratified(story, on - 3 * DAY)
    start = on + DAY
    return story.sign(case, on=on, term_start=start,
                      term_end=start.replace(year=start.year + 1) - DAY)


def filed(story, received: date):
    """A case whose filing the bureau received on ``received``."""
    case = signed(story, received - 7 * DAY)
    return story.file(case, on=received - 2 * DAY, received_on=received)


# --- status at the boundaries ---------------------------------------------------------------

DUE = date(2025, 10, 9)
STATUSES = [
    pytest.param(DUE - DAY, DUE + 30 * DAY, MET, id="met-a-day-early"),
    pytest.param(DUE, DUE + 30 * DAY, MET, id="met-on-the-due-day"),
    pytest.param(DUE + DAY, DUE + 30 * DAY, MET_LATE, id="met-a-day-late"),
    pytest.param(DUE + DAY, DUE - 5 * DAY, MET_LATE, id="met-late-whatever-today-is"),
    pytest.param(None, DUE - DAY, PENDING, id="unmet-the-day-before"),
    pytest.param(None, DUE, PENDING, id="unmet-on-the-due-day-still-pending"),
    pytest.param(None, DUE + DAY, OVERDUE, id="unmet-the-day-after-overdue"),
]


@pytest.mark.parametrize(("met_on", "today", "status"), STATUSES)
def test_deadline_status(met_on, today, status):
    deadline = Deadline(DeadlineKind.FILING, 9, DUE - 10 * DAY, DUE, met_on)
    assert deadline.status(today) is status


# --- Art. 32: reply to an offer, 20 days nationally, 30 in Guangdong ----------------------

REPLIES = [
    pytest.param("national", date(2025, 9, 11), date(2025, 10, 9),
                 id="national-20th-day-is-1-october-national-day"),
    pytest.param("guangdong", date(2025, 9, 11), date(2025, 10, 11),
                 id="guangdong-30th-day-is-11-october-an-adjusted-working-saturday"),
    pytest.param("national", date(2025, 3, 2), date(2025, 3, 24),
                 id="national-20th-day-is-a-saturday"),
    pytest.param("guangdong", date(2025, 3, 2), date(2025, 4, 1),
                 id="guangdong-30th-day-is-a-tuesday"),
    pytest.param("national", date(2026, 1, 27), date(2026, 2, 24),
                 id="national-20th-day-is-16-february-spring-festival"),
]


@pytest.mark.parametrize(("profile", "received", "due"), REPLIES)
def test_reply_due(story, profile, received, due):
    case = offered(story, received - DAY, received, profile=profile)
    reply = only(case, DeadlineKind.REPLY)
    assert (reply.starts_on, reply.due_on, reply.met_on) == (received, due, None)
    assert reply.source_version == case.state.offers[0].start.version
    assert reply.status(due) is PENDING
    assert reply.status(due + DAY) is OVERDUE


@pytest.mark.parametrize(("answered", "status"), [
    pytest.param(date(2025, 10, 9), MET, id="answered-on-the-due-day"),
    pytest.param(date(2025, 10, 10), MET_LATE, id="answered-the-day-after-kept-as-late"),
])
def test_a_late_reply_is_recorded_and_kept_as_late(story, answered, status):
    case = offered(story, date(2025, 9, 10), date(2025, 9, 11), profile="national")
    story.accept_offer(case, on=answered)
    assert only(case, DeadlineKind.REPLY).status(date(2026, 1, 1)) is status


def test_a_reasoned_refusal_answers_the_offer_too(story):
    case = offered(story, date(2025, 9, 10), date(2025, 9, 11), profile="national")
    story.accept_offer(case, on=date(2025, 9, 20), accepted=False, reason="经营困难")
    assert only(case, DeadlineKind.REPLY).met_on == date(2025, 9, 20)
    assert case.stage is Stage.OFFER_SENT


# --- Art. 31: a vacant seat is filled within 15 days ----------------------------------------

VACANCIES = [
    pytest.param(date(2026, 2, 1), date(2026, 2, 24),
                 id="15th-day-is-16-february-in-spring-festival-2026"),
    pytest.param(date(2026, 1, 30), date(2026, 2, 14),
                 id="15th-day-is-14-february-an-adjusted-working-saturday"),
    pytest.param(date(2025, 9, 13), date(2025, 9, 28),
                 id="15th-day-is-28-september-an-adjusted-working-sunday"),
    pytest.param(date(2025, 3, 16), date(2025, 3, 31), id="15th-day-is-a-monday"),
    pytest.param(date(2025, 9, 20), date(2025, 10, 9),
                 id="15th-day-is-5-october-in-national-day-break"),
]


@pytest.mark.parametrize(("left", "due"), VACANCIES)
def test_vacancy_fill_due(story, worker, left, due):
    case = story.appoint(story.open())
    case.record_vacancy(worker, left, side="employer", name="王2", reason="调岗")
    vacancy = only(case, DeadlineKind.VACANCY)
    assert (vacancy.starts_on, vacancy.due_on) == (left, due)
    assert vacancy.status(due) is PENDING and vacancy.status(due + DAY) is OVERDUE


@pytest.mark.parametrize(("filled", "status"), [
    pytest.param(date(2026, 2, 24), MET, id="filled-on-the-due-day"),
    pytest.param(date(2026, 2, 25), MET_LATE, id="filled-a-day-late"),
])
def test_filling_the_vacancy_meets_the_deadline(story, worker, filled, status):
    case = story.appoint(story.open())
    case.record_vacancy(worker, date(2026, 2, 1), side="employer", name="王2", reason="调岗")
    case.replace_representative(worker, filled, side="employer", name="王2",
                                replacement=Representative("王4"))
    assert only(case, DeadlineKind.VACANCY).status(date(2026, 3, 1)) is status


# --- Art. 42: filed within 10 days of signing ------------------------------------------------

FILINGS = [
    pytest.param(date(2025, 9, 18), date(2025, 9, 28),
                 id="10th-day-is-28-september-an-adjusted-working-sunday"),
    pytest.param(date(2025, 9, 21), date(2025, 10, 9), id="10th-day-is-1-october-national-day"),
    pytest.param(date(2026, 2, 6), date(2026, 2, 24),
                 id="10th-day-is-16-february-in-spring-festival-2026"),
    pytest.param(date(2025, 4, 18), date(2025, 4, 28), id="10th-day-is-a-monday"),
    pytest.param(date(2025, 3, 12), date(2025, 3, 24), id="10th-day-is-a-saturday"),
]


@pytest.mark.parametrize(("signed_on", "due"), FILINGS)
def test_filing_due(story, signed_on, due):
    case = signed(story, signed_on)
    filing = only(case, DeadlineKind.FILING)
    assert (filing.starts_on, filing.due_on, filing.met_on) == (signed_on, due, None)
    assert filing.source_version == case.state.track.signed.version


@pytest.mark.parametrize(("filed_on", "status"), [
    pytest.param(date(2025, 10, 9), MET, id="filed-on-the-due-day"),
    pytest.param(date(2025, 10, 10), MET_LATE, id="filed-a-day-late-kept-as-late"),
])
def test_a_late_filing_is_recorded_and_kept_as_late(story, filed_on, status):
    case = story.file(signed(story, date(2025, 9, 21)), on=filed_on)
    assert only(case, DeadlineKind.FILING).status(date(2026, 1, 1)) is status


# --- Arts. 45, 47; LCL Art. 54: 15 days of review, then deemed effective the day after ------

REVIEWS = [
    pytest.param(date(2025, 9, 16), date(2025, 10, 9), date(2025, 10, 10),
                 id="15th-day-is-1-october-national-day"),
    pytest.param(date(2025, 9, 15), date(2025, 9, 30), date(2025, 10, 1),
                 id="15th-day-is-a-tuesday-deemed-effective-on-national-day"),
    pytest.param(date(2026, 2, 1), date(2026, 2, 24), date(2026, 2, 25),
                 id="15th-day-is-16-february-in-spring-festival-2026"),
    pytest.param(date(2025, 3, 8), date(2025, 3, 24), date(2025, 3, 25),
                 id="15th-day-is-a-sunday"),
    pytest.param(date(2025, 9, 13), date(2025, 9, 28), date(2025, 9, 29),
                 id="15th-day-is-28-september-an-adjusted-working-sunday"),
]


@pytest.mark.parametrize(("received", "due", "deemed"), REVIEWS)
def test_review_due_and_deemed_effective_the_day_after(story, worker, refused, received, due,
                                                        deemed):
    case = filed(story, received)
    review = only(case, DeadlineKind.REVIEW)
    assert (review.starts_on, review.due_on, review.met_on) == (received, due, None)

    assert refused(case.record_effect, worker, deemed - DAY, basis="deemed") == {"date_order"}
    story.take_effect(case, on=deemed)
    assert case.state.track.effect["effective_on"] == deemed
    assert case.stage is Stage.IN_FORCE
    review = only(case, DeadlineKind.REVIEW)
    assert review.met_on == due
    assert review.status(deemed + 30 * DAY) is MET


def test_a_deemed_effect_recorded_late_still_takes_effect_the_day_after_review(story):
    case = story.take_effect(filed(story, date(2025, 9, 16)), on=date(2025, 10, 20))
    assert case.state.track.effect["effective_on"] == date(2025, 10, 10)


def test_a_confirmed_effect_takes_effect_on_the_bureaus_date(story):
    case = story.take_effect(filed(story, date(2025, 9, 16)), on=date(2025, 9, 26),
                             basis="confirmed")
    assert case.state.track.effect["effective_on"] == date(2025, 9, 26)
    assert only(case, DeadlineKind.REVIEW).met_on == date(2025, 9, 26)


@pytest.mark.parametrize(("objected", "allowed"), [
    pytest.param(date(2025, 10, 9), True, id="objection-on-the-last-day-after-national-day"),
    pytest.param(date(2025, 10, 10), False, id="objection-the-day-after-is-too-late"),
])
def test_an_objection_must_come_within_the_review_period(story, worker, refused, objected,
                                                         allowed):
    case = filed(story, date(2025, 9, 16))
    if allowed:
        case.record_objection(worker, objected, issues="工资条款低于最低工资标准")
        assert case.stage is Stage.NEGOTIATING
        assert only(case, DeadlineKind.REVIEW).status(date(2026, 1, 1)) is MET
    else:
        assert refused(case.record_objection, worker, objected,
                       issues="工资条款低于最低工资标准") == {"objection_too_late"}


# --- Art. 48: published within 10 days of taking effect (profile) ---------------------------

PUBLICATIONS = [
    pytest.param(date(2025, 9, 15), "deemed", date(2025, 10, 1), date(2025, 10, 11),
                 id="effective-1-october-10th-day-is-an-adjusted-working-saturday"),
    pytest.param(date(2025, 4, 22), "deemed", date(2025, 5, 8), date(2025, 5, 19),
                 id="10th-day-is-a-sunday"),
    pytest.param(date(2025, 9, 16), "confirmed", date(2025, 9, 22), date(2025, 10, 9),
                 id="10th-day-is-2-october-in-national-day-break"),
    pytest.param(date(2026, 1, 20), "confirmed", date(2026, 2, 6), date(2026, 2, 24),
                 id="10th-day-is-16-february-in-spring-festival-2026"),
]


@pytest.mark.parametrize(("received", "basis", "effective", "due"), PUBLICATIONS)
def test_publication_due(story, received, basis, effective, due):
    case = story.take_effect(filed(story, received), on=effective, basis=basis)
    publication = only(case, DeadlineKind.PUBLICATION)
    assert (publication.starts_on, publication.due_on) == (effective, due)
    assert publication.status(due) is PENDING and publication.status(due + DAY) is OVERDUE
    story.publish(case, on=due)
    assert only(case, DeadlineKind.PUBLICATION).status(due + DAY) is MET
    assert case.stage is Stage.PUBLISHED


def test_a_late_publication_is_met_late(story):
    case = story.take_effect(filed(story, date(2025, 9, 15)), on=date(2025, 10, 1))
    story.publish(case, on=date(2025, 10, 12))
    assert only(case, DeadlineKind.PUBLICATION).status(date(2026, 1, 1)) is MET_LATE


# --- Art. 53: the bureau handles a dispute in 30 days, extendable once by 15 ----------------

DISPUTES = [
    pytest.param(date(2025, 9, 1), False, date(2025, 10, 9),
                 id="30th-day-is-1-october-national-day"),
    pytest.param(date(2025, 3, 20), False, date(2025, 4, 21), id="30th-day-is-a-saturday"),
    pytest.param(date(2025, 3, 20), True, date(2025, 5, 6),
                 id="extended-45th-day-is-4-may-in-labour-day-break"),
    pytest.param(date(2025, 3, 3), True, date(2025, 4, 17), id="extended-45th-day-is-a-thursday"),
    pytest.param(date(2025, 9, 1), True, date(2025, 10, 24),
                 id="extension-adds-15-days-after-the-holiday-adjusted-9-october-end"),
    pytest.param(date(2026, 1, 17), False, date(2026, 2, 24),
                 id="30th-day-is-16-february-in-spring-festival-2026"),
]


@pytest.mark.parametrize(("accepted", "extended", "due"), DISPUTES)
def test_dispute_due(story, worker, refused, accepted, extended, due):
    case = offered(story, accepted - 5 * DAY)
    case.file_dispute(worker, accepted - 2 * DAY, bureau="兴宁市人社局", accepted_on=accepted,
                      issues="工资增幅分歧")
    if extended:
        case.extend_dispute(worker, accepted + 29 * DAY, reason="需补充调查")
        assert refused(case.extend_dispute, worker, accepted + 30 * DAY,
                       reason="再次延长") == {"dispute_already_extended"}
    dispute = only(case, DeadlineKind.DISPUTE)
    assert (dispute.starts_on, dispute.due_on, dispute.met_on) == (accepted, due, None)
    case.resolve_dispute(worker, due, outcome="达成协调处理协议书")
    assert only(case, DeadlineKind.DISPUTE).status(due + DAY) is MET


def test_one_dispute_at_a_time_and_only_before_signing(story, worker, refused):
    case = story.up_to(Stage.REPRESENTATIVES)
    facts = {"bureau": "兴宁市人社局", "accepted_on": date(2025, 3, 20), "issues": "分歧"}
    assert refused(case.file_dispute, worker, date(2025, 3, 18),
                   **facts) == {"dispute_out_of_place"}
    story.send_offer(case)
    case.file_dispute(worker, date(2025, 3, 18), **facts)
    assert refused(case.file_dispute, worker, date(2025, 3, 19), **facts) == {"dispute_open"}
    assert refused(case.resolve_dispute, worker, date(2025, 3, 19),
                   outcome="结束") == {"date_order"}              # before the bureau accepted


# --- Art. 35: a suspension names the day negotiation resumes -------------------------------

@pytest.mark.parametrize(("resumed", "status"), [
    pytest.param(date(2025, 4, 10), MET, id="resumed-on-the-day-agreed"),
    pytest.param(date(2025, 4, 9), MET, id="resumed-early"),
    pytest.param(date(2025, 4, 11), MET_LATE, id="resumed-a-day-late"),
])
def test_resume_date_of_a_suspension(story, worker, resumed, status):
    case = story.up_to(Stage.NEGOTIATING)                       # session on 1 April
    case.suspend_negotiation(worker, date(2025, 4, 3), resume_on=date(2025, 4, 10),
                             topics=["工资增幅"])
    resume = only(case, DeadlineKind.RESUME)
    assert (resume.starts_on, resume.due_on) == (date(2025, 4, 3), date(2025, 4, 10))
    assert resume.status(date(2025, 4, 10)) is PENDING
    assert resume.status(date(2025, 4, 11)) is OVERDUE
    story.hold_session(case, on=resumed)
    assert only(case, DeadlineKind.RESUME).status(date(2025, 6, 1)) is status
    assert case.state.open_suspension is None


def test_a_suspension_must_resume_after_it_began(story, worker, refused):
    case = story.up_to(Stage.NEGOTIATING)
    assert refused(case.suspend_negotiation, worker, date(2025, 4, 3),
                   resume_on=date(2025, 4, 3), topics=[]) == {"resume_after_suspension"}
    case.suspend_negotiation(worker, date(2025, 4, 3), resume_on=date(2025, 4, 4), topics=[])
    assert refused(case.suspend_negotiation, worker, date(2025, 4, 3),
                   resume_on=date(2025, 4, 9), topics=[]) == {"already_suspended"}
    assert refused(case.agree_draft, worker, date(2025, 4, 5), text="草案", key_terms={},
                   signed_by_chiefs=True) == {"still_suspended"}


# --- the whole story and closing --------------------------------------------------------------

def test_a_published_case_shows_every_deadline_met_and_the_renewal_window(story):
    case = story.up_to(Stage.PUBLISHED)
    found = {d.kind: d for d in deadlines(case.state)}
    assert set(found) == {DeadlineKind.REPLY, DeadlineKind.FILING, DeadlineKind.REVIEW,
                          DeadlineKind.PUBLICATION, DeadlineKind.RENEWAL}
    today = date(2025, 6, 1)
    assert {k: d.status(today) for k, d in found.items() if k is not DeadlineKind.RENEWAL} == {
        DeadlineKind.REPLY: MET, DeadlineKind.FILING: MET, DeadlineKind.REVIEW: MET,
        DeadlineKind.PUBLICATION: MET}
    # received 22 April: 15th day 7 May (after Labour Day 1-5 May); effective 8 May
    assert found[DeadlineKind.REVIEW].due_on == date(2025, 5, 7)
    assert found[DeadlineKind.RENEWAL].starts_on == date(2028, 1, 30)
    assert found[DeadlineKind.RENEWAL].status(today) is PENDING


def test_a_closed_case_keeps_its_met_deadlines_and_the_renewal_window_of_its_contract(
        story, worker):
    case = story.up_to(Stage.CLOSED)
    found = {d.kind: d for d in deadlines(case.state)}
    assert set(found) == {DeadlineKind.REPLY, DeadlineKind.FILING, DeadlineKind.REVIEW,
                          DeadlineKind.PUBLICATION, DeadlineKind.RENEWAL}
    assert found[DeadlineKind.RENEWAL].met_on is None       # the contract is still in force
    assert found[DeadlineKind.RENEWAL].starts_on == date(2028, 1, 30)
    assert found[DeadlineKind.RENEWAL].status(date(2028, 2, 1)) is PENDING
    case.reopen(worker, date(2025, 6, 1), reason="企业要求续订")
    assert DeadlineKind.RENEWAL in {d.kind for d in deadlines(case.state)}


def test_a_case_closed_before_any_contract_drops_its_open_deadlines(story):
    case = offered(story, date(2025, 3, 17))                 # the employer's reply is open
    assert DeadlineKind.REPLY in {d.kind for d in deadlines(case.state)}
    story.close(case, on=date(2025, 3, 20), reason="企业拒绝协商")
    assert deadlines(case.state) == []


# --- whose clock: the bureau's clocks wait, never overdue ------------------------------------

def test_the_bureau_review_is_waiting_before_and_after_its_end_never_overdue(story):
    case = filed(story, date(2025, 9, 1))
    review = only(case, DeadlineKind.REVIEW)
    assert review.keeper == "bureau"
    assert review.status(review.due_on - DAY) is DeadlineStatus.WAITING_REVIEW
    assert review.status(review.due_on + 30 * DAY) is DeadlineStatus.WAITING_REVIEW
    filing = only(case, DeadlineKind.FILING)                 # the worker's own clock
    assert filing.keeper is None
    assert filing.status(filing.due_on + 30 * DAY) is MET


def test_a_dispute_is_the_bureaus_clock(story):
    dispute = Deadline(DeadlineKind.DISPUTE, 5, date(2025, 3, 1), date(2025, 3, 31), None)
    assert dispute.keeper == "bureau"
    assert dispute.status(date(2025, 5, 1)) is DeadlineStatus.WAITING_BUREAU
    kept = Deadline(DeadlineKind.DISPUTE, 5, date(2025, 3, 1), date(2025, 3, 31),
                    date(2025, 4, 2))
    assert kept.status(date(2025, 5, 1)) is MET_LATE


def test_the_reply_to_the_workers_offer_is_the_employers_clock(story):
    case = offered(story, date(2025, 3, 17))                 # the workers sent it
    reply = only(case, DeadlineKind.REPLY)
    assert reply.keeper == "employer"
    assert reply.status(reply.due_on + DAY) is OVERDUE       # the other side is late: flagged
