"""Rules about the enterprise recorded when a case is opened."""

from __future__ import annotations

from dataclasses import replace

from stdnum.cn import uscc
from stdnum.exceptions import ValidationError

from domain.errors import Breach
from domain.values import Enterprise


def credit_code_valid(code: str) -> list[Breach]:
    """GB 32100-2015: an 18-character unified social credit code with a valid check digit."""
    try:
        uscc.validate(code)
    except ValidationError:
        return [Breach("credit_code_invalid", {"code": code}, field="credit_code")]
    return []


def normalised(enterprise: Enterprise) -> Enterprise:
    """The enterprise with its credit code in canonical form (no spaces, upper case)."""
    return replace(enterprise, credit_code=uscc.compact(enterprise.credit_code),
                   name=enterprise.name.strip(), town=enterprise.town.strip(),
                   industry=enterprise.industry.strip())


def enterprise_valid(enterprise: Enterprise) -> list[Breach]:
    """Name, town and industry given; headcount positive; women not more than headcount."""
    breaches = credit_code_valid(enterprise.credit_code)
    for name in ("name", "town", "industry"):
        if not str(getattr(enterprise, name)).strip():
            breaches.append(Breach("required", {"field": name}, field=name))
    if enterprise.headcount < 1:
        breaches.append(Breach("headcount_positive", field="headcount"))
    if not 0 <= enterprise.women <= enterprise.headcount:
        breaches.append(Breach("women_within_headcount", {"headcount": enterprise.headcount},
                               field="women"))
    return breaches
