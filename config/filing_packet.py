"""What the labour bureau asks for with a filed contract: the filing packet's items, as
data of each jurisdiction profile (``[[filing_packet]]`` tables in ``config/profiles/*.toml``).

An item says where the case records it (``entry``: one of the names of
:data:`domain.filing_packet.SOURCES`), which facts that entry must hold (``facts``, dotted
paths such as ``key_terms.wage_increase_pct``), which kinds of attached proof stand for it
(``proofs``: values of :class:`domain.values.ProofKind`) and which contract kinds need it
(``kinds``; none named: every kind). A union edits the file to follow its bureau's list.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from config import profiles

FALLBACK = "national"


@dataclass(frozen=True)
class PacketItem:
    """One thing the bureau needs, and how to tell whether the case has it."""

    key: str
    zh: str
    en: str
    entry: str
    facts: tuple[str, ...] = ()
    proofs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PacketItem:
        """An item from its TOML table."""
        return cls(key=str(data["key"]), zh=str(data["zh"]), en=str(data["en"]),
                   entry=str(data["entry"]), facts=tuple(data.get("facts", ())),
                   proofs=tuple(data.get("proofs", ())), kinds=tuple(data.get("kinds", ())))

    def label(self, lang: str = "zh") -> str:
        """The item's name in ``lang``."""
        return self.zh if lang == "zh" else self.en


@cache
def packet_items(profile_name: str) -> tuple[PacketItem, ...]:
    """The filing packet's items under the profile ``profile_name`` (a profile no longer
    shipped falls back to the national one)."""
    name = profile_name if profile_name in profiles.available() else FALLBACK
    text = resources.files(profiles.__name__).joinpath(f"{name}.toml").read_text("utf-8")
    return tuple(PacketItem.from_dict(item) for item in tomllib.loads(text)
                 .get("filing_packet", []))
