"""Resolving's counted shortcut: the regions of the other groups, as the set built per group gave them."""
from __future__ import annotations

import random
from collections import Counter

from eventwire.extract.places_resolve import _other_regions


def test_other_regions_are_those_of_every_other_group():
    rng = random.Random(3)
    regions = [None, ("UA", "07"), ("UA", "18"), ("RU", "09"), ("US", "TX")]
    for _ in range(500):
        tops = {f"g{k}": rng.choice(regions) for k in range(rng.randint(1, 8))}
        shared = Counter(r for r in tops.values() if r is not None)
        for gk in tops:
            assert _other_regions(shared, tops[gk]) == {r for ok, r in tops.items() if ok != gk and r is not None}
