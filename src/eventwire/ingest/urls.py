"""Fetch an article or feed by URL, refusing what a stranger's server could abuse.

http(s) only; a timeout, a size cap on the decoded body (gzip bombs), bounded
redirects each re-checked, and private/loopback/link-local addresses refused
unless the user opts in (EVENTWIRE_ALLOW_PRIVATE=1) — so a feed cannot make
eventwire probe the network it runs in.
"""
from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import urllib3

from eventwire import __version__
from eventwire.config import LIMITS, Limits
from eventwire.errors import InputError
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.model import IngestError, Record

USER_AGENT = f"eventwire/{__version__} (+conflict event extraction; respects robots)"
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "EVENTWIRE_ALLOW_PRIVATE"


def _check_address(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host in URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(f"{url}: cannot resolve host ({exc.strerror})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast:
            raise InputError(f"{url}: refusing private or local address {addr} (set {ALLOW_PRIVATE_ENV}=1 to allow)")


def fetch_bytes(url: str, limits: Limits = LIMITS, allow_private: bool | None = None) -> tuple[str, bytes]:
    """(final URL, body) or InputError; body capped at limits.max_file_bytes after decompression."""
    if allow_private is None:
        allow_private = os.environ.get(ALLOW_PRIVATE_ENV) == "1"
    http = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, timeout=urllib3.Timeout(TIMEOUT_SECONDS))
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _check_address(current, allow_private)
        try:
            resp = http.request("GET", current, redirect=False, preload_content=False, decode_content=True)
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(f"{current}: fetch failed ({exc.__class__.__name__})") from exc
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise InputError(f"{current}: redirect without a Location")
                current = urljoin(current, location)
                continue
            if resp.status != 200:
                raise InputError(f"{current}: HTTP {resp.status}")
            body = bytearray()
            for chunk in resp.stream(65536, decode_content=True):
                body += chunk
                if len(body) > limits.max_file_bytes:
                    raise InputError(f"{current}: response over the {limits.max_file_bytes}-byte limit")
            return current, bytes(body)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise InputError(f"{current}: fetch failed ({exc.__class__.__name__})") from exc
        finally:
            resp.release_conn()
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def fetch_records(url: str, limits: Limits = LIMITS) -> Iterator[Record | IngestError]:
    try:
        final, data = fetch_bytes(url, limits)
        text = decode_bytes(data, url)
        if looks_like_feed(text):
            yield from read_feed(text, url, base_url=final)
        else:
            yield Record(source=url, url=final, html=text)
    except InputError as exc:
        yield IngestError(url, str(exc).removeprefix(f"{url}: "))
