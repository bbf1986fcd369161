"""Issue 15, point 4: formula cells, LIKE wildcards, long parameters, Host checks, local docs, HEAD."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.serve.api import create_app
from eventwire.serve.api.guards import host_name
from eventwire.serve.cli import app as cli_app
from eventwire.serve.exports.writers import neutralise
from eventwire.serve.web import missing_assets

from deskdata import FORMULA_OUTLET, FORMULA_TITLE, N_EVENTS

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(desk_db):
    app = create_app(desk_db, allowed_hosts=["desk.example"])
    with TestClient(app, base_url=LOCAL) as c:
        yield c
    app.state.engine.dispose()


# ------------------------------------------------------------------------ CSV
@pytest.mark.parametrize("value", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", FORMULA_OUTLET, FORMULA_TITLE])
def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Kherson", "", " =not first", -3, 2.5, None])
def test_other_cells_and_numbers_are_left_alone(value):
    assert neutralise(value) == value


CSV_EXPORTS = [("documents", "csv"), ("events", "csv"), ("claims", "csv"), ("events", "acled-csv"),
               ("events", "acled-extras")]


@pytest.mark.parametrize(("what", "fmt"), CSV_EXPORTS)
def test_no_csv_export_has_a_formula_cell(client, desk_db, what, fmt):
    api = client.get("/api/export", params={"what": what, "format": fmt})
    assert api.status_code == 200, api.text
    cli = CliRunner().invoke(cli_app, ["--db", desk_db, "export", "--what", what, "--format", fmt])
    assert cli.exit_code == 0, cli.output
    for text in (api.text, cli.stdout):
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert cells, "the export is empty"
        bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        assert bad == []
    if what == "documents":  # the hostile title and outlet are there, as text
        assert "'" + FORMULA_TITLE in cells and "'" + FORMULA_OUTLET in cells


# ----------------------------------------------------------------------- LIKE
@pytest.mark.parametrize("pattern", ["%", "_", "%%", "\\", "Russia%Civilians", "R_ssia"])
def test_like_wildcards_match_only_themselves(client, pattern):
    res = client.get("/api/events", params={"actor": pattern, "limit": 1})
    assert res.status_code == 200 and res.json()["total"] == 0


def test_an_actor_substring_still_matches(client):
    assert client.get("/api/events", params={"actor": "forces of russia", "limit": 1}).json()["total"] == N_EVENTS


# ----------------------------------------------------------------- long input
@pytest.mark.parametrize("param", ["actor", "type", "admin1", "q", "sub_type"])
def test_a_long_parameter_is_a_short_422(client, param):
    value = "Wagner" * 9_000  # 54,000 characters (the test client caps a URL at 64 KiB)
    for path in ("/api/events", "/api/desk/rows", "/api/export", "/api/claims"):
        res = client.get(path, params={param: value})
        assert res.status_code == 422, (path, res.status_code)
        assert "Retry-After" not in res.headers
        assert len(res.content) < 1500, len(res.content)
        assert f"'{param}'" in res.json()["message"] and "characters" in res.json()["message"]


def test_a_long_id_is_a_short_404(client):
    res = client.get("/api/events/" + "e" * 5000)
    assert res.status_code in (404, 422) and len(res.content) < 1500


# ---------------------------------------------------------------------- hosts
@pytest.mark.parametrize(("header", "name"), [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"),
                                               ("LOCALHOST", "localhost"), ("::1", "::1")])
def test_host_names_are_read_without_port(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "desk.example"])
def test_loopback_and_added_hosts_are_served(client, host):
    assert client.get("/api/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "attacker.test:8000", ""])
def test_other_hosts_are_refused(client, host):
    res = client.get("/api/events", headers={"Host": host})
    assert res.status_code == 400 and "--allowed-host" in res.text and "items" not in res.text


def test_the_default_app_serves_loopback_only(desk_db):
    app = create_app(desk_db)
    with TestClient(app, base_url="http://desk.example") as c:
        assert c.get("/").status_code == 400
    app.state.engine.dispose()


# ------------------------------------------------------------------ docs, HEAD
def test_docs_load_their_assets_from_this_server(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert urls and all(u.startswith("/") for u in urls), urls
        assert "default-src 'none'" in page.headers["content-security-policy"]
        if not missing_assets():
            for u in urls:
                assert client.get(u).status_code == 200, u


def test_only_listed_vendor_files_are_served(client):
    assert client.get("/vendor/leaflet/package.json").status_code == 404
    assert client.get("/vendor/leaflet/../../../pyproject.toml").status_code == 404
    assert client.get("/static/..%2Fhome.py").status_code == 404


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/health", "/docs"])
def test_head_is_answered_like_get_without_a_body(client, path):
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
