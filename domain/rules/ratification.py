"""Ratification by the workers' congress or all workers (Art. 36)."""

from __future__ import annotations

from typing import Any

from config.profiles import JurisdictionProfile
from domain.errors import Breach


def quorum(members: int, profile: JurisdictionProfile) -> int:
    """Art. 36: fewest members present for a valid vote (2/3 of all members, rounded up)."""
    fraction = profile.quorum_fraction
    return -(-members * fraction.numerator // fraction.denominator)


def votes_needed(members: int, profile: JurisdictionProfile) -> int:
    """Art. 36: fewest votes for: more than half of ALL members, not of those present."""
    fraction = profile.pass_fraction
    return members * fraction.numerator // fraction.denominator + 1


def ratification_passes(members: int, present: int, votes_for: int,
                        profile: JurisdictionProfile) -> bool:
    """Art. 36: quorum reached and a majority of all members voted for."""
    return (members >= 1 and present >= quorum(members, profile)
            and votes_for >= votes_needed(members, profile))


def vote_consistent(members: int, present: int, votes_for: int) -> list[Breach]:
    """The tally adds up: members positive, present within members, votes within present."""
    breaches = []
    if members < 1:
        breaches.append(Breach("members_positive", field="members"))
    if not 0 <= present <= members:
        breaches.append(Breach("present_within_members", {"members": members}, field="present"))
    if not 0 <= votes_for <= present:
        breaches.append(Breach("votes_within_present", {"present": present}, field="votes_for"))
    return breaches


def why_vote_fails(members: int, present: int, votes_for: int,
                   profile: JurisdictionProfile) -> list[tuple[str, dict[str, Any]]]:
    """Art. 36, in plain words: each reason a vote did not pass, as a message key and its
    figures (empty when it passed). Too few present: fewer than the quorum share of all
    members; too few for: not more than the pass share of ALL members."""
    reasons: list[tuple[str, dict[str, Any]]] = []
    if present < quorum(members, profile):
        reasons.append(("vote_short_of_quorum", {
            "present": present, "members": members, "needed": quorum(members, profile),
            "share": profile.quorum_fraction}))
    if votes_for < votes_needed(members, profile):
        reasons.append(("vote_short_of_majority", {
            "votes_for": votes_for, "members": members,
            "needed": votes_needed(members, profile), "share": profile.pass_fraction}))
    return reasons
