"""Industries of GB/T 4754-2017 《国民经济行业分类》 (``industries.csv``; source in README.md):
its 20 sections (门类, A-T) and 97 divisions (大类, 01-97)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from config.reference import compact, rows


@dataclass(frozen=True)
class Industry:
    """One industry: its code (a letter for a section, two digits for a division), name,
    and, for a division, its section's letter."""

    code: str
    name: str
    section: str

    @property
    def label(self) -> str:
        """The industry as a list shows it: a division with its code (C39 计算机、通信和其他电子
        设备制造业), a section as one (制造业（门类）)."""
        return f"{self.section}{self.code} {self.name}" if self.section else f"{self.name}（门类）"


@cache
def industries() -> tuple[Industry, ...]:
    """Every section and division, in the standard's order."""
    return tuple(Industry(row["code"], row["name"], row["section"])
                 for row in rows("industries.csv"))


@cache
def _by_name() -> dict[str, Industry]:
    return {compact(industry.name): industry for industry in industries()}


def industry_named(text: str) -> Industry | None:
    """The section or division named ``text`` (whitespace and full width ignored)."""
    return _by_name().get(compact(text))
