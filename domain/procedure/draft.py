"""Step 6: the draft contract, agreed in session and signed by both chiefs (Provisions
Arts. 36-37)."""

from __future__ import annotations

from datetime import date

from domain.entries import Entry
from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Record, Step, Taking
from domain.rules.procedure import text_given
from domain.rules.sanity import below_minimum_wage, confirmed, over_standard_hours
from domain.state import CaseState
from domain.values import Actor


class DraftAgreed(StepEvent):
    """Step 6: the draft contract, signed by both chiefs."""

    text: str
    key_terms: Facts
    signed_by_chiefs: bool
    # Added later (drafts recorded before it have none): warnings the worker confirmed.
    warnings: tuple[Facts, ...] | None = None


def draft_may_be_agreed(state: CaseState, actor: Actor, today: date) -> list[Breach]:
    """Arts. 36-37: a draft follows a session of the current attempt, before signing,
    with no dispute or suspension open (a later draft replaces an earlier one)."""
    breaches = []
    if not state.track.sessions or state.track.signed:
        breaches.append(Breach("draft_needs_session"))
    if state.open_dispute:
        breaches.append(Breach("dispute_open"))
    if state.open_suspension:
        breaches.append(Breach("still_suspended"))
    return breaches


def agree_draft(step: Taking, *, text: str, key_terms: dict[str, object],
                signed_by_chiefs: bool, confirm_warnings: bool = False) -> list[Record]:
    """The draft's text and key terms; both chiefs have signed it (Art. 36). A minimum
    wage below the local minimum or more than 40 hours a week is recorded only once the
    worker confirms the warning (:mod:`domain.rules.sanity`)."""
    step.require([] if signed_by_chiefs else
                 [Breach("draft_unsigned", field="signed_by_chiefs")],
                 text_given(text, "text"))
    state = step.state
    warnings = confirmed([*below_minimum_wage(key_terms, state.enterprise.town, step.on,
                                              state.profile.name),
                          *over_standard_hours(key_terms)], confirm_warnings)
    return [Record(DraftAgreed, dict(text=text, key_terms=dict(key_terms),
                                     signed_by_chiefs=bool(signed_by_chiefs),
                                     warnings=warnings))]


def _drafted(state: CaseState, entry: Entry) -> None:
    state.track.draft, state.track.ratifications = entry, []


STEP = Step(
    name="draft", command="agree_draft", label=("形成草案", "Draft agreed"),
    record=agree_draft, guard=draft_may_be_agreed,
    events={DraftAgreed: ("草案形成", "Draft agreed")},
    reducers={DraftAgreed: _drafted},
    fields={"summary": ("主要条款摘要", "Summary of key terms"),
            "occurred_on": ("草案形成日期", "Date the draft was agreed"),
            "text": ("草案文本", "Text of the draft"), "key_terms": ("主要条款", "Key terms"),
            "signed_by_chiefs": ("双方首席代表已签字", "Signed by both chiefs"),
            "warnings": ("已确认的提示", "Warnings confirmed")},
)
