"""Rules for the negotiators of both sides (Arts. 19-24)."""

from __future__ import annotations

from config.profiles import JurisdictionProfile
from domain.errors import Breach
from domain.values import ChiefBasis, Representative, Side, WorkerSelection


def _person(rep: Representative) -> str:
    return "".join(rep.name.split()).casefold()


def side_size_valid(side: Side, reps: list[Representative],
                    profile: JurisdictionProfile) -> list[Breach]:
    """Art. 19: at least 3 per side; at most the profile's maximum (Guangdong: 10)."""
    count = len(reps)
    high = profile.representatives_max
    if count < profile.representatives_min or (high is not None and count > high):
        return [Breach("side_size", {"side": side, "count": count,
                                     "low": profile.representatives_min,
                                     "high": high or "∞"}, field=f"{side}_side")]
    return []


def sides_equal(workers: list[Representative], employer: list[Representative]) -> list[Breach]:
    """Art. 19: both sides have the same number of representatives."""
    if len(workers) != len(employer):
        return [Breach("sides_unequal", {"workers": len(workers), "employer": len(employer)})]
    return []


def one_chief(side: Side, reps: list[Representative]) -> list[Breach]:
    """Art. 19: each side has exactly one chief negotiator (首席协商代表)."""
    chiefs = sum(1 for r in reps if r.chief)
    if chiefs != 1:
        return [Breach("one_chief", {"side": side, "count": chiefs}, field=f"{side}_side")]
    return []


def outsiders_within_limit(side: Side, reps: list[Representative],
                           profile: JurisdictionProfile) -> list[Breach]:
    """Art. 23: outside experts at most 1/3 of a side, and never the chief."""
    breaches = []
    outsiders = sum(1 for r in reps if r.outsider)
    if outsiders > len(reps) * profile.outsiders_max_fraction:
        breaches.append(Breach("outsiders_too_many", {"side": side, "count": outsiders,
                                                      "total": len(reps)}, field=f"{side}_side"))
    if any(r.chief and r.outsider for r in reps):
        breaches.append(Breach("outsider_chief", {"side": side}, field=f"{side}_side"))
    return breaches


def nobody_on_both_sides(workers: list[Representative],
                         employer: list[Representative]) -> list[Breach]:
    """Art. 24: nobody represents both sides."""
    both = sorted({r.name for r in workers} & {r.name for r in employer}
                  | {w.name for w in workers for e in employer if _person(w) == _person(e)})
    if both:
        return [Breach("on_both_sides", {"names": "、".join(both)})]
    return []


def names_present(reps: list[Representative]) -> list[Breach]:
    """Every representative is named."""
    if any(not r.name.strip() for r in reps):
        return [Breach("representative_unnamed")]
    return []


def worker_side_mandate(selection: WorkerSelection, has_union: bool, headcount: int,
                        workers_approving: int | None, chief_basis: ChiefBasis) -> list[Breach]:
    """Art. 20: the union chooses the worker side; without a union they are chosen
    democratically and approved by more than half of all workers. The worker chief is the
    union chair (or someone the chair appoints in writing, or the union's leader when the
    chair is vacant); without a union the chief is elected from the representatives."""
    breaches = []
    if selection is WorkerSelection.UNION and not has_union:
        breaches.append(Breach("no_union_to_choose", field="worker_selection"))
    if selection is WorkerSelection.DEMOCRATIC and (
            workers_approving is None or workers_approving * 2 <= headcount
            or workers_approving > headcount):
        breaches.append(Breach("democratic_approval", {"headcount": headcount,
                                                       "needed": headcount // 2 + 1},
                               field="workers_approving"))
    union_bases = {ChiefBasis.UNION_CHAIR, ChiefBasis.CHAIR_WRITTEN_DELEGATION,
                   ChiefBasis.UNION_LEADER}
    if has_union != (chief_basis in union_bases):
        breaches.append(Breach("chief_basis", {"basis": chief_basis}, field="chief_basis"))
    return breaches


def sides_valid(workers: list[Representative], employer: list[Representative],
                profile: JurisdictionProfile) -> list[Breach]:
    """All of Arts. 19, 23 and 24 for both sides together."""
    breaches = names_present(workers + employer)
    for side, reps in ((Side.WORKERS, workers), (Side.EMPLOYER, employer)):
        breaches += side_size_valid(side, reps, profile)
        breaches += one_chief(side, reps)
        breaches += outsiders_within_limit(side, reps, profile)
    return breaches + sides_equal(workers, employer) + nobody_on_both_sides(workers, employer)
