"""A feed server on 127.0.0.1 for the watch tests: it answers what the test tells it to.

``FeedServer.feed`` is the feed it serves now (with an ETag and Last-Modified
derived from it, honouring conditional GETs); ``FeedServer.fail_with`` makes
the next answers an HTTP error or garbage instead.  Every request is logged
with its validators and the time it was answered.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GARBAGE = b"<rss version=\"2.0\"><channel><item><title>cut off mid-" + b"\xff\xfe<<<" * 20  # half a feed, then noise


def rss(items: list[tuple[str, str, str, str]], title: str = "Harbour Gazette") -> str:
    """An RSS 2.0 feed of (guid, link, title, text) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid>"
        f"<pubDate>Thu, 18 Jul 2024 09:00:00 GMT</pubDate><description>{text}</description></item>"
        for guid, link, t, text in items
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


@dataclass
class Request:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int
    kind: str  # feed | not modified | error | garbage | page | missing
    answered_at: float


@dataclass
class FeedServer:
    feed: str = ""
    fail_with: list[int | bytes] = field(default_factory=list)  # next answers: a status, or garbage bytes
    pages: dict[str, str] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def etag(self) -> str:
        return '"' + hashlib.sha256(self.feed.encode()).hexdigest()[:16] + '"'

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            inm, ims = handler.headers.get("If-None-Match"), handler.headers.get("If-Modified-Since")
            if handler.path in self.pages:
                kind, status, body, headers = "page", 200, self.pages[handler.path].encode(), {"Content-Type": "text/html"}
            elif handler.path != "/feed.xml":
                kind, status, body, headers = "missing", 404, b"not here", {}
            elif self.fail_with:
                what = self.fail_with.pop(0)
                kind, status, body, headers = (("error", what, b"server error", {}) if isinstance(what, int)
                                               else ("garbage", 200, what, {}))
            elif inm == self.etag():
                kind, status, body, headers = "not modified", 304, b"", {"ETag": self.etag()}
            else:
                kind, status, body = "feed", 200, self.feed.encode()
                headers = {"Content-Type": "application/rss+xml", "ETag": self.etag(),
                           "Last-Modified": "Thu, 18 Jul 2024 09:00:00 GMT"}
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
            self.log.append(Request(handler.path, inm, ims, status, kind, time.monotonic()))

    def feed_requests(self) -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.path == "/feed.xml"]


def start(state: FeedServer) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.answer(self)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
