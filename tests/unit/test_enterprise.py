"""The enterprise recorded when a case is opened (docs/procedure.md, step 0), and opening
itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from config import profiles
from domain.case import NegotiationCase
from domain.errors import RuleBroken
from domain.rules.enterprise import credit_code_valid, enterprise_valid
from domain.stages import Stage
from domain.values import ContractKind, Enterprise

# GB 32100-2015: 31 characters (no I, O, S, V, Z); weights 3^i mod 31; check = -sum mod 31.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def gb32100_check(first17: str) -> str:
    """The check character, computed from the standard rather than by the library."""
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return ALPHABET[-total % 31]


BODY = "91441481MA4UM3K2X"          # 9 enterprise, 1 company, 441481 Xingning, organisation code
GOOD = BODY + gb32100_check(BODY)
LETTER_CHECK = "91441481000000000" + gb32100_check("91441481000000000")


def test_the_check_characters_used_here_follow_the_standard():
    assert GOOD == "91441481MA4UM3K2XU"
    assert LETTER_CHECK == "91441481000000000A"


def wrong_check(code: str) -> str:
    return code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 1) % 31]


CODES = [
    pytest.param(GOOD, True, id="valid"),
    pytest.param(LETTER_CHECK, True, id="valid-with-a-letter-check-character"),
    pytest.param("12100000400000362" + gb32100_check("12100000400000362"), True,
                 id="valid-public-institution-code"),
    pytest.param(wrong_check(GOOD), False, id="wrong-check-character"),
    pytest.param(wrong_check(LETTER_CHECK), False, id="wrong-letter-check-character"),
    pytest.param(GOOD[:17], False, id="17-characters-check-missing"),
    pytest.param(GOOD + "0", False, id="19-characters"),
    pytest.param("", False, id="empty"),
    pytest.param("914414810000000I0", False, id="letter-I-is-not-in-the-alphabet"),
    pytest.param(GOOD.replace("M", "O"), False, id="letter-O-is-not-in-the-alphabet"),
    pytest.param("441481199001011234", False, id="an-identity-card-number"),
    pytest.param(GOOD.lower(), True, id="lowercase-is-read-as-uppercase"),
    pytest.param(f"{GOOD[:8]} {GOOD[8:]}", True, id="a-space-typed-inside-is-ignored"),
]


@pytest.mark.parametrize(("code", "valid"), CODES)
def test_credit_code(code, valid):
    found = credit_code_valid(code)
    assert (found == []) is valid
    if not valid:
        assert found[0].key == "credit_code_invalid"
        assert found[0].params == {"code": code}
        assert found[0].field == "credit_code"


def every_wrong_check(code: str) -> list[str]:
    return [code[:17] + c for c in ALPHABET if c != code[17]]


def test_every_other_check_character_is_refused():
    assert all(credit_code_valid(c) for c in every_wrong_check(GOOD))


FACTORY = Enterprise("兴宁市某某电子有限公司", GOOD, "兴宁市", "电子", 40, 20, True)

ENTERPRISES = [
    pytest.param({}, set(), id="complete"),
    pytest.param({"women": 0}, set(), id="no-women"),
    pytest.param({"women": 40}, set(), id="all-women"),
    pytest.param({"headcount": 1, "women": 1}, set(), id="one-worker"),
    pytest.param({"name": "  "}, {"required"}, id="blank-name"),
    pytest.param({"town": ""}, {"required"}, id="no-town"),
    pytest.param({"industry": " "}, {"required"}, id="no-industry"),
    pytest.param({"headcount": 0, "women": 0}, {"headcount_positive"}, id="no-workers"),
    pytest.param({"women": 41}, {"women_within_headcount"}, id="more-women-than-workers"),
    pytest.param({"women": -1}, {"women_within_headcount"}, id="negative-women"),
    pytest.param({"credit_code": wrong_check(GOOD)}, {"credit_code_invalid"},
                 id="bad-credit-code"),
]


@pytest.mark.parametrize(("changes", "expected"), ENTERPRISES)
def test_enterprise_valid(changes, expected):
    assert {b.key for b in enterprise_valid(replace(FACTORY, **changes))} == expected


# --- opening a case ---------------------------------------------------------------------------

def open_case(by, *, on=date(2025, 3, 3), enterprise=FACTORY, assigned_to=None,
              scope="xingning"):
    return NegotiationCase.open(by, on, enterprise=enterprise, contract_kind=ContractKind.WAGE,
                                profile=profiles.load("guangdong"),
                                assigned_to=assigned_to or by, scope=scope)


def refusal(call) -> set[str]:
    with pytest.raises(RuleBroken) as caught:
        call()
    return {b.key for b in caught.value.breaches}


def test_opening_a_case_keeps_the_enterprise_and_the_profile(worker):
    case = open_case(worker)
    assert case.version == 1
    assert case.stage is Stage.OPENED
    assert case.state.enterprise == FACTORY
    assert case.state.profile == profiles.load("guangdong")
    assert case.state.assigned_to == worker
    assert case.records[0]["type"] == "CaseOpened"


@pytest.mark.parametrize(("how", "expected"), [
    pytest.param("invalid_code", {"credit_code_invalid"}, id="invalid-credit-code"),
    pytest.param("by_supervisor", {"role_records_steps"}, id="opened-by-a-supervisor"),
    pytest.param("to_supervisor", {"assignee_role"}, id="assigned-to-a-supervisor"),
    pytest.param("no_scope", {"required"}, id="no-scope"),
    pytest.param("tomorrow", {"date_in_future"}, id="dated-tomorrow"),
])
def test_opening_is_refused(worker, supervisor, fixed_clock, how, expected):
    calls = {
        "invalid_code": lambda: open_case(worker,
                                          enterprise=replace(FACTORY, credit_code=GOOD[:17])),
        "by_supervisor": lambda: open_case(supervisor, assigned_to=worker),
        "to_supervisor": lambda: open_case(worker, assigned_to=supervisor),
        "no_scope": lambda: open_case(worker, scope=" "),
        "tomorrow": lambda: open_case(worker, on=fixed_clock + timedelta(days=1)),
    }
    assert refusal(calls[how]) == expected


def test_a_case_may_be_opened_today(worker, fixed_clock):
    assert open_case(worker, on=fixed_clock).state.opened.occurred_on == fixed_clock


def test_a_credit_code_typed_in_lower_case_with_spaces_is_stored_in_canonical_form(worker):
    typed = FACTORY.credit_code.lower()
    typed = f"{typed[:6]} {typed[6:12]} {typed[12:]}"
    case = open_case(worker, enterprise=replace(FACTORY, credit_code=typed))
    assert case.state.enterprise.credit_code == FACTORY.credit_code.upper()
