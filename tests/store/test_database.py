"""Opening a database: tables made, and columns added since a file was written added to it."""
import sqlite3

from sqlalchemy import inspect, select

from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.orm import DocumentRow


def test_a_database_written_before_new_columns_gets_them_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    make_engine(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path)
    # as an earlier version wrote it: no page_confidence / page_conflict / page_evidence / published_reason
    for column in ("page_confidence", "page_conflict", "page_evidence", "published_reason"):
        con.execute(f'ALTER TABLE documents DROP COLUMN "{column}"')
    con.execute("INSERT INTO documents (id, content_hash, published_source, published_confidence, page_source, language,"
                " text, removed, drift, source, stage, seq) VALUES ('d_1', 'h', 'metadata', 0.9, 'metadata', 'en', 'body',"
                " '[]', '[]', '', 'extracted', 1)")
    con.commit()
    con.close()
    engine = make_engine(f"sqlite:///{path}")
    have = {c["name"] for c in inspect(engine).get_columns("documents")}
    assert {"page_confidence", "page_conflict", "page_evidence", "published_reason"} <= have
    with make_sessionmaker(engine)() as session:
        row = session.scalars(select(DocumentRow)).one()
        assert (row.id, row.text, row.page_evidence, row.published_reason) == ("d_1", "body", None, None)
    make_engine(f"sqlite:///{path}").dispose()  # opening it again adds nothing and fails on nothing
