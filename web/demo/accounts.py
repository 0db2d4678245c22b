"""Accounts for the demo staff, so a newcomer can log in as any of them."""

from __future__ import annotations

from domain.values import Actor, Role
from web.accounts.store import AccountStore
from web.demo.world import staff

DEMO_PASSWORD = "xieshang-demo"


def demo_accounts(store: AccountStore, password: str = DEMO_PASSWORD) -> int:
    """Create an account (username = staff id) for every demo worker and supervisor, and an
    ``admin``; existing usernames are left alone. Return how many were created."""
    workers, supervisors = staff()
    people: dict[str, tuple[Actor, str]] = {}
    for scope, actors in [*workers.items(), *supervisors.items()]:
        for actor in actors:
            people.setdefault(actor.id, (actor, scope))
    created = 0
    for actor, scope in [*people.values(), (Actor("admin", "系统管理员", Role.ADMIN), "全省")]:
        if store.by_username(actor.id) is None:
            store.add(actor.id, actor.name, actor.role, scope, password, account_id=actor.id)
            created += 1
    return created
