"""store.batches.values_where_in: one read of 'which X belong to these Y', cut into statements."""
from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.orm import Session

from eventwire.store import batches


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
