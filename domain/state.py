"""The state of a case: what its entries established so far (see :mod:`domain.replay`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from config.profiles import JurisdictionProfile
from domain.entries import Entry
from domain.rules.ratification import ratification_passes
from domain.values import Actor, Enterprise, Representative


@dataclass
class Pair:
    """An entry and the entry that answered, filled or ended it (if any yet)."""

    start: Entry
    end: Entry | None = None
    extension: Entry | None = None


@dataclass
class Track:
    """One attempt at a contract; a review objection starts a new one (Art. 46)."""

    started_by: Entry | None = None
    sessions: list[Entry] = field(default_factory=list)
    draft: Entry | None = None
    ratifications: list[Entry] = field(default_factory=list)
    signed: Entry | None = None
    filed: Entry | None = None
    completions: list[Pair] = field(default_factory=list)  # the bureau's 补正 requests
    objection: Entry | None = None
    effect: Entry | None = None
    published: Entry | None = None


@dataclass
class CaseState:
    """Everything a rule, a deadline or a screen needs to know about a case."""

    opened: Entry
    profile: JurisdictionProfile
    enterprise: Enterprise
    assigned_to: Actor
    entries: list[Entry] = field(default_factory=list)
    surveys: list[Entry] = field(default_factory=list)
    outreach: list[Entry] = field(default_factory=list)
    appointment: Entry | None = None
    worker_side: list[Representative] = field(default_factory=list)
    employer_side: list[Representative] = field(default_factory=list)
    vacancies: list[Pair] = field(default_factory=list)
    offers: list[Pair] = field(default_factory=list)
    sessions: list[Entry] = field(default_factory=list)
    suspensions: list[Pair] = field(default_factory=list)
    disputes: list[Pair] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=lambda: [Track()])
    implementation_reviews: list[Entry] = field(default_factory=list)
    renewals: list[Entry] = field(default_factory=list)
    sign_offs: list[Pair] = field(default_factory=list)
    closed: Entry | None = None
    recorded: dict[str, list[Entry]] = field(default_factory=dict)

    def of_type(self, event_type: str) -> list[Entry]:
        """The entries of one event type, oldest first (a step whose state is just its
        entries needs no field of its own)."""
        return self.recorded.get(event_type, [])

    @property
    def track(self) -> Track:
        """The current attempt at a contract."""
        return self.tracks[-1]

    @property
    def open_vacancies(self) -> list[Pair]:
        """Seats left and not yet filled."""
        return [v for v in self.vacancies if v.end is None]

    @property
    def pending_offer(self) -> Pair | None:
        """The offer awaiting its written reply, if any."""
        return next((o for o in self.offers if o.end is None), None)

    @property
    def accepted_offer(self) -> Pair | None:
        """The offer the other side accepted, if any."""
        return next((o for o in self.offers if o.end and o.end["accepted"]), None)

    @property
    def open_suspension(self) -> Pair | None:
        """A suspension not yet followed by a session."""
        return next((s for s in self.suspensions if s.end is None), None)

    @property
    def open_dispute(self) -> Pair | None:
        """A dispute the bureau has not concluded."""
        return next((d for d in self.disputes if d.end is None), None)

    @property
    def passed_ratification(self) -> Entry | None:
        """The current draft's ratification vote that passed (Art. 36), if any."""
        return next((r for r in self.track.ratifications if self.vote_passed(r)), None)

    def vote_passed(self, vote: Entry) -> bool:
        """Whether one ratification vote passed under this case's profile."""
        return ratification_passes(vote["members"], vote["present"], vote["votes_for"],
                                   self.profile)

    def pending_sign_off(self, subject: str) -> Pair | None:
        """An undecided sign-off request on ``subject``."""
        return next((s for s in self.sign_offs
                     if s.end is None and s.start["subject"] == subject), None)

    def contract(self) -> Track | None:
        """The track holding the signed contract now in force or on its way, if any."""
        return next((t for t in reversed(self.tracks) if t.signed), None)


def close_first(pairs: list[Pair], entry: Entry) -> None:
    """Let ``entry`` answer, fill or end the first pair still open."""
    for pair in pairs:
        if pair.end is None:
            pair.end = entry
            return
