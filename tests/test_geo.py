from eventwire.geo import km


def test_km_known_distances():
    assert km(50.45, 30.52, 50.45, 30.52) == 0.0
    # Kyiv to Kharkiv is about 410 km on the great circle
    assert 400 < km(50.45, 30.52, 49.99, 36.23) < 420
    # half the circumference between antipodes, bounded by asin(1)
    assert abs(km(0, 0, 0, 180) - 3.14159 * 6371.0) < 1
