"""A country's name is the country unless the text says otherwise.

"Russia", "Poland", "Georgia" are also the names of small towns and states
elsewhere (Russia, Ohio; Poland, Ohio; the state of Georgia).  Context voting
alone can let such readings reinforce one another in a long page that also
names US politics ("Washington", "Biden"): on a live blog of the war, every
"Russia" became a village in Ohio.  The rule here, applied before voting:
a name that has a country reading keeps only that reading, unless

* the text qualifies it ("Russia, Ohio" — the finder's qualifier), or
* another reading is a first-level region (a US state) that another place
  named in the document, by its own most likely reading, lies in
  ("Atlanta ... Georgia": the state).

Towns never win over the country: a name shared by a country and a town is
read as the country everywhere in news text unless qualified.
"""
from __future__ import annotations

from typing import Iterable

from .gazetteer import ADMIN1, COUNTRY, Gazetteer


def country_readings(gaz: Gazetteer, ids: Iterable[int], other_regions: set[tuple[str, str]]) -> tuple[int, ...] | None:
    """The readings a country-named group may keep, or None when it has no country reading.

    ``other_regions``: (country, admin1) of the most likely reading of every other
    place named in the document; a first-level-region reading inside one survives.
    """
    ids = tuple(ids)
    countries = tuple(i for i in ids if gaz.kind[i] == COUNTRY)
    if not countries or len(countries) == len(ids):
        return None
    regions = tuple(i for i in ids if gaz.kind[i] == ADMIN1 and (gaz.cc[i], gaz.a1[i]) in other_regions)
    return countries + regions


def top_regions(gaz: Gazetteer, priors: dict[str, dict[int, float]]) -> dict[str, tuple[str, str] | None]:
    """Per group, the (country, admin1) of its highest-prior reading (None for a country or no admin1)."""
    out: dict[str, tuple[str, str] | None] = {}
    for gk, pr in priors.items():
        if not pr:
            out[gk] = None
            continue
        i = max(pr, key=pr.get)
        out[gk] = (gaz.cc[i], gaz.a1[i]) if gaz.a1[i] and gaz.kind[i] != COUNTRY else None
    return out
