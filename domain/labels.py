"""Names of the domain's vocabularies in Simplified Chinese and English."""

from __future__ import annotations

from enum import StrEnum

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "general": ("综合集体合同", "General contract"),
        "wage": ("工资专项集体合同", "Wage agreement"),
        "women": ("女职工权益保护专项集体合同", "Women workers' agreement"),
        "safety": ("劳动安全卫生专项集体合同", "Safety and health agreement"),
        "other": ("其他专项集体合同", "Other agreement"),
    },
    "stage": {
        "opened": ("接案", "Opened"),
        "surveyed": ("调查摸底", "Surveyed"),
        "representatives": ("协商代表产生", "Representatives appointed"),
        "offer_sent": ("要约已发出", "Offer sent"),
        "negotiating": ("协商中", "Negotiating"),
        "draft_agreed": ("草案形成", "Draft agreed"),
        "ratified": ("审议通过", "Ratified"),
        "signed": ("已签订", "Signed"),
        "filed": ("已报送审查", "Filed for review"),
        "in_force": ("已生效", "In force"),
        "published": ("已公示", "Published"),
        "closed": ("已结案", "Closed"),
    },
    "deadline": {
        "reply": ("要约回应期限", "Reply to offer"),
        "vacancy": ("代表空缺补足期限", "Fill vacancy"),
        "resume": ("恢复协商日期", "Resume negotiation"),
        "dispute": ("争议处理期限", "Dispute handling"),
        "filing": ("报送期限", "File contract"),
        "review": ("审查期限", "Bureau review"),
        "publication": ("公布期限", "Publish contract"),
        "renewal": ("续订提出期限", "Renewal window"),
    },
    "status": {
        "pending": ("进行中", "Pending"),
        "met": ("按期完成", "Met"),
        "met_late": ("逾期完成", "Met late"),
        "overdue": ("已逾期", "Overdue"),
    },
    "side": {"workers": ("职工方", "Worker side"), "employer": ("企业方", "Employer side")},
    "event": {
        "CaseOpened": ("接案", "Case opened"),
        "SurveyRecorded": ("调查摸底", "Survey"),
        "OutreachRecorded": ("宣传/观摩/培训", "Outreach"),
        "RepresentativesAppointed": ("协商代表产生", "Representatives appointed"),
        "RepresentativeLeft": ("代表出缺", "Representative left"),
        "RepresentativeReplaced": ("代表更换", "Representative replaced"),
        "OfferSent": ("发出要约", "Offer sent"),
        "OfferAnswered": ("要约回应", "Offer answered"),
        "SessionHeld": ("协商会议", "Session held"),
        "SessionSuspended": ("协商中止", "Negotiation suspended"),
        "DisputeFiled": ("协商争议申请", "Dispute filed"),
        "DisputeExtended": ("争议处理延期", "Dispute extended"),
        "DisputeResolved": ("争议处理完毕", "Dispute resolved"),
        "DraftAgreed": ("草案形成", "Draft agreed"),
        "RatificationVoted": ("职代会/全体职工审议", "Ratification vote"),
        "ContractSigned": ("合同签订", "Contract signed"),
        "ContractFiled": ("合同报送", "Contract filed"),
        "ReviewObjected": ("审查意见", "Review objection"),
        "ContractTookEffect": ("合同生效", "Contract took effect"),
        "ContractPublished": ("合同公布", "Contract published"),
        "ImplementationReviewed": ("履约监督", "Implementation reviewed"),
        "RenewalRequested": ("提出续订", "Renewal requested"),
        "SignOffRequested": ("申请审核", "Sign-off requested"),
        "SignOffGiven": ("督导同意", "Signed off"),
        "SignOffRefused": ("督导退回", "Sign-off refused"),
        "CaseClosed": ("结案", "Case closed"),
        "CaseReopened": ("重新开案", "Case reopened"),
        "NoteAdded": ("备注", "Note"),
        "AttachmentAdded": ("附件", "Attachment"),
        "CaseReassigned": ("改派", "Reassigned"),
        "EntryCorrected": ("更正", "Correction"),
    },
    "notice": {"in_force": ("生效中", "In force"),
               "expiring": ("90天内到期", "Expiring within 90 days"),
               "expired": ("已到期", "Expired")},
    "basis": {"confirmed": ("经审查确认", "confirmed by the bureau"),
              "deemed": ("审查期满视为生效", "deemed effective after review")},
    "term": {"wage_increase_pct": ("工资增长（%）", "Wage increase (%)"),
             "minimum_wage": ("最低工资（元/月）", "Minimum wage (yuan/month)"),
             "weekly_hours": ("每周工时", "Weekly hours"), "summary": ("摘要", "Summary")},
    "role": {"social_worker": ("工会社工", "Social worker"), "supervisor": ("督导", "Supervisor"),
             "admin": ("管理员", "Administrator")},
}


def label(vocabulary: str, value: str | StrEnum, lang: str = "zh") -> str:
    """The display name of ``value`` in ``vocabulary`` (the value itself if unknown)."""
    pair = LABELS.get(vocabulary, {}).get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "zh" else pair[1]
