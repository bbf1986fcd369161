"""The desk without a browser: filters in the URL, headline rows, paging, exports of the view, missing assets."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from deskdata import N_EVENTS, SENTENCE_1, SENTENCE_2, doc_id
from eventwire.serve.api import create_app


@pytest.fixture(scope="module")
def client(desk_db):
    app = create_app(desk_db)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.engine.dispose()


def _rows(html: str) -> list[str]:
    return re.findall(r'<li class="row" data-id="([^"]+)"><a href="[^"]+">([^<]+)</a>', html)


def test_url_filters_are_applied(client):
    everything = client.get("/").text
    assert f"1–50 of {N_EVENTS}" in everything and len(_rows(everything)) == 50
    page = client.get("/", params={"type": "Battles", "country": "UA"}).text
    rows = _rows(page)
    assert len(rows) == N_EVENTS // 3 and all(h.startswith("Armed clash, Kherson, 2024-03-") for _, h in rows)
    assert 'value="UA"' in page and '<option value="Battles" selected>' in page  # the form shows the view


def test_headlines_read_as_sentences(client):
    rows = dict(_rows(client.get("/", params={"contradicted": "true"}).text))
    assert rows and all(h.endswith("(disputed)") for h in rows.values())
    assert any(re.fullmatch(r"[\w/ ]+, \w+, 2024-03-\d\d — 3 killed \(disputed\)", h) for h in rows.values())


def test_paging_links_keep_the_filters(client):
    first = client.get("/").text
    link = re.search(r'id="next" href="/\?([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get("/?" + link).text
    assert {i for i, _ in _rows(first)}.isdisjoint({i for i, _ in _rows(second)})
    assert len(_rows(second)) == N_EVENTS - 50


def test_export_buttons_export_the_view(client):
    page = client.get("/", params={"type": "Battles"}).text
    href = re.search(r'href="(/api/export\?[^"]*format=csv[^"]*)"', page).group(1).replace("&amp;", "&")
    rows = list(csv.DictReader(io.StringIO(client.get(href).text)))
    assert len(rows) == N_EVENTS // 3 and {r["event_type"] for r in rows} == {"Battles"}


def test_unreadable_filters_are_named_not_fatal(client):
    page = client.get("/", params={"since": "yesterday", "min_confidence": "high"})
    assert page.status_code == 200 and "since &#x27;yesterday&#x27; cannot be read" in page.text
    assert "since=yesterday" not in page.text  # nor carried into links
    assert len(_rows(page.text)) == 50


def test_missing_assets_are_said_plainly(desk_db, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_WEB_VENDOR", str(tmp_path))  # an empty folder: nothing installed
    app = create_app(desk_db)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        page = c.get("/").text
        assert 'id="assets-missing"' in page and "make install" in page
        assert "/vendor/" not in page and len(_rows(page)) == 50  # the list still works
        assert c.get("/vendor/leaflet/dist/leaflet.js").status_code == 404
    app.state.engine.dispose()


def test_document_page_lists_its_events_and_highlights_a_sentence(client):
    start = len(SENTENCE_1) + 2
    page = client.get(f"/documents/{doc_id(4)}", params={"s": f"{start}-{start + len(SENTENCE_2)}"}).text
    assert '<ul id="supports">' in page and "/events/e_000000000004" in page
    assert f'<mark id="evidence">{SENTENCE_2}</mark>' in page
    bad = client.get(f"/documents/{doc_id(4)}", params={"s": "90-10"}).text
    assert "<mark" not in bad
