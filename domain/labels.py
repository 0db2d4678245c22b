"""Names of the domain's vocabularies in Simplified Chinese and English (the names of
events come from their steps' modules, :data:`domain.procedure.registry.EVENT_LABELS`)."""

from __future__ import annotations

from enum import StrEnum

from domain.procedure.registry import EVENT_LABELS

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
    "event": dict(EVENT_LABELS),
    "notice": {"in_force": ("生效中", "In force"),
               "expiring": ("90天内到期", "Expiring within 90 days"),
               "expired": ("已到期", "Expired")},
    "basis": {"confirmed": ("经审查确认", "confirmed by the bureau"),
              "deemed": ("审查期满视为生效", "deemed effective after review")},
    "term": {
        "wage_increase_pct": ("工资增长（%）", "Wage increase (%)"),
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


def label(vocabulary: str, value: str | StrEnum, lang: str = "zh") -> str:
    """The display name of ``value`` in ``vocabulary`` (the value itself if unknown)."""
    pair = LABELS.get(vocabulary, {}).get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "zh" else pair[1]
