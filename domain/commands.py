"""One application method per step: each takes the actor and the expected version.

Every method loads the case, checks ``expected_version`` is still current, calls the
aggregate command of the same name (see :mod:`domain.case`), saves and returns
:class:`~domain.application.Recorded` with the new notification id.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.application import CaseApplication, CaseRef, Recorded
from domain.values import Actor


class Negotiations(CaseApplication):
    """Xieshang's application: the queries of :class:`CaseApplication` and every step."""

    def record_survey(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 1: a survey (调查摸底)."""
        return self.record(
            case_id, expected_version, lambda case: case.record_survey(by, occurred_on, **facts)
        )

    def record_outreach(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 2: publicity, an observation visit or training."""
        return self.record(
            case_id, expected_version, lambda case: case.record_outreach(by, occurred_on, **facts)
        )

    def appoint_representatives(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 3: both sides' representatives (Arts. 19-24)."""
        return self.record(
            case_id,
            expected_version,
            lambda case: case.appoint_representatives(by, occurred_on, **facts),
        )

    def record_vacancy(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 3a: a representative leaves (Art. 30)."""
        return self.record(
            case_id, expected_version, lambda case: case.record_vacancy(by, occurred_on, **facts)
        )

    def replace_representative(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 3a: a vacancy is filled (Art. 31)."""
        return self.record(
            case_id,
            expected_version,
            lambda case: case.replace_representative(by, occurred_on, **facts),
        )

    def send_offer(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 4: the written offer (要约, Art. 32)."""
        return self.record(
            case_id, expected_version, lambda case: case.send_offer(by, occurred_on, **facts)
        )

    def answer_offer(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 4a: the written reply to the offer."""
        return self.record(
            case_id, expected_version, lambda case: case.answer_offer(by, occurred_on, **facts)
        )

    def hold_session(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 5: a negotiation session (Art. 34)."""
        return self.record(
            case_id, expected_version, lambda case: case.hold_session(by, occurred_on, **facts)
        )

    def suspend_negotiation(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 5a: suspension by agreement (Art. 35)."""
        return self.record(
            case_id,
            expected_version,
            lambda case: case.suspend_negotiation(by, occurred_on, **facts),
        )

    def file_dispute(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 5b: a dispute accepted by the labour bureau."""
        return self.record(
            case_id, expected_version, lambda case: case.file_dispute(by, occurred_on, **facts)
        )

    def extend_dispute(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 5b: the bureau extends its handling."""
        return self.record(
            case_id, expected_version, lambda case: case.extend_dispute(by, occurred_on, **facts)
        )

    def resolve_dispute(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 5b: the bureau's handling concludes."""
        return self.record(
            case_id, expected_version, lambda case: case.resolve_dispute(by, occurred_on, **facts)
        )

    def agree_draft(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 6: the draft agreed and signed by both chiefs."""
        return self.record(
            case_id, expected_version, lambda case: case.agree_draft(by, occurred_on, **facts)
        )

    def hold_ratification_vote(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 7: the ratification vote (Art. 36)."""
        return self.record(
            case_id,
            expected_version,
            lambda case: case.hold_ratification_vote(by, occurred_on, **facts),
        )

    def sign_contract(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 8: the contract signed (Arts. 37-38)."""
        return self.record(
            case_id, expected_version, lambda case: case.sign_contract(by, occurred_on, **facts)
        )

    def file_contract(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 9: the contract filed with the bureau (Art. 42)."""
        return self.record(
            case_id, expected_version, lambda case: case.file_contract(by, occurred_on, **facts)
        )

    def record_objection(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 10: the bureau objects (Arts. 45-46)."""
        return self.record(
            case_id, expected_version, lambda case: case.record_objection(by, occurred_on, **facts)
        )

    def record_effect(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 10: the contract takes effect (Art. 47)."""
        return self.record(
            case_id, expected_version, lambda case: case.record_effect(by, occurred_on, **facts)
        )

    def publish_contract(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 11: the contract made known (Art. 48)."""
        return self.record(
            case_id, expected_version, lambda case: case.publish_contract(by, occurred_on, **facts)
        )

    def review_implementation(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 12: implementation reviewed."""
        return self.record(
            case_id,
            expected_version,
            lambda case: case.review_implementation(by, occurred_on, **facts),
        )

    def request_renewal(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 13: renewal requested (Art. 38)."""
        return self.record(
            case_id, expected_version, lambda case: case.request_renewal(by, occurred_on, **facts)
        )

    def add_note(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """A note."""
        return self.record(
            case_id, expected_version, lambda case: case.add_note(by, occurred_on, **facts)
        )

    def attach_file(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """An attachment, stored by content hash."""
        return self.record(
            case_id, expected_version, lambda case: case.attach_file(by, occurred_on, **facts)
        )

    def reassign(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """The case passes to another social worker."""
        return self.record(
            case_id, expected_version, lambda case: case.reassign(by, occurred_on, **facts)
        )

    def correct_entry(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """A correction of an earlier entry, with its reason."""
        return self.record(
            case_id, expected_version, lambda case: case.correct_entry(by, occurred_on, **facts)
        )

    def request_sign_off(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """A request for a supervisor's sign-off."""
        return self.record(
            case_id, expected_version, lambda case: case.request_sign_off(by, occurred_on, **facts)
        )

    def give_sign_off(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """A supervisor signs off (a closure closes the case)."""
        return self.record(
            case_id, expected_version, lambda case: case.give_sign_off(by, occurred_on, **facts)
        )

    def refuse_sign_off(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """A supervisor refuses a sign-off, with a reason."""
        return self.record(
            case_id, expected_version, lambda case: case.refuse_sign_off(by, occurred_on, **facts)
        )

    def reopen(
        self, case_id: CaseRef, expected_version: int, by: Actor, occurred_on: date, **facts: Any
    ) -> Recorded:
        """Step 14: a closed case reopened."""
        return self.record(
            case_id, expected_version, lambda case: case.reopen(by, occurred_on, **facts)
        )
