"""Names of the domain's vocabularies in Simplified Chinese and English (the names of
events come from their steps' modules, :data:`domain.procedure.registry.EVENT_LABELS`)."""

from __future__ import annotations

from enum import StrEnum

from domain.procedure.registry import EVENT_LABELS, STEPS
from domain.values import (
    ChiefBasis,
    ContractKind,
    EffectBasis,
    ItemStatus,
    OutreachKind,
    ProofKind,
    RatifyingBody,
    Role,
    Side,
    SignOffSubject,
    SurveyMethod,
    WorkerSelection,
)

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
        "waiting_review": ("等待人社局审查", "Waiting for the bureau's review"),
        "waiting_bureau": ("等待人社局处理", "Waiting for the bureau"),
        "lapsed": ("合同期满未续订", "Term ended, not renewed"),
    },
    "side": {"workers": ("职工方", "Worker side"), "employer": ("企业方", "Employer side")},
    "event": dict(EVENT_LABELS),
    "notice": {"in_force": ("生效中", "In force"),
               "expiring": ("90天内到期", "Expiring within 90 days"),
               "expired": ("已到期", "Expired")},
    "basis": {"confirmed": ("经审查确认", "Confirmed by the bureau"),
              "deemed": ("审查期满视为生效", "Deemed effective (no objection in time)")},
    "method": {"questionnaire": ("问卷", "Questionnaire"), "interview": ("个别访谈", "Interviews"),
               "forum": ("座谈会", "Forum")},
    "outreach": {"publicity": ("宣传", "Publicity"), "observation": ("观摩", "Observation visit"),
                 "training": ("培训", "Training")},
    "item_status": {"agreed": ("已达成一致", "Agreed"), "open": ("未决", "Open"),
                    "disputed": ("有争议", "Disputed")},
    "selection": {"union": ("由工会推选", "Chosen by the union"),
                  "democratic": ("民主推选", "Chosen democratically")},
    "chief_basis": {
        "union_chair": ("工会主席", "Union chair"),
        "chair_written_delegation": ("工会主席书面委托", "Appointed in writing by the union chair"),
        "union_leader": ("工会负责人（主席空缺）", "Union leader (chair vacant)"),
        "democratically_elected": ("由代表民主推选", "Elected by the representatives")},
    "body": {"workers_congress": ("职工代表大会", "Workers' congress"),
             "all_workers": ("全体职工", "All workers")},
    "proof": {
        "signed_offer": ("签字盖章的要约书", "Signed offer"),
        "reply": ("要约回复（回执）", "Reply to the offer"),
        "representatives_list": ("协商代表名单", "Representatives' list"),
        "signed_minutes": ("双方签字的会议记录", "Signed minutes"),
        "congress_resolution": ("职代会（全体职工）决议", "Congress resolution"),
        "signed_contract": ("签字盖章的合同文本", "Signed contract"),
        "filing_receipt": ("受理回执", "Filing receipt"),
        "review_opinion": ("审查意见书", "Review opinion"),
        "notice_photo": ("公告栏公示照片", "Photo of the notice board"),
        "other": ("其他", "Other"),
    },
    "packet_item": {"proof_attached": ("已附证明材料", "Proof attached"),
                    "recorded": ("已记录", "Recorded"), "missing": ("缺少", "Missing")},
    "subject": {"closure": ("结案", "Closure"), "review": ("案件审核", "Review of the case")},
    "term": {
        "wage_increase_pct": ("工资增长（%）", "Wage increase (%)"),
        "average_wage_last_year": ("上年度职工月平均工资（元）",
                                   "Last year's average monthly wage (yuan)"),
        "minimum_wage": ("最低工资（元/月）", "Minimum wage (yuan/month)"),
        "min_monthly_wage": ("月最低工资（元）", "Monthly minimum wage (yuan)"),
        "weekly_hours": ("每周工时（小时）", "Weekly hours"),
        "summary": ("摘要", "Summary"),
        "paid_leave_days": ("带薪年休假（天）", "Paid leave (days)"),
        "overtime_base": ("加班工资计算基数", "Base of overtime pay"),
        "night_allowance": ("夜班津贴（元/班）", "Night-shift allowance (yuan/shift)"),
        "maternity_leave_days": ("产假（天）", "Maternity leave (days)"),
        "nursing_minutes_per_day": ("哺乳时间（分钟/天）", "Nursing time (minutes/day)"),
        "gynaecological_checkups_per_year": ("妇科检查（次/年）",
                                             "Gynaecological check-ups (per year)"),
        "high_temperature_allowance": ("高温津贴（元/月）", "High-temperature allowance "
                                                            "(yuan/month)"),
        "safety_training_hours": ("安全培训（小时）", "Safety training (hours)"),
        "health_checkups_per_year": ("职业健康检查（次/年）", "Health check-ups (per year)"),
        "piece_rate_increase_pct": ("计件单价增长（%）", "Piece-rate increase (%)"),
        "rest_days_per_month": ("每月休息日（天）", "Rest days per month"),
    },
    "role": {"social_worker": ("工会社工", "Social worker"), "supervisor": ("督导", "Supervisor"),
             "admin": ("管理员", "Administrator")},
}

LABELS["step"] = {step.name: step.label for step in STEPS}
"""Each step by its name (the dashboard's next step)."""

ENUM_VOCABULARY: dict[type[StrEnum], str] = {
    ContractKind: "kind", Side: "side", SurveyMethod: "method", OutreachKind: "outreach",
    ItemStatus: "item_status", WorkerSelection: "selection", ChiefBasis: "chief_basis",
    RatifyingBody: "body", EffectBasis: "basis", SignOffSubject: "subject", Role: "role",
    ProofKind: "proof",
}
"""The vocabulary that names each of the domain's enumerations."""


def label(vocabulary: str, value: str | StrEnum, lang: str = "zh") -> str:
    """The display name of ``value`` in ``vocabulary`` (the value itself if unknown)."""
    pair = LABELS.get(vocabulary, {}).get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "zh" else pair[1]
