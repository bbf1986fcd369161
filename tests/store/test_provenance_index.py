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


def _count(s, table: str) -> int:
    return s.connection().exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()


def test_lookups_over_recent_and_merged_bands_are_those_of_one_table(any_db_url, monkeypatch):
    """Batches of random bands (some shared with earlier batches), merged whenever the recent table reaches
    the limit: after each batch every band asked gives the documents one table of every band written would."""
    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 50)
    monkeypatch.setattr(px, "RECENT_BANDS_MERGE_ROWS", 300)
    rng = random.Random(15)
    Session = make_sessionmaker(make_engine(any_db_url))
    one_table: dict[int, set[int]] = {}
    key, merges, split = 0, 0, 0
    for _batch in range(12):
        keyed = []
        for _ in range(rng.randint(1, 8)):
            key += 1
            old = rng.sample(sorted(one_table), min(len(one_table), 3))  # bands earlier documents hold
            keyed.append((key, [rng.getrandbits(64) - 2**63 for _ in range(rng.randint(5, 30))] + old))
        with Session.begin() as s:
            px.add_bands_many(s, keyed)
            merged = px.merge_recent_bands(s)
            recent = _count(s, "prov_bands_recent")
            assert merged == (recent == 0) and recent < px.RECENT_BANDS_MERGE_ROWS
            merges += merged
            split += bool(recent and _count(s, "prov_bands"))
        for k, bands in keyed:
            for b in bands:
                one_table.setdefault(b, set()).add(k)
        absent = [rng.getrandbits(64) - 2**63 for _ in range(5)]
        asked = rng.sample(sorted(one_table), min(len(one_table), 120)) + absent
        with Session() as s:
            assert px.band_hits(s, asked) == {b: one_table[b] for b in asked if b in one_table}
    assert merges >= 2 and split >= 2  # merged more than once, and looked up in both tables in between
    with Session() as s:
        assert _count(s, "prov_bands") + _count(s, "prov_bands_recent") == sum(map(len, one_table.values()))


def test_a_database_made_before_the_recent_bands_gains_the_table_and_keeps_its_bands(any_db_url):
    engine = make_engine(any_db_url)
    with make_sessionmaker(engine).begin() as s:
        px.add_bands_many(s, [(1, [10, 20])])
        conn = s.connection()  # as an older version left it: every band in prov_bands, no recent table
        conn.exec_driver_sql("INSERT INTO prov_bands (band, doc_key) SELECT band, doc_key FROM prov_bands_recent")
        conn.exec_driver_sql("DROP TABLE prov_bands_recent")
    engine.dispose()
    Session = make_sessionmaker(make_engine(any_db_url))
    with Session.begin() as s:
        px.add_bands_many(s, [(2, [20, 30])])
        assert not px.merge_recent_bands(s)
    with Session() as s:
        assert px.band_hits(s, [10, 20, 30]) == {10: {1}, 20: {1, 2}, 30: {2}}
