"""URL fetching against a throw-away HTTP server on 127.0.0.1: only loopback traffic.

The server is started by the test in a thread; every limit is made small
through ``Limits`` so the slow cases take well under a second.
"""
from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.config import Limits
from eventwire.errors import InputError
from eventwire.ingest import urls
from eventwire.ingest.files import read_inputs
from eventwire.model import IngestError, Record

ARTICLE = b"<html><head><title>Depot hit</title></head><body><p>Drones hit a fuel depot near Belgorod on Monday, the governor said.</p></body></html>"
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    # a teaser item whose (relative) link is the article page on this same server
    b"<item><title>One</title><link>/ok</link><description>Shelling hit Kupiansk.</description></item>"
    b"</channel></rss>"
)
BOMB_BYTES = 50_000_000  # decoded size of the gzip bomb; on the wire it is ~50 KB
FAST = Limits(fetch_timeout_seconds=0.4, fetch_total_seconds=1.5, max_file_bytes=1_000_000, max_redirects=3)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    seen_agents: list[str] = []
    bomb = gzip.compress(b"\0" * BOMB_BYTES, compresslevel=9)

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        try:
            if path == "/ok":
                self._send(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"})
            elif path == "/feed":
                self._send(200, FEED, {"Content-Type": "application/rss+xml"})
            elif path == "/big-declared":
                self._send(200, b"x" * 2_000_000)
            elif path == "/big-undeclared":  # no Content-Length: only counting while reading stops it
                self._send(200, b"<p>" + b"x" * 2_000_000 + b"</p>", length=False)
            elif path == "/slow":
                time.sleep(1.5)
                self._send(200, ARTICLE)
            elif path == "/trickle":  # one byte every 0.1 s: each read is quick, the whole is endless
                self.send_response(200)
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif path == "/loop":
                self._send(302, headers={"Location": "/loop"})
            elif path == "/hop1":
                self._send(301, headers={"Location": "/hop2"})
            elif path == "/hop2":
                self._send(307, headers={"Location": "/ok"})
            elif path == "/to-private":
                self._send(302, headers={"Location": f"http://127.0.0.1:{self.server.server_address[1]}/ok"})
            elif path == "/to-file":
                self._send(302, headers={"Location": "file:///etc/passwd"})
            elif path == "/gzip-bomb":
                self._send(200, self.bomb, {"Content-Encoding": "gzip", "Content-Type": "text/html"})
            elif path == "/gzip-ok":
                self._send(200, gzip.compress(ARTICLE), {"Content-Encoding": "gzip", "Content-Type": "text/html"})
            elif path == "/brotli":
                self._send(200, b"\x1b\x00", {"Content-Encoding": "br"})
            elif path == "/empty":
                self._send(200, b"")
            else:
                self._send(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose: that is what the test checks


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetch(url: str, limits: Limits = FAST, allow_private: bool = True) -> tuple[str, bytes]:
    return urls.fetch_bytes(url, limits, allow_private=allow_private)


# ---------------------------------------------------------------- the happy path
def test_fetches_page_with_a_clear_user_agent(server):
    final, body = fetch(f"{server}/ok")
    assert final == f"{server}/ok" and body == ARTICLE
    assert _Handler.seen_agents[-1].startswith("eventwire/")


def test_redirects_are_followed_and_gzip_is_decoded(server):
    final, body = fetch(f"{server}/hop1")
    assert final == f"{server}/ok" and body == ARTICLE
    assert fetch(f"{server}/gzip-ok")[1] == ARTICLE


def test_a_feed_url_gives_one_record_per_item(server, monkeypatch):
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")
    items = list(read_inputs([f"{server}/feed", f"{server}/ok"], FAST))
    assert [type(i) for i in items] == [Record, Record]
    assert items[0].url == f"{server}/ok" and items[0].outlet == "Wire" and items[0].title == "One"
    # the teaser's article page was fetched; the teaser rides along for the cleaner to fall back on
    assert items[0].html == ARTICLE.decode() and items[0].summary == "Shelling hit Kupiansk."
    assert items[1].html and "fuel depot" in items[1].html


# ----------------------------------------------------------------------- limits
@pytest.mark.parametrize("path", ["/big-declared", "/big-undeclared"])
def test_size_limit(server, path):
    with pytest.raises(InputError, match="over the 1,000,000-byte limit"):
        fetch(f"{server}{path}")


def test_gzip_bomb_is_capped_by_decoded_size(server):
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="after decompression"):
            fetch(f"{server}/gzip-bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"decoding the bomb took {peak:,} bytes"  # 50 MB decoded, never held


def test_slow_server_times_out(server):
    start = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{server}/slow")
    assert time.monotonic() - start < 1.4


def test_trickling_server_is_cut_off_by_the_total_deadline(server):
    start = time.monotonic()
    with pytest.raises(InputError, match="in all; stopped"):
        fetch(f"{server}/trickle")
    assert time.monotonic() - start < 3


def test_redirect_loop_is_bounded(server):
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch(f"{server}/loop")


def test_unsupported_encoding_is_refused(server):
    with pytest.raises(InputError, match="unsupported Content-Encoding"):
        fetch(f"{server}/brotli")


def test_http_errors_are_reported(server, monkeypatch):
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")
    [missing] = list(urls.fetch_records(f"{server}/nope", FAST))
    [empty] = list(urls.fetch_records(f"{server}/empty", FAST))
    assert isinstance(missing, IngestError) and missing.reason == "[E239] HTTP 404"
    assert isinstance(empty, IngestError) and empty.reason == "[E244] empty response"


# ------------------------------------------------------------------------- SSRF
def test_loopback_is_refused_without_opt_in(server, monkeypatch):
    monkeypatch.delenv(urls.ALLOW_PRIVATE_ENV, raising=False)
    [err] = list(urls.fetch_records(f"{server}/ok", FAST))
    assert isinstance(err, IngestError)
    assert "refusing private or local address 127.0.0.1" in err.reason and urls.ALLOW_PRIVATE_ENV in err.reason
    monkeypatch.setenv(urls.ALLOW_PRIVATE_ENV, "1")
    [ok] = list(urls.fetch_records(f"{server}/ok", FAST))
    assert isinstance(ok, Record)


def _lying_dns(monkeypatch, public_names: set[str]) -> None:
    """Make our own address check believe ``public_names`` are public; only the check's
    seam is replaced, so the connection itself still resolves them to 127.0.0.1."""
    real = urls._resolve

    def fake(host, port):
        return ["93.184.216.34"] if host in public_names else real(host, port)

    monkeypatch.setattr(urls, "_resolve", fake)


def test_redirect_to_a_private_address_is_refused(server, monkeypatch):
    port = server.rsplit(":", 1)[1]
    _lying_dns(monkeypatch, {"localhost"})  # hop 1 passes the name check...
    monkeypatch.setattr(urls._PeerCheck, "_new_conn", lambda self: super(urls._PeerCheck, self)._new_conn())  # ...and the peer check
    with pytest.raises(InputError, match=r"127\.0\.0\.1:\d+/ok: refusing private or local address 127\.0\.0\.1"):
        fetch(f"http://localhost:{port}/to-private", allow_private=False)


def test_connection_reaching_a_private_peer_is_refused(server, monkeypatch):
    """DNS said public, the socket reached loopback (rebinding): the peer check stops it."""
    port = server.rsplit(":", 1)[1]
    _lying_dns(monkeypatch, {"localhost"})
    with pytest.raises(InputError, match="refusing private or local address 127.0.0.1"):
        fetch(f"http://localhost:{port}/ok", allow_private=False)


def test_other_schemes_are_refused(server):
    with pytest.raises(InputError, match="only http and https"):
        fetch(f"{server}/to-file")
    for bad in ("ftp://example.org/a.html", "file:///etc/passwd", "gopher://x/"):
        [err] = list(read_inputs([bad], FAST))
        assert isinstance(err, IngestError) and "only http and https" in err.reason


@pytest.mark.parametrize(
    "address, refused",
    [("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True), ("172.16.5.5", True), ("169.254.169.254", True),
     ("0.0.0.0", True), ("100.64.0.1", True), ("::1", True), ("fe80::1", True), ("fc00::1", True),
     ("::ffff:127.0.0.1", True), ("224.0.0.1", True), ("93.184.216.34", False), ("2606:2800:220:1::", False)],
)
def test_address_classification(address, refused):
    import ipaddress

    assert urls._refused(ipaddress.ip_address(address)) is refused
