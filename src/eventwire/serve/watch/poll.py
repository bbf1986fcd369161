"""One poll of one feed: a conditional fetch, the feed parsed, its unseen items as records.

A web feed is fetched with the validators of the last good poll (``ETag`` as
``If-None-Match``, ``Last-Modified`` as ``If-Modified-Since``), so a feed
that has not changed costs the server a 304 and us nothing.  A local feed
file gets the same treatment with its modification time and size as the
validator.  Items are new unless one was seen before with the same GUID in
this feed, the same link, or the same content hash: a feed that renumbers
its GUIDs, or a story syndicated in two feeds, is not read twice.

When a poll fails (unreachable, HTTP 500, garbage) the next one waits
``backoff`` seconds: the interval doubled per failure in a row, capped, with
jitter so that many feeds failing together (one outage) do not return in
lockstep.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from eventwire.config import Limits
from eventwire.errors import Errors, InputError
from eventwire.ingest.feeds import FeedItem, ParsedFeed, item_record, parse_feed
from eventwire.ingest.textfile import read_file_bytes
from eventwire.model import Record
from eventwire.store.feed_state import SeenKey

# Never more than six hours between tries of a failing feed: a feed down for a
# day is picked up again within a quarter of that day once it returns.
MAX_BACKOFF_SECONDS = 6 * 3600.0
# The backoff drawn uniformly between this share of the doubled interval and
# all of it ("equal jitter"): spread out, yet never sooner than the interval.
JITTER_LOW = 0.5


def backoff(interval: float, failures: int, rng: random.Random) -> float:
    """Seconds to wait after ``failures`` failed polls in a row (failures >= 1)."""
    ceiling = min(MAX_BACKOFF_SECONDS, interval * 2.0 ** min(failures, 30))
    return max(interval, rng.uniform(JITTER_LOW * ceiling, ceiling))


@dataclass(frozen=True)
class Fetched:
    """A poll's answer: ``data`` None when the feed has not changed since the validators."""

    data: bytes | None
    etag: str | None
    last_modified: str | None
    base_url: str | None


def is_web(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def fetch_feed(url: str, etag: str | None, last_modified: str | None, limits: Limits) -> Fetched:
    """The feed's bytes, or ``data=None`` when unchanged; InputError when it cannot be had."""
    if is_web(url):
        from eventwire.ingest.urls import fetch

        got = fetch(url, limits, etag=etag, last_modified=last_modified)
        if got.status == 304:
            return Fetched(None, etag, last_modified, got.url)
        if not got.body.strip():
            raise InputError(Errors.E244.format(source=url))
        return Fetched(got.body, got.etag, got.last_modified, got.url)
    path = Path(url)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError(Errors.E541.format(source=url)) from None
    except OSError as exc:
        raise InputError(Errors.E202.format(source=url, why=exc.strerror or exc)) from exc
    tag = f"{stat.st_mtime_ns}-{stat.st_size}"
    if tag == etag:
        return Fetched(None, etag, None, None)
    return Fetched(read_file_bytes(path, limits), tag, None, None)


def seen_key(item: FeedItem) -> SeenKey:
    return SeenKey(guid=item.guid, url=item.link, content_hash=item.content_hash)


def item_source(url: str, item: FeedItem, number: int) -> str:
    return f"{url}#{item.guid or item.link or f'item{number}'}"


def records_for(url: str, feed: ParsedFeed, new: list[tuple[int, FeedItem]], limits: Limits) -> list[Record]:
    """Records of the new items; teasers of a web feed fetch their article page (see ingest.feeds)."""
    fetch_page = None
    if is_web(url):
        from eventwire.ingest.urls import page_fetcher

        fetch_page = page_fetcher(limits)
    return [item_record(item, item_source(url, item, n), feed.title, fetch_page) for n, item in new]


def parse(url: str, fetched: Fetched) -> ParsedFeed:
    assert fetched.data is not None
    return parse_feed(fetched.data, url, fetched.base_url)
