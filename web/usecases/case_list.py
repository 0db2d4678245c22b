"""The case list's filters and their choices, shared by the list page and its exports.

The view works out everything the page shows before rendering it: the template runs no
query (the choices of workers used to be fetched from inside the template, on every page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine
from werkzeug.datastructures import MultiDict

from domain import clock
from domain.values import ContractKind
from projections.choices import case_workers
from projections.queries import CaseFilter
from web.accounts.store import Account
from web.usecases.access import oversees, visible_scopes
from web.usecases.filters import cases_filter


@dataclass(frozen=True)
class CaseListOptions:
    """The choices of the case list's filters, and what else the page needs to know."""

    kinds: list[str]
    workers: list[tuple[str, str]]
    """(account id, name) of every worker holding a visible case, by name: one who has left
    the scope, or the service, is still offered while she holds cases in it."""
    today: date
    may_export: bool


def case_filter(account: Account, args: MultiDict[str, str]) -> CaseFilter:
    """The case list's filters from the query string, limited to what ``account`` sees."""
    return cases_filter(account, clock.today(), stage=args.get("stage"),
                        kind=args.get("kind"), town=args.get("town"), text=args.get("q", ""),
                        worker=args.get("worker"), overdue=args.get("overdue") == "1",
                        stalled=args.get("stalled") == "1",
                        incomplete=args.get("incomplete") == "1")


def case_list_options(engine: Engine, account: Account, today: date) -> CaseListOptions:
    """The filters' choices for ``account``: contract kinds, and the workers of the cases
    she sees (a few index look-ups, see :func:`projections.choices.case_workers`)."""
    return CaseListOptions(kinds=[str(k) for k in ContractKind],
                           workers=case_workers(engine, visible_scopes(account)), today=today,
                           may_export=oversees(account))
