"""The state of a case, derived from its entries by a pure fold."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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


def _reps(items: list[dict[str, Any]]) -> list[Representative]:
    return [Representative.from_dict(i) for i in items]


def _replace(reps: list[Representative], name: str,
             new: Representative | None) -> list[Representative]:
    kept = [r for r in reps if r.name != name]
    return kept + ([new] if new else [])


def _on_vacancy(state: CaseState, entry: Entry) -> None:
    side = "worker_side" if entry["side"] == "workers" else "employer_side"
    if entry.type == "RepresentativeLeft":
        setattr(state, side, _replace(getattr(state, side), entry["name"], None))
        state.vacancies.append(Pair(entry))
        return
    new = Representative.from_dict(entry["replacement"])
    setattr(state, side, _replace(getattr(state, side), entry["name"], new))
    vacancy = next((v for v in state.open_vacancies
                    if v.start["name"] == entry["name"] and v.start["side"] == entry["side"]),
                   None)
    if vacancy:
        vacancy.end = entry


def _close_first(pairs: list[Pair], entry: Entry) -> None:
    for pair in pairs:
        if pair.end is None:
            pair.end = entry
            return


def _apply(state: CaseState, entry: Entry) -> None:
    kind, track = entry.type, state.track
    if kind == "SurveyRecorded":
        state.surveys.append(entry)
    elif kind == "OutreachRecorded":
        state.outreach.append(entry)
    elif kind == "RepresentativesAppointed":
        state.appointment = entry
        state.worker_side = _reps(entry["worker_side"])
        state.employer_side = _reps(entry["employer_side"])
    elif kind in ("RepresentativeLeft", "RepresentativeReplaced"):
        _on_vacancy(state, entry)
    elif kind == "OfferSent":
        state.offers.append(Pair(entry))
    elif kind == "OfferAnswered":
        _close_first(state.offers, entry)
    elif kind == "SessionHeld":
        state.sessions.append(entry)
        track.sessions.append(entry)
        _close_first(state.suspensions, entry)
    elif kind == "SessionSuspended":
        state.suspensions.append(Pair(entry))
    elif kind == "DisputeFiled":
        state.disputes.append(Pair(entry))
    elif kind == "DisputeExtended" and state.open_dispute:
        state.open_dispute.extension = entry
    elif kind == "DisputeResolved":
        _close_first(state.disputes, entry)
    elif kind == "DraftAgreed":
        track.draft, track.ratifications = entry, []
    elif kind == "RatificationVoted":
        track.ratifications.append(entry)
    elif kind in ("ContractSigned", "ContractFiled", "ContractTookEffect", "ContractPublished"):
        attribute = {"ContractSigned": "signed", "ContractFiled": "filed",
                     "ContractTookEffect": "effect", "ContractPublished": "published"}[kind]
        setattr(track, attribute, entry)
    elif kind == "ReviewObjected":
        track.objection = entry
        state.tracks.append(Track(started_by=entry))
    elif kind == "ImplementationReviewed":
        state.implementation_reviews.append(entry)
    elif kind == "RenewalRequested":
        state.renewals.append(entry)
    elif kind == "SignOffRequested":
        state.sign_offs.append(Pair(entry))
    elif kind in ("SignOffGiven", "SignOffRefused"):
        for pair in state.sign_offs:
            if pair.start.version == entry["request_version"]:
                pair.end = entry
    elif kind == "CaseClosed":
        state.closed = entry
    elif kind == "CaseReopened":
        state.closed = None
    elif kind == "CaseReassigned":
        state.assigned_to = Actor.from_dict(entry["assigned_to"])


def advance(state: CaseState, entry: Entry) -> None:
    """Bring ``state`` past one new entry (in place); the fold does the same, entry by entry."""
    state.entries.append(entry)
    _apply(state, entry)


def states(entries: list[Entry]) -> Iterator[CaseState]:
    """The state after each entry in turn (one object, updated in place)."""
    opened = entries[0]
    state = CaseState(
        opened=opened,
        profile=JurisdictionProfile.cached(opened["profile"]),
        enterprise=Enterprise(**opened["enterprise"]),
        assigned_to=Actor.from_dict(opened["assigned_to"]),
        entries=list(entries),
    )
    yield state
    for entry in entries[1:]:
        _apply(state, entry)
        yield state


def fold(entries: list[Entry]) -> CaseState:
    """Derive a case's state from its (corrected) entries, oldest first."""
    *_, state = states(entries)
    return state
