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
}


def label(vocabulary: str, value: str | StrEnum, lang: str = "zh") -> str:
    """The display name of ``value`` in ``vocabulary`` (the value itself if unknown)."""
    pair = LABELS.get(vocabulary, {}).get(str(value))
    if pair is None:
        return str(value)
    return pair[0] if lang == "zh" else pair[1]
