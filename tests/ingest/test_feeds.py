"""Feeds in every format feedparser reads, and JSON Feed 1.1; item text, teasers and refusals.

Every feed here is written by the test.  The one network test runs a server
on 127.0.0.1 (the article page a teaser links to).
"""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean import Cleaner
from eventwire.errors import InputError
from eventwire.ingest import urls
from eventwire.ingest.feeds import TEASER_MAX_CHARS, item_record, looks_like_feed, parse_feed, read_feed
from eventwire.ingest.files import read_inputs
from eventwire.model import IngestError, Record

BODY_A = "Artillery shelled the outskirts of Kupiansk overnight, the regional governor said on Tuesday."
BODY_B = "Two drones struck a fuel depot near Belgorod, the governor said; a fire burned for hours."

RSS_091 = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="0.91"><channel><title>Old Wire</title><link>https://old.example/</link>
<description>x</description><language>en</language>
<item><title>Kupiansk shelled</title><link>https://old.example/a</link><description>{BODY_A}</description></item>
</channel></rss>"""

RSS_10 = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Wire</title><link>https://rdf.example/</link>
    <description>x</description></channel>
  <item rdf:about="https://rdf.example/a"><title>Kupiansk shelled</title><link>https://rdf.example/a</link>
    <description>{BODY_A}</description><dc:date>2024-07-16T08:30:00+03:00</dc:date></item>
</rdf:RDF>"""

RSS_20 = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://hg.example/</link><description>x</description>
<item><title>Kupiansk shelled</title><link>https://hg.example/a</link><guid isPermaLink="false">hg-1</guid>
  <pubDate>Tue, 16 Jul 2024 08:30:00 +0300</pubDate><description>Teaser only.</description>
  <content:encoded><![CDATA[<p>{BODY_A}</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Depot hit</title><link>https://hg.example/b</link><guid>hg-2</guid>
  <pubDate>Wed, 17 Jul 2024 10:00:00 GMT</pubDate><description>{BODY_B}</description></item>
</channel></rss>"""

ATOM_03 = f"""<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom Old</title>
<link rel="alternate" type="text/html" href="https://a03.example/"/><modified>2024-07-16T08:30:00Z</modified>
<entry><title>Kupiansk shelled</title><link rel="alternate" type="text/html" href="https://a03.example/a"/>
  <id>tag:a03.example,2024:a</id><issued>2024-07-16T08:30:00Z</issued><modified>2024-07-16T08:30:00Z</modified>
  <content type="text/html" mode="escaped">&lt;p&gt;{BODY_A}&lt;/p&gt;</content></entry>
</feed>"""

ATOM_10 = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:atom-wire</id>
<updated>2024-07-17T10:00:00Z</updated>
<entry><title>Kupiansk shelled</title><link href="https://atom.example/a"/><id>urn:atom-wire:a</id>
  <published>2024-07-16T08:30:00Z</published><updated>2024-07-16T09:00:00Z</updated>
  <content type="html">&lt;p&gt;{BODY_A}&lt;/p&gt;</content></entry>
<entry><title>Depot hit</title><link href="https://atom.example/b"/><id>urn:atom-wire:b</id>
  <updated>2024-07-17T10:00:00Z</updated><summary>{BODY_B}</summary></entry>
</feed>"""

JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON Wire",
    "home_page_url": "https://json.example/",
    "items": [
        {"id": "j-1", "url": "https://json.example/a", "title": "Kupiansk shelled",
         "content_html": f"<p>{BODY_A}</p>", "date_published": "2024-07-16T08:30:00+03:00"},
        {"id": 2, "url": "https://json.example/b", "title": "Depot hit", "content_text": BODY_B,
         "date_modified": "2024-07-17T10:00:00Z"},
        "not an item",
    ],
})


def records(text: str, source: str = "feed") -> list[Record]:
    return list(read_feed(text, source))


@pytest.mark.parametrize(
    ("text", "outlet", "url", "guid", "published"),
    [
        (RSS_091, "Old Wire", "https://old.example/a", None, None),
        (RSS_10, "RDF Wire", "https://rdf.example/a", "https://rdf.example/a", "2024-07-16T08:30:00+03:00"),
        (RSS_20, "Harbour Gazette", "https://hg.example/a", "hg-1", "Tue, 16 Jul 2024 08:30:00 +0300"),
        (ATOM_03, "Atom Old", "https://a03.example/a", "tag:a03.example,2024:a", "2024-07-16T08:30:00Z"),
        (ATOM_10, "Atom Wire", "https://atom.example/a", "urn:atom-wire:a", "2024-07-16T08:30:00Z"),
        (JSON_FEED, "JSON Wire", "https://json.example/a", "j-1", "2024-07-16T08:30:00+03:00"),
    ],
    ids=["rss-0.91", "rss-1.0-rdf", "rss-2.0", "atom-0.3", "atom-1.0", "json-feed-1.1"],
)
def test_each_format_gives_its_items_with_link_guid_date_and_text(text, outlet, url, guid, published):
    assert looks_like_feed(text)
    first = records(text)[0]
    assert (first.outlet, first.url, first.external_id, first.published) == (outlet, url, guid, published)
    assert first.title == "Kupiansk shelled"
    body = first.html or first.text
    assert BODY_A in body and "<script" not in body  # feedparser's sanitiser dropped the script
    assert first.source == "feed#item1"


def test_full_content_wins_over_the_teaser_and_plain_summaries_stay_text():
    first, second = records(RSS_20)
    assert first.html == f"<p>{BODY_A}</p>" and first.text is None
    assert second.text == BODY_B and second.html is None and second.external_id == "hg-2"
    atom_a, atom_b = records(ATOM_10)
    assert atom_b.text == BODY_B and atom_b.published == "2024-07-17T10:00:00Z"  # updated, when never published
    json_a, json_b = records(JSON_FEED)  # the string in "items" is no item: skipped
    assert json_b.external_id == "2" and json_b.text == BODY_B


def test_three_short_content_encoded_paragraphs_become_three_documents():
    """Wires put one short <p> in content:encoded: too little for trafilatura, all text nonetheless."""
    items = "".join(
        f"<item><title>Item {i}</title><link>https://w.example/{i}</link>"
        f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"
        for i, body in enumerate((BODY_A, BODY_B, "Police dispersed a protest in Tbilisi with water cannon."), 1)
    )
    feed = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>W</title>{items}</channel></rss>")
    cleaner = Cleaner()
    docs = [cleaner.clean(r) for r in records(feed)]
    assert [d.text for d in docs] == [BODY_A, BODY_B, "Police dispersed a protest in Tbilisi with water cannon."]


def test_a_fragment_keeps_its_paragraphs_and_only_fragments_fall_back():
    from eventwire.clean.html import extract_html, fragment_text, is_fragment

    assert fragment_text("<p>First short <b>line</b>.</p><ul><li>Second</li></ul><style>x{}</style>tail<br>end") == (
        "First short line.\n\nSecond\n\ntail\nend")
    assert extract_html("<p>Shelling hit Kupiansk.</p>").text == "Shelling hit Kupiansk."
    assert is_fragment("<p>x</p><div>y</div>")
    assert not is_fragment("<!doctype html><html><body><p>x</p></body></html>") and not is_fragment("<BODY><p>x")


def test_dtd_and_entities_are_refused_before_feedparser_sees_them():
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            "<rss><channel><item><description>&lol2;</description></item></channel></rss>")
    with pytest.raises(InputError, match="DTD or entities; refused"):
        records(bomb)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<rss><channel><item><title>Unclosed</channel>", "malformed feed XML"),
        ("<html><body><p>not a feed at all</p></body></html>", "not a feed"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": {"no": "list"}}', "without an 'items' list"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [', "malformed JSON Feed"),
    ],
)
def test_garbage_is_a_clear_error(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_feed(text.encode(), "feed")


def test_an_empty_feed_is_no_error():
    assert parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>E</title></channel></rss>', "f").items == ()


def test_declared_legacy_encoding_is_honoured(tmp_path: Path):
    feed = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Вести</title>'
            "<item><title>Обстрел Белгорода</title><link>https://v.example/1</link>"
            "<description>Обстрел Белгорода продолжался всю ночь, сообщили власти.</description></item></channel></rss>")
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("cp1251"))
    (item,) = list(read_inputs([str(path)]))
    assert item.outlet == "Вести" and item.title == "Обстрел Белгорода" and "всю ночь" in item.text


def test_a_saved_feed_is_read_offline_and_its_teasers_stand(tmp_path: Path):
    path = tmp_path / "teasers.json"
    path.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
        {"id": "t1", "url": "http://127.0.0.1:9/never-fetched", "title": "Port hit", "summary": "Missiles hit the port."}]}),
        encoding="utf-8")
    (item,) = list(read_inputs([str(path)]))
    assert item.text == "Missiles hit the port." and item.html is None and item.summary is None


# ------------------------------------------------------------ teasers from the web
PAGE = f"<html><head><title>Kupiansk shelled</title></head><body><article><p>{BODY_A}</p><p>{BODY_B}</p></article></body></html>"
# a page drawn by JavaScript: nothing for trafilatura to read
EMPTY_PAGE = "<html><head><title>App</title></head><body><div id='root'></div><script>render()</script></body></html>"


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        items = [("/article", "Teaser for a full page."), ("/empty", "Teaser for an empty page."),
                 ("/gone", "Teaser for a missing page."), ("/long", "x " * TEASER_MAX_CHARS)]
        pages = {"/article": PAGE, "/empty": EMPTY_PAGE}
        self.server.paths.append(self.path)  # before answering: the client may move on at once
        if self.path == "/feed":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>' + "".join(
                f"<item><title>T{i}</title><link>{link}</link><description>{teaser}</description></item>"
                for i, (link, teaser) in enumerate(items)) + "</channel></rss>")
            self._send(200, body, "application/rss+xml")
        elif self.path in pages:
            self._send(200, pages[self.path], "text/html")
        else:
            self._send(404, "no", "text/plain")

    def _send(self, status: int, body: str, kind: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def site() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    httpd.paths = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_teasers_fetch_their_article_page_and_fall_back_to_the_teaser(site, monkeypatch):
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")
    base = f"http://127.0.0.1:{site.server_address[1]}"
    article, empty, gone, long = list(read_inputs([f"{base}/feed"]))
    assert sorted(site.paths) == ["/article", "/empty", "/feed", "/gone"]  # a long summary is no teaser
    assert article.html == PAGE and article.url == f"{base}/article"
    assert empty.html == EMPTY_PAGE and empty.summary == "Teaser for an empty page."
    assert gone.text == "Teaser for a missing page." and gone.html is None
    assert long.text.startswith("x x") and long.html is None
    cleaner = Cleaner()
    assert cleaner.clean(article).text == f"{BODY_A}\n\n{BODY_B}"
    assert cleaner.clean(empty).text == "Teaser for an empty page."  # the page gave nothing
    assert cleaner.clean(gone).text == "Teaser for a missing page."


def test_teaser_pages_follow_the_url_rules(site, monkeypatch):
    """Without the opt-in, the loopback article pages are refused like any URL: the teasers stand."""
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")
    base = f"http://127.0.0.1:{site.server_address[1]}"
    fetched = urls.fetch_bytes(f"{base}/feed")[1]
    monkeypatch.delenv(urls.ALLOW_PRIVATE_ENV)
    items = list(read_feed(fetched, "feed", base_url=base, fetch_page=urls.page_fetcher()))
    assert [i.text for i in items[:3]] == ["Teaser for a full page.", "Teaser for an empty page.", "Teaser for a missing page."]
    assert site.paths == ["/feed"]
    assert not any(isinstance(i, IngestError) for i in items)


def test_reingesting_a_feed_changes_nothing(tmp_path: Path, db_url):
    from eventwire.pipeline import Pipeline
    from eventwire.store.repository import all_documents

    path = tmp_path / "feed.atom"
    path.write_text(ATOM_10, encoding="utf-8")
    pipe = Pipeline(db_url)
    first = pipe.ingest([str(path)])
    assert (first.read, first.new, first.failed) == (2, 2, 0)
    with pipe.Session() as s:
        before = [(d.id, d.url, d.external_id, d.published_date, d.text) for d in all_documents(s)]
    again = pipe.ingest([str(path)])
    assert (again.new, again.duplicates, again.events) == (0, 2, first.events)
    with pipe.Session() as s:
        assert [(d.id, d.url, d.external_id, d.published_date, d.text) for d in all_documents(s)] == before
    assert {b[2] for b in before} == {"urn:atom-wire:a", "urn:atom-wire:b"}
    assert {str(b[3]) for b in before} == {"2024-07-16", "2024-07-17"}


# ------------------------------------------------------------ arbitrary input
_FEED_PIECES = st.sampled_from([
    "<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>",
    "</description>", "<link>", "http://x/", "<guid>", "<![CDATA[<p>x</p>", "]]>", "&amp;", "&bogus;",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<content type='html'>", "&lt;p&gt;",
    '{"version": "https://jsonfeed.org/version/1.1", "items": [', '{"id": 1, "content_html": "<b>', "]}",
    "<?xml version='1.0' encoding='utf-16'?>", "\x00", "\ufeff", "é", "<!--", "-->", "<", ">",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.lists(_FEED_PIECES, max_size=25).map(lambda p: "".join(p).encode())))
def test_any_bytes_give_a_feed_or_a_named_input_error(data):
    try:
        feed = parse_feed(data, "feed")
    except InputError as exc:
        assert re.match(r"\[E2\d\d\] feed: ", str(exc)), str(exc)  # coded, naming the source
        return
    for item in feed.items:
        assert any((item.guid, item.link, item.title, item.body, item.summary))
        assert item_record(item, "feed#1", feed.title).source == "feed#1"
