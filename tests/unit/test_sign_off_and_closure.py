"""Cross-cutting entries: supervisor sign-off, closing and reopening a case (step 14),
reassignment, notes and attachments."""

from __future__ import annotations

from datetime import date

import pytest

from domain.stages import Stage
from domain.values import Actor, Role, SignOffSubject

D = date
CLOSURE, REVIEW = SignOffSubject.CLOSURE, SignOffSubject.REVIEW
SHA = "a" * 64


ASKED_ON = D(2025, 5, 20)


def ask_closure(case, by, on=ASKED_ON, note="合同已公示，结案") -> int:
    case.request_sign_off(by, on, subject=CLOSURE, note=note)
    return case.version


def test_a_supervisor_signs_off_the_closure_and_the_case_closes(story, worker, supervisor):
    case = story.up_to(Stage.PUBLISHED)
    request = ask_closure(case, worker)
    assert case.stage is Stage.PUBLISHED                        # asking is not closing
    case.give_sign_off(supervisor, D(2025, 5, 21), request_version=request, note="同意")
    assert case.stage is Stage.CLOSED
    assert [e.type for e in case.state.entries[-2:]] == ["SignOffGiven", "CaseClosed"]
    assert case.state.closed["reason"] == "合同已公示，结案"
    assert case.state.closed.by == supervisor
    assert case.state.sign_offs[-1].end["request_version"] == request


def test_only_a_supervisor_signs_off(story, worker, colleague, refused):
    case = story.up_to(Stage.PUBLISHED)
    request = ask_closure(case, worker)
    assert refused(case.give_sign_off, colleague, D(2025, 5, 21),
                   request_version=request) == {"supervisor_only"}
    assert refused(case.give_sign_off, worker, D(2025, 5, 21),
                   request_version=request) == {"supervisor_only", "own_request"}
    assert refused(case.refuse_sign_off, colleague, D(2025, 5, 21), request_version=request,
                   reason="不同意") == {"supervisor_only"}


def test_nobody_signs_off_their_own_request(story, supervisor, other_supervisor, refused):
    case = story.up_to(Stage.PUBLISHED)
    request = ask_closure(case, supervisor)
    assert refused(case.give_sign_off, supervisor, D(2025, 5, 21),
                   request_version=request) == {"own_request"}
    assert refused(case.refuse_sign_off, supervisor, D(2025, 5, 21), request_version=request,
                   reason="不同意") == {"own_request"}
    case.give_sign_off(other_supervisor, D(2025, 5, 21), request_version=request)
    assert case.stage is Stage.CLOSED


def test_a_refused_closure_leaves_the_case_open_and_may_be_asked_again(story, worker,
                                                                       supervisor, refused):
    case = story.up_to(Stage.PUBLISHED)
    request = ask_closure(case, worker)
    assert refused(case.refuse_sign_off, supervisor, D(2025, 5, 21), request_version=request,
                   reason=" ") == {"required"}
    case.refuse_sign_off(supervisor, D(2025, 5, 21), request_version=request,
                         reason="履约监督尚未开展")
    assert case.stage is Stage.PUBLISHED
    assert refused(case.give_sign_off, supervisor, D(2025, 5, 22),
                   request_version=request) == {"no_such_request"}     # already decided
    case.review_implementation(worker, D(2025, 6, 10), findings="工资按时足额发放")
    second = ask_closure(case, worker, on=D(2025, 6, 11))
    case.give_sign_off(supervisor, D(2025, 6, 12), request_version=second)
    assert case.stage is Stage.CLOSED


def test_sign_off_requests_one_at_a_time_and_closure_needs_a_reason(story, worker, supervisor,
                                                                   refused):
    case = story.up_to(Stage.PUBLISHED)
    assert refused(case.request_sign_off, worker, D(2025, 5, 20), subject=CLOSURE,
                   note="") == {"required"}
    request = ask_closure(case, worker)
    assert refused(case.request_sign_off, worker, D(2025, 5, 20), subject=CLOSURE,
                   note="再次申请") == {"sign_off_pending"}
    case.request_sign_off(worker, D(2025, 5, 20), subject=REVIEW, note="")   # another kind
    assert refused(case.give_sign_off, supervisor, D(2025, 5, 19),
                   request_version=request) == {"date_order"}    # before the request
    assert refused(case.give_sign_off, supervisor, D(2025, 5, 21),
                   request_version=1) == {"no_such_request"}     # the opening entry
    case.give_sign_off(supervisor, D(2025, 5, 21), request_version=case.version)
    assert case.stage is Stage.PUBLISHED                        # a review sign-off closes nothing


def test_a_closed_case_refuses_steps_but_takes_notes_until_reopened(story, worker, colleague,
                                                                    refused):
    case = story.up_to(Stage.CLOSED)                            # closed on 21 May 2025
    assert refused(case.review_implementation, worker, D(2025, 6, 1),
                   findings="按时发放") == {"case_closed"}
    assert refused(case.reassign, worker, D(2025, 6, 1), to=colleague,
                   reason="调岗") == {"case_closed"}
    assert refused(case.request_sign_off, worker, D(2025, 6, 1), subject=CLOSURE,
                   note="再次结案") == {"case_closed"}
    case.add_note(worker, D(2025, 6, 1), text="企业来电询问续订")
    case.attach_file(worker, D(2025, 6, 1), filename="合同.pdf", media_type="application/pdf",
                     size=1024, sha256=SHA)
    assert case.stage is Stage.CLOSED

    assert refused(case.reopen, worker, D(2025, 5, 20), reason="续订") == {"date_order"}
    assert refused(case.reopen, worker, D(2025, 6, 2), reason="") == {"required"}
    case.reopen(worker, D(2025, 6, 2), reason="企业违反合同，重新介入")
    assert case.stage is Stage.PUBLISHED
    case.review_implementation(worker, D(2025, 6, 3), findings="加班费未按约定发放",
                               problems="加班费", follow_up="约谈企业")
    assert refused(case.reopen, worker, D(2025, 6, 3), reason="再开") == {"case_not_closed"}


def test_a_case_may_be_closed_before_any_contract_and_reopened(story, worker):
    case = story.up_to(Stage.SURVEYED)
    story.close(case, on=D(2025, 3, 20), reason="企业拒绝协商")
    assert case.stage is Stage.CLOSED
    case.reopen(worker, D(2025, 4, 1), reason="企业同意协商")
    assert case.stage is Stage.SURVEYED


@pytest.mark.parametrize(("to", "reason", "expected"), [
    pytest.param(Actor("sv-chen", "陈督导", Role.SUPERVISOR), "调岗", {"assignee_role"},
                 id="to-a-supervisor"),
    pytest.param(Actor("sw-li", "李社工"), "调岗", {"already_assigned"}, id="to-the-same-worker"),
    pytest.param(Actor("sw-he", "何社工"), " ", {"required"}, id="without-a-reason"),
])
def test_reassignment_is_refused(story, worker, refused, to, reason, expected):
    case = story.open()
    assert refused(case.reassign, worker, D(2025, 3, 5), to=to, reason=reason) == expected


def test_a_case_passes_to_another_social_worker(story, worker, colleague):
    case = story.open()
    case.reassign(worker, D(2025, 3, 5), to=colleague, reason="李社工休产假")
    assert case.state.assigned_to == colleague


@pytest.mark.parametrize(("facts", "expected"), [
    pytest.param({"sha256": "A" * 64}, {"sha256_invalid"}, id="uppercase-hash"),
    pytest.param({"sha256": "a" * 63}, {"sha256_invalid"}, id="hash-too-short"),
    pytest.param({"size": 0}, {"at_least"}, id="empty-file"),
    pytest.param({"filename": " "}, {"required"}, id="no-filename"),
])
def test_an_attachment_is_refused(story, worker, refused, facts, expected):
    case = story.open()
    attachment = {"filename": "纪要.pdf", "media_type": "application/pdf", "size": 2048,
                  "sha256": SHA, **facts}
    assert refused(case.attach_file, worker, D(2025, 3, 5), **attachment) == expected


def test_a_note_needs_text(story, worker, refused):
    case = story.open()
    assert refused(case.add_note, worker, D(2025, 3, 5), text="\t") == {"required"}
