"""A capital named by its role, not its name: "the Russian capital", "Colombia's capital", "the capital".

The gazetteer finds names; "the Russian capital" is Moscow though no name is written, and a report filed
from a country's capital ("TBILISI — Tens of thousands marched through the capital") means that city by
"the capital" alone (its dateline places nothing itself: ``components.places.filed_spans``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from eventwire.extract.places import PlaceFinder
from eventwire.model import Place

# "the Russian capital", "Colombia's capital", "South Sudan's capital"
_CAPITAL = re.compile(r"\b(?:(?:the|The) (\w+(?: \w+)?)|((?:[A-Z]\w+ )?[A-Z]\w+)['\u2019]s) capital\b")
# "the capital" alone, not "the capital of X" (whose X the finder reads)
_BARE_CAPITAL = re.compile(r"\b[Tt]he capital\b(?! of| city of)")


def named_capitals(text: str, finder: PlaceFinder, capitals: dict[str, str]) -> list[Place]:
    """'the Russian capital' names Moscow: a toponym the gazetteer cannot see (``capitals``: a country's
    words -> its capital's name)."""
    out = []
    for m in _CAPITAL.finditer(text):
        city = capitals.get(m.group(1) or m.group(2))
        if not city:
            continue
        # told as a place ("in Moscow"): a text of the bare name is a capitalised word alone, which the
        # finder keeps only with evidence, so "the Russian capital" was never found
        hit = next(iter(finder.find(f"in {city}")), None)
        if hit is not None:
            out.append(replace(hit, start=m.start(), end=m.end(), surface=m.group(0),
                               reason=f"'{m.group(0)}' is {city}"))
    return out


def filed_capital(text: str, datelines: list[Place], capitals: dict[str, str]) -> list[Place]:
    """'TBILISI — Tens of thousands marched through the capital': in a report filed from a country's
    capital, 'the capital' alone is that city."""
    names = set(capitals.values())
    city = next((p for p in datelines if p.precision == "town" and p.name in names), None)
    if city is None:
        return []
    return [replace(city, start=m.start(), end=m.end(), surface=m.group(0),
                    reason=f"'{m.group(0)}' in a report filed from the capital {city.name}")
            for m in _BARE_CAPITAL.finditer(text)]
