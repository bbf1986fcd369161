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


def test_processes_opening_a_new_sqlite_file_at_once_all_get_the_tables(tmp_path):
    """`serve` and `watch` started together on a new file: each creates the tables the other is creating."""
    import subprocess
    import sys
    import time

    # each process imports first, then all open the file at the same moment
    code = ("import sys, time; from eventwire.store.database import make_engine\n"
            "while time.time() < float(sys.argv[2]): time.sleep(0.0005)\n"
            "make_engine(sys.argv[1]).dispose()")
    for n in range(4):
        url = f"sqlite:///{tmp_path / f'new{n}.db'}"
        start = str(time.time() + 4)
        procs = [subprocess.Popen([sys.executable, "-c", code, url, start], stderr=subprocess.PIPE) for _ in range(4)]
        errors = [p.communicate()[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
        engine = make_engine(url)
        assert "prov_bands" in inspect(engine).get_table_names()
        engine.dispose()
