"""The stored LSH bands, written and read through the driver in band order, on SQLite and PostgreSQL."""
import random

from eventwire.store import batches
from eventwire.store import provenance_index as px
from eventwire.store.database import make_engine, make_sessionmaker


def test_bands_written_in_any_order_are_found_by_band(any_db_url, monkeypatch):
    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 7)  # several statements each way
    rng = random.Random(4)
    shared = [-(2**63), 2**63 - 1, 0, -1]  # the ends of the signed 64-bit range the bands are folded into
    keyed = [(key, [rng.getrandbits(64) - 2**63 for _ in range(20)] + shared[: key % 4 + 1]) for key in range(1, 9)]
    keyed.append((9, [5, 5, 5]))  # a band given twice by one document is stored once
    Session = make_sessionmaker(make_engine(any_db_url))
    with Session.begin() as s:
        px.add_bands_many(s, reversed(keyed))  # not in band order: stored the same
    want: dict[int, set[int]] = {}
    for key, bands in keyed:
        for b in bands:
            want.setdefault(b, set()).add(key)
    asked = list(want) + [12345, 2**62]  # two bands no document holds
    rng.shuffle(asked)
    with Session() as s:
        assert px.band_hits(s, asked) == want
        assert px.band_hits(s, []) == {}
        assert px.band_hits(s, [-(2**63)]) == {-(2**63): {1, 2, 3, 4, 5, 6, 7, 8}}
