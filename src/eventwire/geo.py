"""Distance on the Earth: the one great-circle formula every stage uses.

Extract uses it to keep a district near the town it is said to be in and to
favour nearby namesakes; fusion uses it to tell whether two reports' places
can be one happening.
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0  # mean radius; the haversine error from the Earth's flattening is under 0.5 %


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
