"""Data access for ``eventwire watch``: each feed's state and the items it has shown.

Like ``repository``, these functions never commit: the watcher owns its
transactions (one per poll's state, one per poll's seen items).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from eventwire.store.orm import FeedItemRow, FeedStateRow


@dataclass(frozen=True)
class FeedState:
    url: str
    interval_seconds: float
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0
    last_poll: float | None = None
    last_status: str | None = None


@dataclass(frozen=True)
class SeenKey:
    """What identifies an item: its GUID within its feed, its link, its content hash."""

    guid: str | None
    url: str | None
    content_hash: str


def _state_of(row: FeedStateRow) -> FeedState:
    return FeedState(url=row.url, interval_seconds=row.interval_seconds, etag=row.etag,
                     last_modified=row.last_modified, failures=row.failures, next_poll=row.next_poll,
                     last_poll=row.last_poll, last_status=row.last_status)


def get_feed_state(session: Session, url: str) -> FeedState | None:
    row = session.get(FeedStateRow, url)
    return None if row is None else _state_of(row)


def get_feed_states(session: Session, urls: Sequence[str]) -> dict[str, FeedState]:
    """The stored state of each of ``urls`` that has one, in one query per 500 (a watch pass reads all its feeds)."""
    out: dict[str, FeedState] = {}
    for i in range(0, len(urls), 500):
        rows = session.scalars(select(FeedStateRow).where(FeedStateRow.url.in_(urls[i : i + 500])))
        out.update((row.url, _state_of(row)) for row in rows)
    return out


def save_feed_state(session: Session, state: FeedState) -> None:
    row = session.get(FeedStateRow, state.url)
    if row is None:
        row = FeedStateRow(url=state.url)
        session.add(row)
    row.interval_seconds, row.etag, row.last_modified = state.interval_seconds, state.etag, state.last_modified
    row.failures, row.next_poll, row.last_poll, row.last_status = (state.failures, state.next_poll,
                                                                   state.last_poll, state.last_status)


def unseen(session: Session, feed: str, keys: list[SeenKey]) -> list[bool]:
    """Per key, True when no item was seen with its GUID (in this feed), its link or its content hash."""
    if not keys:
        return []
    guids = {k.guid for k in keys if k.guid}
    links = {k.url for k in keys if k.url}
    hashes = {k.content_hash for k in keys}
    cond = FeedItemRow.content_hash.in_(hashes)
    if links:
        cond = or_(cond, FeedItemRow.url.in_(links))
    if guids:
        cond = or_(cond, (FeedItemRow.feed == feed) & FeedItemRow.guid.in_(guids))
    seen_guids, seen_links, seen_hashes = set(), set(), set()
    for row in session.scalars(select(FeedItemRow).where(cond)):
        if row.feed == feed and row.guid:
            seen_guids.add(row.guid)
        if row.url:
            seen_links.add(row.url)
        seen_hashes.add(row.content_hash)
    return [not ((k.guid and k.guid in seen_guids) or (k.url and k.url in seen_links) or k.content_hash in seen_hashes)
            for k in keys]


def mark_seen(session: Session, feed: str, keys: Iterable[SeenKey], when: float) -> None:
    for k in keys:
        session.add(FeedItemRow(feed=feed, guid=k.guid, url=k.url, content_hash=k.content_hash, seen_at=when))
