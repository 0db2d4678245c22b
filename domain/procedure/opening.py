"""Step 0, 接案: a case opened for one enterprise's negotiation, under a jurisdiction's
profile it keeps for good."""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import Aggregate

from domain.errors import Breach
from domain.events import Facts, StepEvent
from domain.procedure.step import Label
from domain.rules import procedure
from domain.rules.enterprise import enterprise_valid
from domain.values import Actor, Enterprise, Role


class CaseOpened(Aggregate.Created, StepEvent):
    """Step 0, 接案: a case for one enterprise's negotiation."""

    enterprise: Facts
    contract_kind: str
    profile: Facts
    assigned_to: dict[str, str]
    scope: str
    renews_case: str | None


def opening_breaches(by: Actor, occurred_on: date, today: date, enterprise: Enterprise,
                     assigned_to: Actor, scope: str) -> list[Breach]:
    """A social worker opens the case, for a valid enterprise, assigned to a social
    worker, in a scope, on a day that has come."""
    return [*procedure.may_record_steps(by), *enterprise_valid(enterprise),
            *procedure.not_in_future(occurred_on, today),
            *([] if assigned_to.role is Role.SOCIAL_WORKER else
              [Breach("assignee_role", field="assigned_to")]),
            *procedure.text_given(scope, "scope")]


LABEL: Label = ("接案", "Case opened")
FIELDS: dict[str, Label] = {
    "enterprise": ("企业", "Enterprise"), "contract_kind": ("合同类型", "Contract kind"),
    "assigned_to": ("社工", "Social worker"), "scope": ("辖区", "Scope"),
    "renews_case": ("续订自", "Renews case"), "profile": ("地方规定", "Profile"),
    "occurred_on": ("接案日期", "Date the case was opened"),
}
