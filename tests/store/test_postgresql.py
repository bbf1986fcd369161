"""The command line on a real PostgreSQL server: every command by URL, and two ingests at once.

Slow: each subprocess loads spaCy.  Skipped with the reason printed when no server
answers (tests/pg_server.py), failed instead under CI.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from pg_server import fresh_schema

sys.path.insert(0, str(Path(__file__).parents[1] / "hostile"))
from hostile_inputs import EVENTWIRE, run_cli, write_articles  # noqa: E402

from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.serve.api import create_app  # noqa: E402
from eventwire.store.database import _normalise, make_engine  # noqa: E402

pytestmark = pytest.mark.slow
TIMEOUT_S = 900  # each run loads spaCy: seconds on an idle machine, minutes on a crowded one
SAMPLES = Path(__file__).parents[2] / "samples"


def test_urls_name_their_driver():
    assert _normalise("postgresql://u:p@127.0.0.1/db") == "postgresql+psycopg://u:p@127.0.0.1/db"
    assert _normalise("postgres://u:p@127.0.0.1/db") == "postgresql+psycopg://u:p@127.0.0.1/db"
    assert _normalise("/tmp/x.db") == "sqlite:////tmp/x.db"


def _counts(url: str) -> dict:
    engine = make_engine(url)
    try:
        with engine.connect() as con:
            one = lambda q: con.execute(text(q)).scalar()  # noqa: E731
            return {
                "documents": one("select count(*) from documents"),
                "distinct_hashes": one("select count(distinct content_hash) from documents"),
                "distinct_seq": one("select count(distinct seq) from documents"),
                "stages": dict(con.execute(text("select stage, count(*) from documents group by stage")).all()),
                "orphans": one("select count(*) from mentions m left join documents d on d.id = m.document_id where d.id is null"),
                "mentions": one("select count(*) from mentions"),
                "double_mentions": one("select count(*) from (select document_id, sentence_start, event_type, count(*) "
                                       "from mentions group by 1, 2, 3 having count(*) > 1) x"),
                "events": one("select count(*) from events"),
            }
    finally:
        engine.dispose()


def test_every_command_works_on_postgresql(tmp_path):
    with fresh_schema() as url:
        ingest = run_cli("--db", url, "ingest", str(SAMPLES), "--workers", "1", timeout=TIMEOUT_S)
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        assert "new 12 / duplicates 0 / failed 0" in ingest.stderr
        listed = run_cli("--db", url, "events", "--all", timeout=TIMEOUT_S)
        assert listed.returncode == 0 and "Odesa" in listed.stdout, listed.stderr[-2000:]
        out = tmp_path / "events.jsonl"
        exported = run_cli("--db", url, "export", "--format", "jsonl", "-o", str(out), timeout=TIMEOUT_S)
        assert exported.returncode == 0, exported.stderr[-2000:]
        events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert events and len(events) == _counts(url)["events"] - _context_events(url)
        shown = run_cli("--db", url, "show", events[0]["id"], timeout=TIMEOUT_S)
        assert shown.returncode == 0, shown.stderr[-2000:]
        with TestClient(create_app(url), base_url="http://127.0.0.1") as client:  # `serve`, on the same database (a loopback Host)
            page = client.get("/api/events", params={"limit": 100}).json()
            assert page["total"] == len(events) and client.get(f"/api/events/{events[0]['id']}").status_code == 200
            assert client.get("/api/health").status_code == 200
        again = run_cli("--db", url, "ingest", str(SAMPLES), "--workers", "1", timeout=TIMEOUT_S)
        assert again.returncode == 0 and "new 0 / duplicates 12" in again.stderr


def _context_events(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as con:
            return con.execute(text("select count(*) from events where not exportable")).scalar()
    finally:
        engine.dispose()


def _mentions(url: str) -> list[tuple[str, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as con:
            return sorted((d, json.dumps(p, sort_keys=True)) for d, p in con.execute(text("select document_id, payload from mentions")))
    finally:
        engine.dispose()


def test_two_concurrent_ingests_into_postgresql_lose_nothing(tmp_path):
    first = write_articles(tmp_path / "first.jsonl", 40, start=0)
    second = write_articles(tmp_path / "second.jsonl", 40, start=20)  # 20 in common
    with fresh_schema() as url:
        assert run_cli("--db", url, "events").returncode == 0  # the schema, before the race
        writers = [subprocess.Popen([str(EVENTWIRE), "--db", url, "ingest", str(f), "--workers", "1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in (first, second)]
        outputs = [w.communicate(timeout=TIMEOUT_S) for w in writers]
        for w, (_, err) in zip(writers, outputs):
            assert w.returncode == 0, err[-2000:]
            assert "Traceback" not in err and "error" not in err.lower()
        counts = _counts(url)
        assert counts["documents"] == counts["distinct_hashes"] == counts["distinct_seq"] == 60
        assert counts["stages"] == {"extracted": 60}
        assert counts["orphans"] == 0 and counts["double_mentions"] == 0
        # the same mentions as one process ingesting both files, one after the other
        with fresh_schema() as alone_url:
            Pipeline(alone_url).ingest([str(first), str(second)])
            assert _mentions(url) == _mentions(alone_url) and len(_mentions(url)) >= 60
        news = [int(e.split("new ")[1].split(" ")[0]) for _, e in outputs]
        assert sum(news) == 60, [e.strip().splitlines()[-1] for _, e in outputs]
        # a third run, alone, finds every document stored and the events as the two left them
        alone = run_cli("--db", url, "ingest", str(first), str(second), "--workers", "1", timeout=TIMEOUT_S)
        assert alone.returncode == 0 and "new 0 / duplicates 80" in alone.stderr, alone.stderr[-2000:]
        assert _counts(url)["events"] == counts["events"] > 0
