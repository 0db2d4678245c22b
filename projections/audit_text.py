"""One-line Chinese summaries of events for the audit log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.labels import label
from domain.vocabulary import fact_label

Facts = dict[str, Any]


def _side(value: str) -> str:
    return label("side", value)


def _vote(f: Facts) -> str:
    return f"审议表决：应到 {f['members']} 人，实到 {f['present']} 人，赞成 {f['votes_for']} 票"


TEMPLATES: dict[str, Callable[[Facts], str]] = {
    "CaseOpened": lambda f: (f"接案：{f['enterprise']['name']}"
                             f"（{label('kind', f['contract_kind'])}）"),
    "SurveyRecorded": lambda f: f"调查摸底：{f['respondents']} 人参与，诉求 {len(f['demands'])} 项",
    "OutreachRecorded": lambda f: f"宣传/观摩/培训：{f['participants']} 人参加",
    "RepresentativesAppointed": lambda f: (f"协商代表产生：双方各 {len(f['worker_side'])} 人"),
    "RepresentativeLeft": lambda f: f"{_side(f['side'])}代表 {f['name']} 出缺",
    "RepresentativeReplaced": lambda f: (f"{_side(f['side'])}代表 {f['name']} 由 "
                                         f"{f['replacement']['name']} 接替"),
    "OfferSent": lambda f: f"{_side(f['from_side'])}发出协商要约，对方 {f['received_on']} 收到",
    "OfferAnswered": lambda f: "要约获接受" if f["accepted"] else f"要约被拒绝：{f['reason']}",
    "SessionHeld": lambda f: (f"召开协商会议（{_side(f['chaired_by'])}主持），议题 "
                              f"{len(f['items'])} 项"),
    "SessionSuspended": lambda f: f"协商中止，约定 {f['resume_on']} 恢复",
    "DisputeFiled": lambda f: f"协商争议由{f['bureau']}于 {f['accepted_on']} 受理",
    "DisputeExtended": lambda f: "争议处理期限延长",
    "DisputeResolved": lambda f: "协商争议处理完毕",
    "DraftAgreed": lambda f: "合同草案形成，双方首席代表签字",
    "RatificationVoted": _vote,
    "ContractSigned": lambda f: f"集体合同签订，期限 {f['term_start']} 至 {f['term_end']}",
    "ContractFiled": lambda f: f"报送{f['bureau']}审查",
    "ReviewObjected": lambda f: "劳动保障部门提出审查意见，重新协商",
    "ContractTookEffect": lambda f: (f"合同{'经确认' if f['basis'] == 'confirmed' else '视为'}"
                                     f"于 {f['effective_on']} 生效"),
    "ContractPublished": lambda f: f"合同向全体职工公布（{f['channels']}）",
    "ImplementationReviewed": lambda f: "履约情况检查",
    "RenewalRequested": lambda f: f"{_side(f['requested_by'])}提出续订",
    "SignOffRequested": lambda f: ("申请督导审核结案" if f["subject"] == "closure"
                                   else "申请督导审核"),
    "SignOffGiven": lambda f: f"督导同意第 {f['request_version']} 条申请",
    "SignOffRefused": lambda f: f"督导退回第 {f['request_version']} 条申请：{f['reason']}",
    "CaseClosed": lambda f: f"结案：{f['reason']}",
    "CaseReopened": lambda f: f"重新开案：{f['reason']}",
    "NoteAdded": lambda f: "添加备注",
    "AttachmentAdded": lambda f: f"上传附件：{f['filename']}",
    "CaseReassigned": lambda f: f"改派给 {f['assigned_to']['name']}：{f['reason']}",
    "EntryCorrected": lambda f: (f"更正第 {f['corrects_version']} 条（"
                                 f"{'、'.join(fact_label(path) for path in f['changes'])}）："
                                 f"{f['reason']}"),
}


def summarise(event: Any) -> str:
    """A one-line summary of ``event`` (its type name if no template fits)."""
    facts = vars(event)  # read only
    template = TEMPLATES.get(type(event).__name__)
    text = template(facts) if template else type(event).__name__
    return text if len(text) <= 200 else text[:199] + "…"


