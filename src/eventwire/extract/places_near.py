"""Nearness bonuses of one resolving round, from the other groups' current best points.

Why a class: each round of ``Resolving._resolve`` asks, for every candidate
with a point, how near it lies to the best points of the *other* name groups
(``places_base._near``).  Asked naively, every group copies the list of the
others' points and every candidate walks all of them, although the box test
throws most away (an article about Ukraine still names Moscow and Washington).
Here the round's points are sorted by latitude once, and a candidate walks only
the band of latitudes its box can reach, skipping its own group's point: the
same points pass the same box test, so the bonus is the same (pinned in
tests/extract/test_places_near.py).
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from eventwire.extract.places_base import _NEAR_DEG, NEAR_BONUS
from eventwire.geo import km

# Widening of the latitude band past the box's half-width, in degrees: the band
# must hold every point the box test (``abs(la - lat) > _NEAR_DEG``) lets
# through, whatever the float rounding of that difference (~1e-14 here); points
# the wider band adds are dropped by the box test itself.
BAND_SLACK = 1e-6


class RoundPoints:
    """The best points of one round, by group key; ``bonus`` is ``_near`` over all but one group's."""

    def __init__(self, points: dict[str, tuple[float, float]]) -> None:
        self.points = dict(points)
        rows = sorted((lat, lon, gk) for gk, (lat, lon) in points.items())
        self._lats = [r[0] for r in rows]
        self._rows = rows
        self._asked: dict[tuple[float, float, str], float] = {}  # (lat, lon, own) -> bonus: asked again next round

    @classmethod
    def of(cls, points: dict[str, tuple[float, float]], last: RoundPoints | None) -> RoundPoints:
        """The last round's, with the bonuses it gave, when its points are the same: in about half the
        rounds on the bench articles no group's best point moved, and a bonus depends on nothing else."""
        return last if last is not None and last.points == points else cls(points)

    def bonus(self, lat: float, lon: float, own: str) -> float:
        """``_near(lat, lon, [pt for gk, pt in points.items() if gk != own])``, walking only its band."""
        got = self._asked.get((lat, lon, own))
        if got is None:
            got = self._asked[lat, lon, own] = self._bonus(lat, lon, own)
        return got

    def _bonus(self, lat: float, lon: float, own: str) -> float:
        lo = bisect_left(self._lats, lat - _NEAR_DEG - BAND_SLACK)
        hi = bisect_right(self._lats, lat + _NEAR_DEG + BAND_SLACK)
        cos = max(math.cos(math.radians(lat)), 0.05)
        best = 1e9
        for la, lo_, gk in self._rows[lo:hi]:
            if gk == own or abs(la - lat) > _NEAR_DEG or abs(lo_ - lon) * cos > _NEAR_DEG:
                continue
            best = min(best, km(lat, lon, la, lo_))
        return next((bonus for lim, bonus in NEAR_BONUS if best <= lim), 0.0)
