"""Fusion as documents arrive: only the events new mentions can meet are fused again.

A run starts from the *dirty* documents (``fusion_dirty``): those whose
mentions were stored since the last run (new, or extracted again, even to
none: ``repository.replace_mentions``) and those whose story changed
(written by provenance), with any holding a mention past the watermark.  Their mentions look up the cells
they reach (``blocks``); the events holding the mentions found, and those
the dirty documents' earlier mentions were in, are fused again together with
the new mentions by the same ``fuse_clusters`` a full re-fuse uses, and only
they are rewritten.  Event ids come from each event's first report, so they
stay as they were.

Fusion's later passes look across events (an undated report joins the
best-attested event of its town; a reference counts the words common to the
events it could name), so a change can reach events the new mentions do not
meet: every event whose members changed looks up its own cells in turn,
until a round changes nothing new.  An event that only gained new mentions
looks up, through its old members, only what weighs an event as a whole
(loose mentions, landmarks: ``_weighing``); what meets the new mentions was
found through their own cells.  A mention decided again that was not looked
up itself (a member of an event met) reads every event it could meet as
context (``_around``): decided without them, a reference would count common
words over fewer events, join another, and its lookups would pull in the
events of the 90 days before, round after round back through the database.

A reference back may name any event of its family in the 90 days before it
(in its country, or anywhere sharing its words: ``blocks``).  Those events
are read as fixed *context*: the clustering may join the reference to one,
but does not decide their own members again, and they are not rewritten,
unless a mention joined one; then it is promoted into the pool and the
round runs again.  So an ingest reads the events its references could name
without deciding them all again, and its cost does not grow with the months
the database holds.  ``refuse`` fuses everything from scratch
and rebuilds the index; ``tests/fuse/test_incremental.py`` checks that both
give the same events.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import true
from sqlalchemy.orm import Session

from eventwire.fuse.blocks import Cells, anchorable, cell_key, cells, naming, registered
from eventwire.fuse.events import fuse_in_context
from eventwire.fuse import kept_context
from eventwire.fuse.kept_context import KeptContext
from eventwire.gcpause import collector_paused
from eventwire.model import Event, Mention
from eventwire.store import fusion_index as fx
from eventwire.store import repository as repo

WATERMARK = "fusion_watermark"  # meta key: the last mention id fusion has seen
# Context pays when few mentions are new: a handful of references reads their candidates once.
# Past this many new mentions, what references reach is decided again with the rest, as a full
# pool; both give the same events.  Was 200 (session 3: a batch of 1,000 generated documents took
# 10x longer through context, before a reference read only the events that can weigh in its
# choice, ``_named_by``, and before ``_around``).  Set by the bench (incremental_bench.py
# --scale, session 10): 1,000 generated documents into 18,000, as a pool 55 s, 19,812 mentions
# decided again, 770 MB peak; through context 40 s, 5,754 mentions, 425 MB; the same events.
# A pool holds everything the references reach (the 90-day window) whatever the batch, so the
# limit only keeps the pool for batches so big that they are most of that window anyway.
CONTEXT_MAX_NEW_MENTIONS = 100_000


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
    """The mentions fused again in this run, by mention id, and the events read as context."""

    ranked: dict[int, fx.Ranked] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)  # stored events being fused again
    looked: set[int] = field(default_factory=set)  # mentions whose reached cells were looked up
    seen: set[int] = field(default_factory=set)  # mentions whose reached cells were read as context
    context: dict[str, list[int]] = field(default_factory=dict)  # stored event -> members, read only
    context_ranked: dict[int, fx.Ranked] = field(default_factory=dict)
    with_context: bool = True  # False: what references reach joins the pool (CONTEXT_MAX_NEW_MENTIONS)
    cells: dict[int, tuple[Mention, Cells]] = field(default_factory=dict)  # by id(mention), as Clusterer keeps them
    # a context member's registered cells, kept from round to round (the batch's context of ~49k
    # members was registered again by every round's clustering)
    registered: dict[int, tuple[Mention, frozenset[str]]] = field(default_factory=dict)
    # the context clusters themselves, with their registrations and summaries, from one clustering to
    # the next (a promoted event makes the whole pool clustered again, the context nearly unchanged),
    # and from the process's last run (``kept_context.take``: the next batch reads most of it again)
    kept: KeptContext = field(default_factory=kept_context.take)
    # the mentions registered in each cell read so far: the ~800 references of a batch look up much the
    # same cells (their country's weeks, their words' weeks), 1,824 reads and ~957k rows for one batch
    # of 1,000 into the 54k --scale database (session 14).  Nothing writes the index until the run ends.
    by_cell: dict[int, list[int]] = field(default_factory=dict)

    def in_cells(self, session: Session, cells_: set[int]) -> set[int]:
        """``fx.mentions_in_cells``, each cell read from the database once a run."""
        known = self.by_cell
        missing = [c for c in cells_ if c not in known]
        if missing:
            read = fx.mentions_by_cell(session, missing)
            for c in missing:
                known[c] = read.get(c, ())
        out: set[int] = set()
        for c in cells_:
            out.update(known[c])
        return out

    def cells_of(self, mid: int, stories: dict[str, str]) -> Cells:
        """A pool mention's cells, computed once a run (every round's clustering reads them again)."""
        m = self.ranked[mid][2] if mid in self.ranked else self.context_ranked[mid][2]
        c = self.cells.get(id(m))
        if c is None or c[0] is not m:
            c = self.cells[id(m)] = (m, cells(m, stories.get(m.document, m.document)))
        return c[1]

    def size(self) -> tuple[int, int]:
        return len(self.ranked), len(self.context)


def refuse(session: Session) -> FusionStats:
    """Fuse every mention from scratch and rebuild the fusion index (when rules change)."""
    fx.clear_index(session)
    ranked = {mid: r for r in fx._ranked(session, true()) for mid in (r[1],)}
    stories = fx.stories_of(session, {r[3] for r in ranked.values()})
    result, _joined = _fuse(ranked, stories)
    events = [ev for _c, ev in result]
    changes = repo.sync_events(session, events)
    _write_index(session, ranked, stories, result, ranked.keys(), forget=())
    _finish(session)
    return FusionStats(len({r[3] for r in ranked.values()}), 1, len(events), len(ranked), changes)


def fuse_new(session: Session, *, max_rounds: int = 50) -> FusionStats:
    """Fuse what changed since the last run (see module doc); a database never fused is fused whole.
    The cycle collector is paused meanwhile (``gcpause.collector_paused``: it walked the run's ~50k read
    mentions and ~30k context clusters again and again)."""
    with collector_paused():
        return _fuse_new(session, max_rounds)


def _fuse_new(session: Session, max_rounds: int) -> FusionStats:
    mark = repo.get_meta(session, WATERMARK)
    if mark is None:
        return refuse(session)
    dirty = fx.dirty_documents(session) | fx.documents_with_mentions_after(session, int(mark))
    stats = FusionStats(dirty_documents=len(dirty))
    if not dirty:
        _finish(session)
        return stats
    seeds = fx.mentions_of_documents(session, dirty)
    pool = _Pool(with_context=len(seeds) <= CONTEXT_MAX_NEW_MENTIONS)
    pool.ranked.update((r[1], r) for r in seeds)
    pool.events |= fx.events_of_documents(session, dirty)
    members = fx.members_of_events(session, pool.events)
    old = fx.events_of_mentions(session, members | pool.ranked.keys())
    pool.ranked.update((r[1], r) for r in fx.mentions_by_id(session, members - pool.ranked.keys()))
    to_look = seed_ids = {r[1] for r in seeds}
    grown: set[int] = set()
    stories: dict[str, str] = {}
    result, fused_at = None, None
    while True:
        stats.rounds += 1
        _grow(session, pool, to_look, stories, old, grown)
        if result is not None and pool.size() == fused_at:
            break  # the same mentions fuse the same way: the last round's events stand
        fused_at = pool.size()
        result, joined = _fuse(pool.ranked, stories, pool)
        sizes = Counter(old.values())
        changed = [(c, ev) for c, ev in result if _changed(c, ev, old, sizes)]
        grown = {mid for c, ev in changed if _only_grew(c, ev, old, sizes, seed_ids) for mid in c} - pool.looked
        to_look = {mid for c, _ev in changed for mid in c if mid not in pool.looked} - grown
        if joined:  # a mention joined an event read as context: that event is decided again
            _promote(pool, joined, old)
            continue
        if not (to_look or grown) or stats.rounds >= max_rounds:
            break
    events = [ev for _c, ev in result]
    stats.changes = fx.replace_events(session, sorted(pool.events), events)
    _write_index(session, pool.ranked, stories, result, {r[1] for r in seeds}, forget=dirty,
                 registered_of=lambda mid: pool.cells_of(mid, stories).registered)
    _finish(session)
    kept_context.carry(pool.kept)  # only a run that got here hands its context on
    stats.events_touched, stats.mentions_fused = len(pool.events), len(pool.ranked)
    return stats


def _grow(session: Session, pool: _Pool, to_look: set[int], stories: dict[str, str],
          old: dict[int, str | None], grown: set[int] = frozenset()) -> None:
    """Add to the pool every stored mention the ``to_look`` mentions reach, with their events' members;
    the events only their references back reach are read as context (``_context``).  Of what the
    ``grown`` mentions reach, only the mentions that weigh a whole event (``_weighs_events``)."""
    _stories(session, pool, stories)
    reach: set[int] = set()
    named: set[int] = set()
    for mid in to_look:
        c = pool.cells_of(mid, stories)
        reach.update(cell_key(x) for x in (c.reached - c.referred if pool.with_context else c.reached))
        if pool.with_context and c.referred:
            named |= _named_by(session, pool.ranked[mid][2], c, pool.in_cells)
    pool.looked |= to_look | grown
    found = pool.in_cells(session, reach) - pool.ranked.keys()
    found |= _weighing(session, pool, grown, stories, reach) - found
    found_events = fx.events_of_mentions(session, found)
    new_events = {e for e in found_events.values() if e} - pool.events
    pool.events |= new_events
    for e in new_events:
        for mid in pool.context.pop(e, ()):
            pool.context_ranked.pop(mid, None)
    members = fx.members_of_events(session, new_events)
    old.update(fx.events_of_mentions(session, members))
    old.update(found_events)
    wanted = (members | found) - pool.ranked.keys()
    pool.ranked.update((r[1], r) for r in fx.mentions_by_id(session, wanted))
    _stories(session, pool, stories)
    _context(session, pool, _around(pool, stories), named)
    _stories(session, pool, stories)


def _weighing(session: Session, pool: _Pool, grown: set[int], stories: dict[str, str], known: set[int]) -> set[int]:
    """The stored mentions outside the pool that the ``grown`` mentions reach and that weigh whole events.

    ``grown``: the members of stored events that only gained new mentions.  A mention that meets a
    new one directly is found through the new one's own cells; what else can decide otherwise is
    what weighs an event as a whole: a loose mention joins the event of its place with the most
    documents, a landmark matches the event's finest-dated members (``Clusterer._anchors``).  A dated,
    placed mention's own choices look at an event only through the members it meets, so the rest
    of what the old members reach is left as it was (it made the stored event, and it is unchanged).
    """
    if not grown:
        return set()
    reach = {cell_key(x) for mid in grown for x in pool.cells_of(mid, stories).reached} - known
    ids = pool.in_cells(session, reach) - pool.ranked.keys()
    read = {mid: pool.context_ranked[mid] for mid in ids if mid in pool.context_ranked}
    read.update((r[1], r) for r in fx.mentions_by_id(session, ids - read.keys()))
    return {mid for mid, r in read.items() if _weighs_events(r[2])}


def _weighs_events(m: Mention) -> bool:
    return m.landmark or not anchorable(m)


def _only_grew(cluster: list[int], ev: Event, old: dict[int, str | None], sizes: Counter, new: set[int]) -> bool:
    """True when the cluster is one stored event, under its id, with only new mentions added."""
    kept = [mid for mid in cluster if mid not in new]
    return bool(kept) and len(kept) == sizes[ev.id] and all(old.get(mid) == ev.id for mid in kept)


def _around(pool: _Pool, stories: dict[str, str]) -> set[int]:
    """The cells reached by the pool's mentions that were not looked up themselves (members of the
    events the looked-up ones met, mentions promoted from context).

    Such a mention is decided again, and some of its decisions weigh every event it could meet, not
    only the one it chooses: a reference back counts the words common to all its candidates
    (``cluster._common_words``).  Were the events it could meet missing, it could decide otherwise
    than a full run, its event would look changed, and its own lookups would pull in the events of
    another 90 days, and so on back through the database.  Read as context they are only candidates:
    not decided again, not rewritten, and not looked up in turn.
    """
    out: set[int] = set()
    todo = [mid for mid in pool.ranked.keys() - pool.looked - pool.seen]
    for mid in todo:
        out.update(cell_key(x) for x in pool.cells_of(mid, stories).reached)
    pool.seen.update(todo)
    return out


def _named_by(session: Session, m: Mention, c: Cells, read: Callable[[Session, set[int]], set[int]]) -> set[int]:
    """The stored mentions in ``m``'s referred cells whose events can weigh in its choice as a reference
    back (``blocks.naming``): only their events are read as context.

    The referred cells hold every event of its family and country in the 90 days before (883 events
    behind five new articles in the bench's 10k database); one whose members share no reference word
    with it and (for a mention dated by its article) stand at no compatible place gives it no common
    word and no fit (``cluster._fits``), so leaving it out changes no decision: only the time taken.
    ``read`` looks cells up (``_Pool.in_cells``: each cell read once a run).
    """
    n = naming(m)
    out = read(session, {cell_key(x) for x in n.words})
    if n.places is None:
        return out | read(session, {cell_key(x) for x in c.referred})
    if n.places:
        out |= read(session, {cell_key(x) for x in n.places}) & read(session, {cell_key(x) for x in c.referred})
    return out


def _context(session: Session, pool: _Pool, cells_: set[int], named: set[int] = frozenset()) -> None:
    """Read the events registered in ``cells_``, and those of the ``named`` mentions, that are not being
    decided again: a reference back may join one (then it is promoted, ``_promote``), but their own
    members stay as they are."""
    found = (pool.in_cells(session, cells_) | named) - pool.ranked.keys() - pool.context_ranked.keys()
    events = {e for e in fx.events_of_mentions(session, found).values() if e} - pool.events - pool.context.keys()
    members = fx.members_by_event(session, events)
    pool.context.update(members)
    ids = {mid for mids in members.values() for mid in mids}
    pool.context_ranked.update((r[1], r) for r in fx.mentions_by_id(session, ids))


def _promote(pool: _Pool, events: list[str], old: dict[int, str | None]) -> None:
    """Context events a mention joined become part of the pool: decided again with it, and rewritten."""
    for e in events:
        for mid in pool.context.pop(e):
            pool.ranked[mid] = pool.context_ranked.pop(mid)
            old[mid] = e
        pool.events.add(e)


def _stories(session: Session, pool: _Pool, stories: dict[str, str]) -> None:
    docs = {r[3] for r in pool.ranked.values()} | {r[3] for r in pool.context_ranked.values()}
    stories.update(fx.stories_of(session, docs - stories.keys()))


def _changed(cluster: list[int], ev: Event, old: dict[int, str | None], sizes: Counter) -> bool:
    """True when the cluster is not exactly a stored event (same id, same members)."""
    return sizes[ev.id] != len(cluster) or any(old.get(mid) != ev.id for mid in cluster)


def _fuse(ranked: dict[int, fx.Ranked], stories: dict[str, str],
          pool: _Pool | None = None) -> tuple[list[tuple[list[int], Event]], list[str]]:
    """``fuse_in_context`` over the mentions, the pool's context events read only; clusters given as
    mention ids, and the context events a mention joined."""
    by_object = {id(r[2]): mid for mid, r in ranked.items()}
    names = list(pool.context) if pool is not None else []
    context = [[(r[0], r[2]) for mid in pool.context[e] if (r := pool.context_ranked.get(mid)) is not None]
               for e in names]
    out, joined = fuse_in_context([(r[0], r[2]) for r in ranked.values()], stories, context,
                                  pool.cells if pool is not None else None,
                                  pool.registered if pool is not None else None,
                                  pool.kept if pool is not None else None)
    return [([by_object[id(m)] for m in c], ev) for c, ev in out], [names[i] for i in joined]


def _write_index(session: Session, ranked: dict[int, fx.Ranked], stories: dict[str, str],
                 result: list[tuple[list[int], Event]], register: set[int] | object, forget,
                 registered_of: Callable[[int], frozenset[str]] | None = None) -> None:
    """Members of every fused mention (None for a landmark naming no event); cells of ``register``, as
    ``registered_of`` gives them (the pool's cells, worked out for the clustering: each seed's cells were
    worked out again here, reached cells and all), by default ``blocks.registered``."""
    event_of = {mid: ev.id for c, ev in result for mid in c}
    fx.set_members(session, {mid: (event_of.get(mid), r[3]) for mid, r in ranked.items()}, forget)
    if registered_of is None:
        def registered_of(mid: int) -> frozenset[str]:
            return registered(ranked[mid][2], stories[ranked[mid][3]])
    fx.add_cells(session, ((cell_key(c), mid) for mid in register for c in registered_of(mid)))
    fx.clear_dirty(session)


def _finish(session: Session) -> None:
    repo.set_meta(session, WATERMARK, str(fx.max_mention_id(session)))
