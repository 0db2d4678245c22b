"""Messages for domain refusals, in Simplified Chinese (default) and English.

Keys are stable identifiers; the web layer may use them as message ids. Parameters
that are vocabulary (sides, steps, fields) are translated with :data:`TERMS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "case_not_found": ("找不到该案件（{case_id}）。", "No case {case_id}."),
    "case_conflict": ("在您填写期间，其他人已在本案记录了新内容（您基于第 {expected} 版，"
                      "现为第 {actual} 版）。您的输入未保存也未丢失，请核对后重新提交。",
                      "Someone else recorded an entry on this case meanwhile (you started "
                      "from version {expected}, it is now {actual}). Nothing was saved or "
                      "lost: check and submit again."),
    "case_exists": ("案件 {case_id} 已存在（可能是重复提交），未重复创建。",
                    "Case {case_id} already exists (a repeated submission?); nothing was "
                    "created twice."),
    "required": ("请填写“{field}”。", "Please fill in “{field}”."),
    "at_least": ("“{field}”至少为 {low}。", "“{field}” must be at least {low}."),
    "date_in_future": ("发生日期不能晚于今天。", "The date it happened cannot be after today."),
    "date_order": ("日期不能早于{what}（{earliest}）。",
                   "The date cannot be before {what} ({earliest})."),
    "before_opening": ("日期不能早于接案日期（{opened}）。",
                       "The date cannot be before the case was opened ({opened})."),
    "credit_code_invalid": ("统一社会信用代码“{code}”无效：应为18位且校验码正确。",
                            "The unified social credit code “{code}” is invalid: it must "
                            "have 18 characters and a correct check digit."),
    "headcount_positive": ("职工人数至少为 1。", "The headcount must be at least 1."),
    "women_within_headcount": ("女职工人数应在 0 到职工总数（{headcount}）之间。",
                               "Women workers must be between 0 and the headcount "
                               "({headcount})."),
    "side_size": ("{side}代表为 {count} 人；每方应为 {low} 至 {high} 人（第十九条）。",
                  "The {side} has {count} representatives; each side needs {low} to "
                  "{high} (Art. 19)."),
    "sides_unequal": ("双方代表人数应相等：职工方 {workers} 人，企业方 {employer} 人（第十九条）。",
                      "Both sides need the same number of representatives: workers "
                      "{workers}, employer {employer} (Art. 19)."),
    "one_chief": ("{side}应有且只有一名首席协商代表（现为 {count} 名，第十九条）。",
                  "The {side} needs exactly one chief negotiator (it has {count}; Art. 19)."),
    "outsiders_too_many": ("{side}外聘代表 {count} 人，"
                           "超过该方 {total} 人的三分之一（第二十三条）。",
                           "The {side} has {count} outside experts, more than a third of "
                           "its {total} (Art. 23)."),
    "outsider_chief": ("{side}的首席协商代表不能由外聘代表担任（第二十三条）。",
                       "An outside expert cannot be the {side}'s chief (Art. 23)."),
    "on_both_sides": ("同一人不能同时担任双方代表：{names}（第二十四条）。",
                      "Nobody may represent both sides: {names} (Art. 24)."),
    "representative_unnamed": ("每位代表都要填写姓名。", "Every representative needs a name."),
    "no_union_to_choose": ("企业未建工会，职工方代表应民主推选产生（第二十条）。",
                           "With no union, the worker side is chosen democratically (Art. 20)."),
    "democratic_approval": ("民主推选的职工方代表须经全体职工过半数同意：{headcount} 人中至少 "
                            "{needed} 人（第二十条）。",
                            "Democratically chosen worker representatives need the approval of "
                            "more than half of all {headcount} workers: at least {needed} "
                            "(Art. 20)."),
    "chief_basis": ("职工方首席代表的产生方式“{basis}”与企业是否建有工会不符（第二十条）。",
                    "How the worker chief was chosen (“{basis}”) does not fit whether the "
                    "enterprise has a union (Art. 20)."),
    "members_positive": ("应到人数至少为 1。", "The number of members must be at least 1."),
    "present_within_members": ("实到人数应在 0 到应到人数（{members}）之间。",
                               "Those present must be between 0 and the {members} members."),
    "votes_within_present": ("赞成票应在 0 到实到人数（{present}）之间。",
                             "Votes for must be between 0 and the {present} present."),
    "term_order": ("期限终止日不能早于起始日。", "The term cannot end before it starts."),
    "term_length": ("集体合同期限应为 {low} 至 {high} 年（第三十八条）。",
                    "A collective contract runs {low} to {high} years (Art. 38)."),
    "renewal_window": ("续订应在合同期满前三个月内提出（{opens} 至 {ends}，第三十八条）。",
                       "Renewal is asked for in the three months before expiry ({opens} to "
                       "{ends}; Art. 38)."),
    "chairs_alternate": ("协商会议由双方首席代表轮流主持；上次由{side}主持（第三十四条）。",
                         "The chiefs chair sessions in turn; the {side} chaired last time "
                         "(Art. 34)."),
    "recorder_is_representative": ("记录员“{name}”是协商代表，应由中立人员担任（第三十四条）。",
                                   "The recorder “{name}” is a representative; the recorder "
                                   "must be neutral (Art. 34)."),
    "resume_after_suspension": ("恢复协商日期应晚于中止日期（第三十五条）。",
                                "The resume date must be after the suspension (Art. 35)."),
    "case_closed": ("案件已结案；如需继续，请先重新开案。",
                    "The case is closed; reopen it first."),
    "case_not_closed": ("案件尚未结案。", "The case is not closed."),
    "role_records_steps": ("督导不能记录协商步骤，只能审核与签署意见。",
                           "Supervisors sign off and audit; they do not record steps."),
    "representatives_already": ("双方代表已产生；人员变动请登记代表更换（第三十一条）。",
                                "The representatives are appointed; record a replacement "
                                "instead (Art. 31)."),
    "no_representatives": ("尚未产生协商代表。", "No representatives have been appointed."),
    "not_a_representative": ("“{name}”不是该方现任代表。", "“{name}” is not on that side."),
    "no_such_vacancy": ("该方没有“{name}”留下的空缺。", "There is no vacancy left by “{name}”."),
    "vacancy_open": ("代表空缺尚未补足（第三十一条）。",
                     "A vacant seat is not yet filled (Art. 31)."),
    "offer_needs_representatives": ("发出要约前，双方协商代表须已产生且人数相等"
                                    "（第十九、三十二条）。",
                                    "Before an offer, both sides' representatives must be "
                                    "appointed and equal (Arts. 19, 32)."),
    "offer_pending": ("已有要约等待书面回应。", "An offer is still awaiting its written reply."),
    "offer_already_accepted": ("要约已被接受，协商已开始。",
                               "An offer was accepted; negotiation has begun."),
    "no_offer_pending": ("没有等待回应的要约。", "No offer is awaiting a reply."),
    "refusal_needs_reason": ("拒绝要约须书面说明理由（第三十二条）。",
                             "A refusal must give its reason in writing (Art. 32)."),
    "session_needs_accepted_offer": ("要约被接受后才能召开协商会议（第三十三条）。",
                                     "Sessions follow an accepted offer (Art. 33)."),
    "already_signed": ("合同已签订。", "The contract is already signed."),
    "nothing_to_suspend": ("尚无进行中的协商可以中止。", "No negotiation under way to suspend."),
    "already_suspended": ("协商已处于中止状态。", "The negotiation is already suspended."),
    "still_suspended": ("协商处于中止状态，需先恢复协商。",
                        "The negotiation is suspended; resume it first."),
    "dispute_out_of_place": ("协商争议只能在要约发出后、合同签订前提出。",
                             "A dispute arises after the offer and before signing."),
    "dispute_open": ("协商争议正在处理中。", "A dispute is still being handled."),
    "no_dispute_open": ("没有正在处理的协商争议。", "No dispute is being handled."),
    "dispute_already_extended": ("争议处理期限只能延长一次（第五十三条）。",
                                 "The dispute period can be extended only once (Art. 53)."),
    "draft_needs_session": ("形成草案前须至少召开一次协商会议。",
                            "A draft needs at least one session first."),
    "draft_unsigned": ("草案须由双方首席代表签字。", "The draft must be signed by both chiefs."),
    "ratification_needs_draft": ("审议前须先形成合同草案（第三十六条）。",
                                 "Ratification needs an agreed draft (Art. 36)."),
    "already_ratified": ("草案已审议通过。", "The draft is already ratified."),
    "signing_needs_ratification": ("草案经职代会或全体职工审议通过后才能签字"
                                   "（第三十六、三十七条）。",
                                   "The contract is signed only after the draft was ratified "
                                   "(Arts. 36-37)."),
    "filing_needs_signature": ("合同签订后才能报送。", "Only a signed contract can be filed."),
    "already_filed": ("合同已报送。", "The contract is already filed."),
    "review_needs_filing": ("合同报送后才有审查结果。", "Review follows filing."),
    "review_decided": ("合同已生效，审查已结束。", "The contract took effect; review is over."),
    "objection_too_late": ("审查期限已于 {due} 届满，合同视为已生效（第四十七条）。",
                           "The review period ended on {due}; the contract is deemed "
                           "effective (Art. 47)."),
    "publication_needs_effect": ("合同生效后才能公布（第四十八条）。",
                                 "Publication follows the contract taking effect (Art. 48)."),
    "already_published": ("合同已公布。", "The contract is already published."),
    "needs_contract_in_force": ("需要已生效的集体合同。", "This needs a contract in force."),
    "correction_target": ("第 {version} 条记录不存在或不能更正。",
                          "Entry {version} does not exist or cannot be corrected."),
    "correction_field_unknown": ("被更正的记录没有“{field}”这一项。",
                                 "The corrected entry has no “{field}”."),
    "correction_type": ("“{field}”的新值类型与原值不同。",
                        "The new value of “{field}” is of another kind than the old."),
    "priority_range": ("诉求的优先级应为 1（最高）到 5 的整数。",
                       "A demand's priority is a whole number from 1 (highest) to 5."),
    "reason_given": ("{reason}", "{reason}"),
    "correction_empty": ("请说明要更正的内容。", "Say what the correction changes."),
    "sha256_invalid": ("附件哈希值无效。", "The attachment hash is invalid."),
    "assignee_role": ("案件只能指派给工会社工。", "Cases are assigned to social workers."),
    "already_assigned": ("案件已由该社工负责。", "The case is already assigned to them."),
    "sign_off_pending": ("已有同类审核申请待处理。", "A request of this kind is pending."),
    "no_such_request": ("第 {version} 条不是待处理的审核申请。",
                        "Entry {version} is not a pending sign-off request."),
    "supervisor_only": ("只有督导可以签署审核意见。", "Only a supervisor can sign off."),
    "own_request": ("不能审核自己提交的申请。", "Nobody signs off their own request."),
    "not_yet": ("{what}（{day}）还没有到，到时再记录。",
                "{what} ({day}) has not come yet: record this then."),
}

TERMS: dict[str, tuple[str, str]] = {
    "workers": ("职工方", "worker side"),
    "employer": ("企业方", "employer side"),
    "offer_sent": ("要约发出日期", "the offer date"),
    "offer_answered": ("要约回应日期", "the reply to the offer"),
    "received_on": ("收到日期", "the date of receipt"),
    "period_start": ("调查开始日期", "the survey's start"),
    "period_end": ("调查结束日期", "the survey's end"),
    "vacancy": ("空缺出现日期", "the vacancy"),
    "dispute_filed": ("争议申请日期", "the dispute application"),
    "accepted_on": ("争议受理日期", "the bureau's acceptance"),
    "draft_agreed": ("草案形成日期", "the draft"),
    "ratified": ("审议通过日期", "the ratification"),
    "signed": ("签订日期", "signing"),
    "filed": ("报送日期", "filing"),
    "review_period_end": ("视为生效日期", "the deemed effective date"),
    "effective": ("生效日期", "the effective date"),
    "requested": ("申请日期", "the request"),
    "closed": ("结案日期", "closure"),
}


def register_messages(extra: Mapping[str, tuple[str, str]]) -> None:
    """Add the messages of breaches a step names (see :attr:`domain.procedure.step.Step.
    messages`); a key means one thing only."""
    for key, pair in extra.items():
        if MESSAGES.setdefault(key, pair) != pair:
            raise ValueError(f"message {key!r} is defined twice")


CHINESE_DIGITS = "零一二三四五六七八九十"


def share_words(share: Fraction, lang: str) -> str:
    """A share of the members in words: 三分之二 / two thirds, 半数 / half."""
    if share == Fraction(1, 2):
        return "半数" if lang == "zh" else "half"
    if lang == "zh" and share.denominator <= 10:
        return f"{CHINESE_DIGITS[share.denominator]}分之{CHINESE_DIGITS[share.numerator]}"
    return f"{share.numerator}/{share.denominator}"


def term(word: Any, lang: str) -> str:
    """Translate a vocabulary word (a share in words); other values are shown as they are."""
    if isinstance(word, Fraction):
        return share_words(word, lang)
    pair = TERMS.get(str(word))
    return (pair[0] if lang == "zh" else pair[1]) if pair else str(word)


def render(key: str, lang: str = "zh", **params: Any) -> str:
    """The message ``key`` in ``lang`` (``zh`` or ``en``) with its parameters."""
    zh, en = MESSAGES.get(key, (key, key))
    template = en if lang == "en" else zh
    return template.format(**{k: term(v, lang) for k, v in params.items()})
