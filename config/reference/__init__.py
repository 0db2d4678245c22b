"""Reference data from official lists, kept as small data files beside this module
(their sources, versions and dates are in ``README.md`` here).

- :mod:`config.reference.places`: administrative divisions (GB/T 2260 and the National
  Bureau of Statistics' town-level codes): every province, city and county of China and
  every town (乡镇、街道) of Guangdong;
- :mod:`config.reference.industries`: GB/T 4754-2017 industries (门类 and 大类);
- :mod:`config.reference.wages`: Guangdong's statutory minimum monthly wages by city.

The domain may read them (``web → projections → domain → config``); nothing here knows
about cases.
"""

from __future__ import annotations

import csv
import unicodedata
from importlib import resources


def compact(text: str) -> str:
    """``text`` as the lists are compared: full-width folded to half-width, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def rows(file_name: str) -> list[dict[str, str]]:
    """The rows of one CSV data file of this package, by its header."""
    with resources.files(__package__).joinpath(file_name).open(encoding="utf-8") as data:
        return list(csv.DictReader(data))
