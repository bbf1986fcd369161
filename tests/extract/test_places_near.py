"""The nearness bonuses of a resolving round: the banded walk gives what ``_near`` over the others' points gives."""
from __future__ import annotations

import random

from eventwire.extract.places_base import _NEAR_DEG, _near
from eventwire.extract.places_near import RoundPoints


def _slow(points: dict[str, tuple[float, float]], lat: float, lon: float, own: str) -> float:
    return _near(lat, lon, [pt for gk, pt in points.items() if gk != own])


def test_bonus_is_near_over_the_other_groups_points():
    rng = random.Random(21)
    for _ in range(300):
        # a cluster (most points of an article lie in one country), a few far ones, shared and edge points
        base_lat, base_lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
        points = {f"g{k}": (base_lat + rng.uniform(-4, 4), base_lon + rng.uniform(-6, 6)) for k in range(rng.randint(0, 25))}
        points.update({f"far{k}": (rng.uniform(-80, 80), rng.uniform(-180, 180)) for k in range(rng.randint(0, 4))})
        if points:
            gk, pt = rng.choice(sorted(points.items()))
            points[gk + "-twin"] = pt  # two groups at one point: only the asking group's own is skipped
            points["edge"] = (pt[0] + _NEAR_DEG, pt[1])  # just on the box's latitude edge
        near = RoundPoints(points)
        for _ in range(20):
            own = rng.choice(sorted(points) + ["none"])
            lat, lon = points[own] if own in points and rng.random() < 0.5 else (
                base_lat + rng.uniform(-5, 5), base_lon + rng.uniform(-7, 7))
            assert near.bonus(lat, lon, own) == _slow(points, lat, lon, own)


def test_a_bonus_ever_given_is_given_again():
    points = {"Kharkiv": (49.99, 36.23), "Izium": (49.21, 37.26)}
    near = RoundPoints(points)
    first = near.bonus(49.5, 36.6, "Balakliia")
    assert first > 0 and near.bonus(49.5, 36.6, "Balakliia") == first == _slow(points, 49.5, 36.6, "Balakliia")
    assert near.bonus(49.99, 36.23, "Kharkiv") == _slow(points, 49.99, 36.23, "Kharkiv")


def test_a_round_is_reused_only_while_no_point_moved():
    points = {"a": (50.0, 36.0), "b": (48.0, 37.5)}
    first = RoundPoints.of(points, None)
    assert RoundPoints.of(dict(points), first) is first
    moved = dict(points, b=(46.5, 30.7))
    again = RoundPoints.of(moved, first)
    assert again is not first and again.bonus(50.0, 36.0, "a") == _slow(moved, 50.0, 36.0, "a")
    assert RoundPoints.of({"a": (50.0, 36.0)}, first) is not first  # a group with no point any more
