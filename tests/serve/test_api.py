"""The REST API and web pages on a temporary SQLite database filled by the real pipeline.

Two outlets report one drone strike with contradicting death tolls; a third
article is about a library and must yield no event.  Every JSON body is
compared with ``serve.exports.shapes`` (the one definition of the public
shapes), every export with what the CLI writes.  The last test starts the real
server and reads from it while ``eventwire ingest`` writes to the same file.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from typer.testing import CliRunner

from eventwire.pipeline import Pipeline
from eventwire.serve.api import create_app, render
from eventwire.serve.api.schemas import DocumentPublic, EventPublic
from eventwire.serve.cli import app as cli_app
from eventwire.serve.exports.shapes import claim_rows, document_dict, event_dict
from eventwire.store.repository import list_documents, query_events, read_document

MARKET_HERALD = {
    "id": "h1", "url": "https://southern-herald.example/kherson-market", "outlet": "Southern Herald",
    "published": "2024-06-03", "title": "Drone strike hits Kherson market",
    "text": (
        "Russian drones struck a crowded market in Kherson on Monday morning, the regional governor said.\n\n"
        "At least 12 civilians were killed in the attack, Governor Oleksandr Prokudin said."
    ),
}
MARKET_DISPATCH = {
    "id": "d1", "url": "https://eastern-dispatch.example/kherson-depot", "outlet": "Eastern Dispatch",
    "published": "2024-06-03", "title": "Ministry says depot destroyed in Kherson",
    "text": (
        "Russia's Defence Ministry said its drones destroyed a Ukrainian ammunition depot in Kherson on Monday.\n\n"
        "The ministry said no civilians were killed in the strike."
    ),
}
# not an event; its title is hostile markup that every page must show as text
LIBRARY = {
    "id": "n1", "url": "https://valley-news.example/library", "outlet": "Valley <b>News</b>",
    "published": "2024-06-03", "title": "Library reopens <script>alert('x')</script>",
    "text": (
        "The town library reopened on Monday after a year of renovation work.\n\n"
        "Visitors can now borrow books from a new reading room with a view of the river."
    ),
}
# ingested by a second process while the server reads (last test)
LATER = [
    {
        "id": "l1", "url": "https://north-courier.example/sumy-shelling", "outlet": "North Courier",
        "published": "2024-07-09", "title": "Shelling in Sumy",
        "text": ("Russian artillery shelled the city of Sumy on Tuesday, the regional administration said.\n\n"
                 "Two people were killed and five were wounded, officials said."),
    },
    {
        "id": "l2", "url": "https://north-courier.example/weather", "outlet": "North Courier",
        "published": "2024-07-09", "title": "Heat wave expected",
        "text": "Forecasters expect a heat wave across the region this week, with temperatures above 35 degrees.",
    },
]


LOCAL = "http://127.0.0.1"  # the app serves loopback host names only


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory) -> Path:
    """A SQLite file holding the three articles, ingested once for the module."""
    folder = tmp_path_factory.mktemp("api")
    db_file = folder / "api.db"
    pipe = Pipeline(f"sqlite:///{db_file}")
    summary = pipe.ingest([str(_jsonl(folder / "articles.jsonl", [MARKET_HERALD, MARKET_DISPATCH, LIBRARY]))])
    assert summary.new == 3 and summary.failed == 0, summary.errors
    pipe.engine.dispose()  # closes the last connection: the WAL is folded into the file
    return db_file


@pytest.fixture(scope="module")
def db(filled_db: Path) -> str:
    return f"sqlite:///{filled_db}"


@pytest.fixture(scope="module")
def client(db: str):
    app = create_app(db)
    with TestClient(app, base_url=LOCAL) as c:
        yield c
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def session(client):
    with client.app.state.sessionmaker() as s:
        yield s


@pytest.fixture(scope="module")
def strike(session):
    evs = [e for e in query_events(session) if e.sub_event_type == "Air/drone strike"]
    assert len(evs) == 1, [event_dict(e) for e in query_events(session)]
    return evs[0]


# ---------------------------------------------------------------------- events
def test_events_are_exactly_the_public_shapes(client, session, strike):
    res = client.get("/api/events")
    assert res.status_code == 200
    body = res.json()
    expected = [event_dict(e) for e in query_events(session)]
    assert body == {"total": len(expected), "limit": 100, "offset": 0, "items": expected}
    ev = event_dict(strike)
    assert len(ev["documents"]) == 2 and ev["location"]["country"] == "UA"
    assert ev["contradictions"], "12 killed against none killed must be flagged"
    library = next(d.id for d in list_documents(session)[1] if d.outlet == LIBRARY["outlet"])
    assert not any(library in e["documents"] for e in body["items"])


def test_one_event_and_a_clear_404(client, strike):
    res = client.get(f"/api/events/{strike.id}")
    assert res.status_code == 200 and res.json() == event_dict(strike)
    missing = client.get("/api/events/e_nope")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "[E502] no event 'e_nope'"}


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"type": "Explosions/Remote violence"}, True),
        ({"type": "air/drone strike"}, True),  # sub-type, any case
        ({"type": "Protests"}, False),
        ({"country": "ua"}, True),
        ({"country": "RU"}, False),
        ({"since": "2024-06-03", "until": "2024-06-03"}, True),
        ({"since": "2024-06-04"}, False),
        ({"until": "2024-06-02"}, False),
        ({"actor": "military forces of russia"}, True),
        ({"actor": "Wagner"}, False),
    ],
)
def test_event_filters(client, strike, params, found):
    res = client.get("/api/events", params=params)
    assert res.status_code == 200, res.text
    ids = [e["id"] for e in res.json()["items"]]
    assert (strike.id in ids) is found


def test_paging(client, session):
    total = len(query_events(session, include_context=True))
    first = client.get("/api/events", params={"limit": 1, "include_context": True}).json()
    assert first["total"] == total and first["limit"] == 1 and len(first["items"]) == min(1, total)
    past = client.get("/api/events", params={"offset": total}).json()
    assert past["items"] == []


@pytest.mark.parametrize(
    ("path", "params", "param", "words"),
    [
        ("/api/events", {"since": "yesterday"}, "since", ["date", "'yesterday'"]),
        ("/api/events", {"until": "2024-13-01"}, "until", ["date"]),
        ("/api/events", {"since": "2024-06-05", "until": "2024-06-01"}, "since", ["after until"]),
        ("/api/events", {"limit": 0}, "limit", ["greater than or equal to 1"]),
        ("/api/events", {"limit": 100000}, "limit", ["less than or equal to 1000"]),
        ("/api/events", {"offset": -1}, "offset", ["greater than or equal to 0"]),
        ("/api/events", {"include_context": "perhaps"}, "include_context", ["boolean"]),
        ("/api/export", {"what": "people"}, "what", ["'events'"]),
        ("/api/export", {"format": "xlsx"}, "format", ["'jsonl'"]),
        ("/api/export", {"what": "documents", "format": "geojson"}, "format", ["events only"]),
    ],
)
def test_bad_query_parameters_are_422_with_a_clear_message(client, path, params, param, words):
    res = client.get(path, params=params)
    assert res.status_code == 422, res.text
    body = res.json()
    assert body["detail"][0]["loc"] == ["query", param]  # FastAPI's usual list, for tools
    assert f"'{param}'" in body["message"]  # and one line for people
    for w in words:
        assert w in body["message"], body["message"]


# ------------------------------------------------------------------- documents
def test_documents_with_provenance(client, session):
    rows = list_documents(session)[1]
    for row in rows:
        res = client.get(f"/api/documents/{row.id}")
        assert res.status_code == 200 and res.json() == document_dict(row)
        assert {"copy_of", "drift", "removed", "story"} <= res.json().keys()
    listing = client.get("/api/documents").json()
    assert listing["items"] == [document_dict(r) for r in rows]
    story = rows[0].story
    in_story = client.get("/api/documents", params={"story": story}).json()["items"]
    assert in_story and all(d["story"] == story for d in in_story)
    assert client.get("/api/documents", params={"story": "s_nope"}).json()["items"] == []
    missing = client.get("/api/documents/d_nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "[E522] no document 'd_nope'"}


# ---------------------------------------------------------------------- claims
def test_claims_of_one_event(client, strike):
    res = client.get("/api/claims", params={"event": strike.id})
    assert res.status_code == 200
    assert res.json()["items"] == claim_rows(strike)
    fatal = client.get("/api/claims", params={"event": strike.id, "property": "fatalities"}).json()["items"]
    assert {(c["value"], c["stance"]) for c in fatal} >= {(12, "asserts"), (0, "denies")}
    assert {c["claimant"] for c in fatal} >= {"Governor Oleksandr Prokudin"}
    assert client.get("/api/claims", params={"event": "e_nope"}).status_code == 404
    everything = client.get("/api/claims").json()
    assert everything["total"] >= len(claim_rows(strike))


# --------------------------------------------------------------------- exports
def _cli_export(db: str, what: str, fmt: str) -> bytes:
    res = CliRunner().invoke(cli_app, ["--db", db, "export", "--what", what, "--format", fmt], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout_bytes  # as written: CSV rows end in \r\n


@pytest.mark.parametrize(
    ("what", "fmt", "media"),
    [
        ("events", "jsonl", "application/x-ndjson"),
        ("events", "csv", "text/csv"),
        ("events", "geojson", "application/geo+json"),
        ("events", "acled-csv", "text/csv"),
        ("events", "acled-extras", "text/csv"),
        ("documents", "jsonl", "application/x-ndjson"),
        ("documents", "csv", "text/csv"),
        ("claims", "jsonl", "application/x-ndjson"),
    ],
)
def test_exports_match_the_cli(client, db, what, fmt, media):
    res = client.get("/api/export", params={"what": what, "format": fmt})
    assert res.status_code == 200, res.text
    assert res.headers["content-type"].startswith(media)
    assert f"eventwire-{what}" in res.headers["content-disposition"]
    assert res.content == _cli_export(db, what, fmt)


def test_export_contents(client, strike):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "acled-csv"}).text)))
    row = next(r for r in rows if r["event_id_cnty"] == "UKR" + strike.id.removeprefix("e_").upper())
    assert row["location"] == "Kherson" and row["country"] == "Ukraine" and row["iso"] == "804"
    extras = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "acled-extras"}).text)))
    extra = next(r for r in extras if r["event_id_cnty"] == row["event_id_cnty"])
    assert extra["event_id"] == strike.id and json.loads(extra["contradictions"])
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    assert any(f["properties"]["id"] == strike.id for f in geo["features"])
    lines = client.get("/api/export").text.splitlines()
    assert event_dict(strike) in [json.loads(line) for line in lines]


# ---------------------------------------------------------- health and schemas
def test_health_and_openapi(client):
    assert client.get("/api/health").json() == {"status": "ok", "version": "0.1.0", "database": "ok"}
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{document_id}",
                 "/api/claims", "/api/export", "/api/health"):
        assert path in spec["paths"], path
        assert set(spec["paths"][path]) == {"get"}  # read-only
    assert "/" not in spec["paths"]  # the HTML pages are not API
    assert client.get("/docs").status_code == 200


def _fields(model: type[BaseModel]) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


def _nested(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    field = next(f for n, f in model.model_fields.items() if (f.alias or n) == name)
    for tp in (field.annotation, *getattr(field.annotation, "__args__", ())):
        for inner in (tp, *getattr(tp, "__args__", ())):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _same_keys(model: type[BaseModel], value: dict, where: str) -> None:
    assert _fields(model) == set(value), f"{where}: schemas.py and shapes.py differ"
    for key, v in value.items():
        sub = _nested(model, key)
        items = v if isinstance(v, list) else [v]
        for item in items:
            if sub is not None and isinstance(item, dict):
                _same_keys(sub, item, f"{where}.{key}")


def test_schemas_describe_every_field_of_the_shapes(session, strike):
    _same_keys(EventPublic, event_dict(strike), "event")
    for row in list_documents(session)[1]:
        _same_keys(DocumentPublic, document_dict(row), "document")
    drifted = dict(document_dict(list_documents(session)[1][0]),
                   copy_of={"document": "d_x", "relation": "rewrite", "similarity": 0.8},
                   drift=[{"kind": "number", "original": "a", "copy": "b", "note": "c"}])
    _same_keys(DocumentPublic, drifted, "document")
    assert DocumentPublic.model_validate(drifted).model_dump(by_alias=True) == drifted


# ------------------------------------------------------------------- web pages
def test_index_and_event_page(client, session, strike):
    index = client.get("/")
    assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
    assert f'href="/events/{strike.id}"' in index.text
    policy = index.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy  # our own scripts, nothing inline
    assert "http" not in policy
    page = client.get(f"/events/{strike.id}")
    assert page.status_code == 200
    for doc_id in strike.documents:
        assert read_document(session, doc_id).outlet in page.text
    assert "Contradictions" in page.text and "Governor Oleksandr Prokudin" in page.text
    assert "At least 12 civilians were killed" in page.text
    assert client.get("/events/e_nope").status_code == 404


def test_pages_escape_what_the_news_says(client, session):
    library = next(d for d in list_documents(session)[1] if d.outlet == LIBRARY["outlet"])
    page = client.get(f"/documents/{library.id}")
    assert page.status_code == 200
    assert "<script>" not in page.text and "<b>News</b>" not in page.text
    assert "&lt;script&gt;" in page.text and "Valley &lt;b&gt;News&lt;/b&gt;" in page.text
    assert client.get("/documents/d_nope").status_code == 404


def test_render_links_only_web_urls_and_escapes_quotes():
    doc = {
        "id": "d_1", "external_id": None, "url": "javascript:alert(1)", "outlet": '"><img src=x onerror=alert(1)>',
        "title": "t", "published": {"date": None, "source": "none", "confidence": 0.0, "conflict": None},
        "language": "en", "text": "body", "removed": ["<iframe src=//x>"], "story": "s_1",
        "copy_of": {"document": 'd_"x', "relation": "rewrite", "similarity": 0.7},
        "drift": [{"kind": "number", "original": "<i>12</i>", "copy": "<i>21</i>", "note": "n"}],
    }
    html = render.document_page(doc, [])
    assert 'href="javascript:' not in html and "<img" not in html and "<iframe" not in html and "<i>" not in html
    assert 'href="/documents/d_%22x"' in html


def test_render_shows_why_the_story_date_replaced_the_page_date():
    doc = {
        "id": "d_1", "external_id": None, "url": None, "outlet": None, "title": "t", "language": "en", "text": "body",
        "published": {"date": "2024-03-14", "source": "story", "confidence": 0.4,
                      "conflict": "page says 2024-06-30; the latest date its story's texts name is 2024-03-14",
                      "evidence": "d_1: '<b>14 March 2024</b>'", "reason": "the page date is a scrape or update date"},
        "removed": [], "story": "s_1", "copy_of": None, "drift": [],
    }
    html = render.document_page(doc, [])
    assert "page says 2024-06-30" in html and "the page date is a scrape or update date" in html
    assert "14 March 2024" in html and "<b>" not in html


# ----------------------------------------------------- the real server, live
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _eventwire() -> str:
    exe = Path(sys.executable).with_name("eventwire")
    return str(exe) if exe.exists() else (shutil.which("eventwire") or pytest.skip("eventwire script not installed"))


def _get(url: str, timeout: float = 30.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as res:  # noqa: S310 - loopback only
            return res.status, res.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


SERVER_START_SECONDS = 60
POLL_REQUESTS = 50  # at least this many while the ingest runs …
POLL_MAX_REQUESTS = 400  # … and never more than this
INGEST_SECONDS = 300


def test_real_server_reads_while_ingest_writes(filled_db: Path, tmp_path: Path):
    db_file = tmp_path / "live.db"
    shutil.copyfile(filled_db, db_file)
    db = f"sqlite:///{db_file}"
    later = _jsonl(tmp_path / "later.jsonl", LATER)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_DB"}
    server_log = (tmp_path / "server.log").open("w")
    ingest_log = (tmp_path / "ingest.log").open("w")
    server = subprocess.Popen([_eventwire(), "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              stdout=server_log, stderr=subprocess.STDOUT, env=env)
    ingest = None
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            try:
                if _get(f"{base}/api/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "server did not answer /api/health in time"
            time.sleep(0.2)
        status, body = _get(f"{base}/api/events")
        assert status == 200 and json.loads(body)["total"] >= 1
        status, body = _get(f"{base}/")
        assert status == 200 and '<ol id="rows">' in body and "/events/e_" in body

        ingest = subprocess.Popen([_eventwire(), "--db", db, "ingest", str(later)],
                                  stdout=ingest_log, stderr=subprocess.STDOUT, env=env)
        paths = ["/api/events", "/api/documents?limit=5", "/", "/api/export?format=acled-csv", "/api/claims",
                 "/api/health"]
        seen: list[int] = []
        deadline = time.monotonic() + INGEST_SECONDS
        while len(seen) < POLL_MAX_REQUESTS and time.monotonic() < deadline:
            status, body = _get(base + paths[len(seen) % len(paths)])
            seen.append(status)
            assert status < 500, f"{status}: {body[:500]}"
            assert "database is locked" not in body
            if ingest.poll() is not None and len(seen) >= POLL_REQUESTS:
                break
            time.sleep(0.05)
        assert ingest.wait(timeout=INGEST_SECONDS) == 0, (tmp_path / "ingest.log").read_text()
        assert set(seen) == {200}
        status, body = _get(f"{base}/api/documents")
        assert status == 200 and json.loads(body)["total"] == 5  # the new articles are visible at once
    finally:
        if ingest is not None:
            _stop(ingest)
        _stop(server)
        server_log.close()
        ingest_log.close()
    assert "database is locked" not in (tmp_path / "server.log").read_text()


def test_an_unreadable_database_is_503_not_a_traceback(db_url):
    from sqlalchemy import text

    app = create_app(db_url)
    with app.state.engine.begin() as conn:
        conn.execute(text("DROP TABLE events"))
        conn.execute(text("DROP TABLE event_index"))  # lists read the index first
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        res = c.get("/api/events")
        assert res.status_code == 503 and res.headers["retry-after"]
        assert res.json() == {"detail": "the database cannot be read right now; try again shortly"}
        assert c.get("/api/health").status_code == 200  # the file itself still answers
    app.state.engine.dispose()
