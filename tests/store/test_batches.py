"""The store's one batching rule: every id, in order, never more per statement than SQLite takes."""
import sqlite3

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.orm import Session

from eventwire.store import batches
from eventwire.store.batches import SQL_VARIABLES_PER_STATEMENT, chunks


def test_chunks_keep_every_value_in_order():
    values = list(range(2 * SQL_VARIABLES_PER_STATEMENT + 5))
    parts = list(chunks(values))
    assert [len(p) for p in parts] == [SQL_VARIABLES_PER_STATEMENT, SQL_VARIABLES_PER_STATEMENT, 5]
    assert [v for p in parts for v in p] == values
    assert list(chunks(iter(range(3)), 2)) == [[0, 1], [2]]
    assert list(chunks(set())) == []


def test_a_chunk_fits_in_one_sqlite_statement_under_the_oldest_limit():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (id INTEGER)")
    con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(2000)])
    ids = list(range(0, 4000, 2))
    found = 0
    for part in chunks(ids):
        assert len(part) < 999  # SQLite before 3.32 refused more bound variables
        marks = ",".join("?" * len(part))
        found += con.execute(f"SELECT count(*) FROM t WHERE id IN ({marks})", part).fetchone()[0]
    assert found == 1000


def test_values_where_in_reads_every_chunk_and_skips_nulls(monkeypatch):
    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 3)  # several statements for 10 ids
    meta = MetaData()
    t = Table("t", meta, Column("id", Integer, primary_key=True), Column("doc", String), Column("event", String))
    engine = create_engine("sqlite://")
    meta.create_all(engine)
    with Session(engine) as session:
        session.execute(insert(t), [{"id": i, "doc": f"d{i}", "event": None if i % 4 == 0 else f"e{i % 3}"}
                                    for i in range(20)])
        got = batches.values_where_in(session, t.c.event, t.c.doc, [f"d{i}" for i in range(10)])
    assert got == {"e0", "e1", "e2"}  # d0, d4, d8 have none; the rest fall in three events
