"""Fetch an article or feed by URL, refusing what a stranger's server could abuse.

http(s) only; a connect/read timeout and a total deadline (a server that
trickles one byte at a time cannot hold the run); a size cap on the *decoded*
body, decompressed by us in bounded steps so a gzip bomb costs at most one
step of memory; bounded redirects, each hop re-checked; private, loopback,
link-local and other non-global addresses refused unless the user opts in
(EVENTWIRE_ALLOW_PRIVATE=1) — so a feed cannot make eventwire probe the
network it runs in.  The address the connection actually reached is checked
too, right after connecting, which closes the gap between our DNS lookup and
urllib3's (DNS rebinding).
"""
from __future__ import annotations

import ipaddress
import os
import socket
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from eventwire import __version__
from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError, reason
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.model import IngestError, Record

USER_AGENT = f"eventwire/{__version__} (+conflict event extraction; one request per article)"
TIMEOUT_SECONDS = LIMITS.fetch_timeout_seconds  # kept for callers; the setting is Limits.fetch_timeout_seconds
MAX_REDIRECTS = LIMITS.max_redirects
ALLOW_PRIVATE_ENV = "EVENTWIRE_ALLOW_PRIVATE"
REDIRECTS = (301, 302, 303, 307, 308)
RAW_CHUNK = 65536
# at most this much decoded output per decompression step: a 64 KB gzip chunk can
# hold 64 MB of zeros, so output is drawn out in slices and counted as it comes
DECODED_STEP = 1 << 20


def allow_private_from_env() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def _refused(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return not addr.is_global or addr.is_multicast


def _refusal(url: str, addr: object) -> InputError:
    return InputError(Errors.E234.format(source=url, address=addr, env=ALLOW_PRIVATE_ENV))


def _resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (a seam: tests replace it, never the socket module)."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]


def _check_url(url: str, allow_private: bool) -> None:
    """Scheme and host of one hop; unless allowed, every address the host resolves to must be public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(Errors.E230.format(source=url))
    try:
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise InputError(Errors.E231.format(source=url, why=exc)) from exc
    if not host:
        raise InputError(Errors.E232.format(source=url))
    if allow_private:
        return
    try:
        addresses = _resolve(host, port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(Errors.E233.format(source=url, why=getattr(exc, 'strerror', None) or exc)) from exc
    for address in addresses:
        addr = ipaddress.ip_address(address.split("%")[0])
        if _refused(addr):
            raise _refusal(url, addr)


class _PeerCheck:
    """Mixed into urllib3's connections: the address the socket actually reached must be
    public too (DNS may answer differently for urllib3 than it did for ``_check_url``).
    Checked right after connecting, before TLS or the request: nothing is sent to it."""

    def _new_conn(self):
        sock = super()._new_conn()
        try:
            peer = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
        except (OSError, ValueError):
            return sock
        if _refused(peer):
            sock.close()
            raise _PeerRefused(peer)
        return sock


class _PeerRefused(InputError):
    def __init__(self, address) -> None:
        super().__init__(f"connected to private or local address {address}")
        self.address = address


class _CheckedHTTPConnection(_PeerCheck, urllib3.connection.HTTPConnection):
    pass


class _CheckedHTTPSConnection(_PeerCheck, urllib3.connection.HTTPSConnection):
    pass


class _CheckedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _Decoder:
    """Content-Encoding undone in bounded steps; refuses encodings we did not ask for."""

    def __init__(self, encoding: str, url: str) -> None:
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise InputError(Errors.E235.format(source=url, encoding=encoding))
        self.url = url

    def feed(self, raw: bytes) -> Iterator[bytes]:
        if self._z is None:
            yield raw
            return
        try:
            data = raw
            while True:
                out = self._z.decompress(data, DECODED_STEP)
                if out:
                    yield out
                data = self._z.unconsumed_tail
                if not data:
                    return
        except zlib.error as exc:
            raise InputError(Errors.E236.format(source=self.url, why=exc)) from exc


@dataclass(frozen=True)
class Fetched:
    """One fetch's answer: 200 with a body, or 304 (not modified) with none."""

    status: int
    url: str  # after redirects
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


def fetch_bytes(url: str, limits: Limits = LIMITS, allow_private: bool | None = None) -> tuple[str, bytes]:
    """(final URL, body) or InputError; body capped at limits.max_file_bytes after decompression."""
    got = fetch(url, limits, allow_private)
    return got.url, got.body


def fetch(url: str, limits: Limits = LIMITS, allow_private: bool | None = None, *,
          etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET ``url`` under the rules above; with ``etag`` / ``last_modified`` a conditional GET,
    whose 304 comes back as ``Fetched(status=304)``.  Any other status but 200 is an InputError."""
    if allow_private is None:
        allow_private = allow_private_from_env()
    deadline = time.monotonic() + limits.fetch_total_seconds
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    http = urllib3.PoolManager(
        headers=headers,
        timeout=urllib3.Timeout(connect=limits.fetch_timeout_seconds, read=limits.fetch_timeout_seconds),
        retries=False,
    )
    if not allow_private:
        http.pool_classes_by_scheme = {"http": _CheckedHTTPPool, "https": _CheckedHTTPSPool}
    current = url
    try:
        for _ in range(limits.max_redirects + 1):
            _check_url(current, allow_private)
            try:
                resp = http.request("GET", current, redirect=False, preload_content=False, decode_content=False)
            except urllib3.exceptions.HTTPError as exc:
                raise InputError(Errors.E237.format(source=current, why=_why(exc))) from exc
            except _PeerRefused as exc:
                raise _refusal(current, exc.address) from None
            try:
                if resp.status in REDIRECTS:
                    location = resp.headers.get("Location")
                    if not location:
                        raise InputError(Errors.E238.format(source=current))
                    current = urljoin(current, location.strip())
                    continue
                if resp.status == 304 and (etag or last_modified):
                    return Fetched(304, current, b"", etag, last_modified)
                if resp.status != 200:
                    raise InputError(Errors.E239.format(source=current, status=resp.status))
                body = _read_body(resp, current, limits, deadline)
                return Fetched(200, current, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise InputError(Errors.E237.format(source=current, why=_why(exc))) from exc
            finally:
                resp.release_conn()
        raise InputError(Errors.E240.format(source=url, limit=limits.max_redirects))
    finally:
        http.clear()


def _why(exc: BaseException) -> str:
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError, socket.timeout)):
        return "timed out"
    reason = getattr(exc, "reason", None)
    if isinstance(reason, BaseException):
        return _why(reason)
    return exc.__class__.__name__


def _read_body(resp, url: str, limits: Limits, deadline: float) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_file_bytes:
        raise InputError(Errors.E241.format(source=url, size=int(declared), limit=limits.max_file_bytes))
    decoder = _Decoder(resp.headers.get("Content-Encoding", ""), url)
    body = bytearray()
    while True:
        # read1: whatever has arrived (up to RAW_CHUNK), so a trickle still meets the deadline check
        raw = resp.read1(RAW_CHUNK, decode_content=False)
        if not raw:
            break
        if time.monotonic() > deadline:
            raise InputError(Errors.E242.format(source=url, seconds=limits.fetch_total_seconds))
        for piece in decoder.feed(raw):
            body += piece
            if len(body) > limits.max_file_bytes:
                raise InputError(Errors.E243.format(source=url, limit=limits.max_file_bytes))
    return bytes(body)


def page_fetcher(limits: Limits = LIMITS):
    """``fetch_page`` for feeds read from the web: an item's article page, fetched under these rules."""

    def fetch_page(url: str) -> tuple[str, str]:
        final, data = fetch_bytes(url, limits)
        if not data.strip():
            raise InputError(Errors.E244.format(source=url))
        return final, decode_bytes(data, url)

    return fetch_page


def fetch_records(url: str, limits: Limits = LIMITS) -> Iterator[Record | IngestError]:
    try:
        final, data = fetch_bytes(url, limits)
        if not data.strip():
            raise InputError(Errors.E244.format(source=url))
        text = decode_bytes(data, url)
        if looks_like_feed(text):
            yield from read_feed(data, url, base_url=final, fetch_page=page_fetcher(limits))
        else:
            yield Record(source=url, url=final, html=text)
    except InputError as exc:
        yield IngestError(url, reason(str(exc), url))
