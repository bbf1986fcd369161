"""Fusion as documents arrive: only the events new mentions can meet are fused again.

A run starts from the *dirty* documents: those with mentions stored since the
last run (new, or extracted again) and those whose story changed
(``fusion_dirty``, written by provenance).  Their mentions look up the cells
they reach (``blocks``); the events holding the mentions found, and those
the dirty documents' earlier mentions were in, are fused again together with
the new mentions by the same ``fuse_clusters`` a full re-fuse uses, and only
they are rewritten.  Event ids come from each event's first report, so they
stay as they were.

Fusion's later passes look across events (an undated report joins the
best-attested event of its town; a reference counts the words common to the
events it could name), so a change can reach events the new mentions do not
meet: every event whose members changed looks up its own cells in turn,
until a round changes nothing new.  ``refuse`` fuses everything from scratch
and rebuilds the index; ``tests/fuse/test_incremental.py`` checks that both
give the same events.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import true
from sqlalchemy.orm import Session

from eventwire.fuse.blocks import cell_key, cells
from eventwire.fuse.events import fuse_clusters
from eventwire.model import Event
from eventwire.store import fusion_index as fx
from eventwire.store import repository as repo

WATERMARK = "fusion_watermark"  # meta key: the last mention id fusion has seen


@dataclass
class FusionStats:
    """What one run touched, for the benchmark and the tests."""

    dirty_documents: int = 0
    rounds: int = 0
    events_touched: int = 0
    mentions_fused: int = 0
    changes: tuple[int, int, int] = (0, 0, 0)


@dataclass
class _Pool:
    """The mentions fused again in this run, by mention id."""

    ranked: dict[int, fx.Ranked] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)  # stored events being fused again
    looked: set[int] = field(default_factory=set)  # mentions whose reached cells were looked up


def refuse(session: Session) -> FusionStats:
    """Fuse every mention from scratch and rebuild the fusion index (when rules change)."""
    fx.clear_index(session)
    ranked = {mid: r for r in fx._ranked(session, true()) for mid in (r[1],)}
    stories = fx.stories_of(session, {r[3] for r in ranked.values()})
    result = _fuse(ranked, stories)
    events = [ev for _c, ev in result]
    changes = repo.sync_events(session, events)
    _write_index(session, ranked, stories, result, ranked.keys(), forget=())
    _finish(session)
    return FusionStats(len({r[3] for r in ranked.values()}), 1, len(events), len(ranked), changes)


def fuse_new(session: Session, *, max_rounds: int = 50) -> FusionStats:
    """Fuse what changed since the last run (see module doc); a database never fused is fused whole."""
    mark = repo.get_meta(session, WATERMARK)
    if mark is None:
        return refuse(session)
    dirty = fx.dirty_documents(session) | fx.documents_with_mentions_after(session, int(mark))
    stats = FusionStats(dirty_documents=len(dirty))
    if not dirty:
        _finish(session)
        return stats
    pool = _Pool()
    seeds = fx.mentions_of_documents(session, dirty)
    pool.ranked.update((r[1], r) for r in seeds)
    pool.events |= fx.events_of_documents(session, dirty)
    members = fx.members_of_events(session, pool.events)
    old = fx.events_of_mentions(session, members | pool.ranked.keys())
    pool.ranked.update((r[1], r) for r in fx.mentions_by_id(session, members - pool.ranked.keys()))
    to_look = {r[1] for r in seeds}
    stories: dict[str, str] = {}
    result = None
    while True:
        stats.rounds += 1
        before = len(pool.ranked)
        _grow(session, pool, to_look, stories, old)
        if result is not None and len(pool.ranked) == before:
            break  # the same mentions fuse the same way: the last round's events stand
        result = _fuse(pool.ranked, stories)
        sizes = Counter(old.values())
        to_look = {mid for c, ev in result for mid in c if mid not in pool.looked and _changed(c, ev, old, sizes)}
        if not to_look or stats.rounds >= max_rounds:
            break
    events = [ev for _c, ev in result]
    stats.changes = fx.replace_events(session, sorted(pool.events), events)
    _write_index(session, pool.ranked, stories, result, {r[1] for r in seeds}, forget=dirty)
    _finish(session)
    stats.events_touched, stats.mentions_fused = len(pool.events), len(pool.ranked)
    return stats


def _grow(session: Session, pool: _Pool, to_look: set[int], stories: dict[str, str],
          old: dict[int, str | None]) -> None:
    """Add to the pool every stored mention the ``to_look`` mentions reach, with their events' members."""
    _stories(session, pool, stories)
    keys = {cell_key(c) for mid in to_look for c in cells(pool.ranked[mid][2], stories[pool.ranked[mid][3]]).reached}
    pool.looked |= to_look
    found = fx.mentions_in_cells(session, keys) - pool.ranked.keys()
    found_events = fx.events_of_mentions(session, found)
    new_events = {e for e in found_events.values() if e} - pool.events
    pool.events |= new_events
    members = fx.members_of_events(session, new_events)
    old.update(fx.events_of_mentions(session, members))
    old.update(found_events)
    wanted = (members | found) - pool.ranked.keys()
    pool.ranked.update((r[1], r) for r in fx.mentions_by_id(session, wanted))
    _stories(session, pool, stories)


def _stories(session: Session, pool: _Pool, stories: dict[str, str]) -> None:
    missing = {r[3] for r in pool.ranked.values()} - stories.keys()
    stories.update(fx.stories_of(session, missing))


def _changed(cluster: list[int], ev: Event, old: dict[int, str | None], sizes: Counter) -> bool:
    """True when the cluster is not exactly a stored event (same id, same members)."""
    return sizes[ev.id] != len(cluster) or any(old.get(mid) != ev.id for mid in cluster)


def _fuse(ranked: dict[int, fx.Ranked], stories: dict[str, str]) -> list[tuple[list[int], Event]]:
    """``fuse_clusters`` over the pool; clusters given as mention ids."""
    by_object = {id(r[2]): mid for mid, r in ranked.items()}
    out = fuse_clusters([(r[0], r[2]) for r in ranked.values()], stories)
    return [([by_object[id(m)] for m in c], ev) for c, ev in out]


def _write_index(session: Session, ranked: dict[int, fx.Ranked], stories: dict[str, str],
                 result: list[tuple[list[int], Event]], register: set[int] | object, forget) -> None:
    """Members of every fused mention (None for a landmark naming no event); cells of ``register``."""
    event_of = {mid: ev.id for c, ev in result for mid in c}
    fx.set_members(session, {mid: (event_of.get(mid), r[3]) for mid, r in ranked.items()}, forget)
    fx.add_cells(session, ((cell_key(c), mid) for mid in register
                           for c in cells(ranked[mid][2], stories[ranked[mid][3]]).registered))
    fx.clear_dirty(session)


def _finish(session: Session) -> None:
    repo.set_meta(session, WATERMARK, str(fx.max_mention_id(session)))
    repo.set_meta(session, "fused_state", repo.content_state(session))
