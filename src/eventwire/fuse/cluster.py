"""Mentions → clusters of mentions, one per real-world happening (``build_event`` makes the events).

Mentions are taken in ingestion order and joined to the first compatible
cluster (see match.py); that order also anchors event ids, so re-running over
the same database, or adding documents later, keeps existing ids.
Undated mentions (undated copies, unresolved "Tuesday") join the one event
of their story or place that fits; otherwise they stay as context.

``Clusterer`` holds the per-cluster summaries of one run on the instance, so
two runs (or two threads) never share them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.fuse.match import (
    BACKGROUND_MIN_OVERLAP,
    TOWN_PRECISIONS,
    anchors_to_match,
    dates_compatible,
    family,
    match_score,
    place_named,
    places_compatible,
    subtypes_compatible,
)
from eventwire.fuse.blocks import ANCHOR_PRECISIONS, Cells, cells
from eventwire.fuse.context_clusters import ContextClusters
from eventwire.fuse.kept_context import KeptContext
from eventwire.fuse.references import ReferenceFits
from eventwire.fuse.blocks import anchorable as _anchorable, soft as _soft
from eventwire.fuse.summary import Summary as _Summary, reach as _reach, span as _span
from eventwire.model import Mention

DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# clusters are numbered (pass, rank, count): every cluster the loose pass makes sorts from here on
LOOSE = (1,)

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _joins(m: Mention, cluster: list[Mention], story: str, stories: dict[str, str]) -> tuple[bool, bool]:
    """(fits at all, fits through its own story) for a mention lacking a date or a precise place."""
    fam = family(m.event_type, m.sub_event_type)
    kin = [o for o in cluster if family(o.event_type, o.sub_event_type) == fam
           and subtypes_compatible(o.sub_event_type, m.sub_event_type)
           and (m.date is None or o.date is None or dates_compatible(m.date, o.date))]
    if not kin:
        return False, False
    precise = m.place is not None and m.place.precision in ANCHOR_PRECISIONS
    if precise and not any(places_compatible(m.place, o.place) for o in kin):
        return False, False
    same_story = any(stories.get(o.document, o.document) == story for o in kin)
    # undated because it names an older year, a mention is history told in passing ("whose director
    # was assassinated in 1986"): by place alone it would join whatever that town saw most recently
    history = m.date is None and _YEAR.search(m.evidence.sentence) is not None
    by_place = precise and m.place.precision in TOWN_PRECISIONS and not history
    return (same_story or by_place), same_story


class Clusterer(ContextClusters, ReferenceFits):
    """One clustering run; its summaries hold each cluster they describe, so no ``id`` is reused meanwhile."""

    def __init__(self, stories: dict[str, str], known_cells: dict[int, tuple[Mention, Cells]] | None = None,
                 known_registered: dict[int, tuple[Mention, frozenset[str]]] | None = None,
                 kept: KeptContext | None = None) -> None:
        self.stories = stories
        self.referring: set[int] = set()  # joined as references back: their own dates say nothing about the event
        self._summaries: dict[int, _Summary] = {}
        # see ``_place_key``; a kept context's, whose kept summaries hold answers by these keys
        self._place_keys: dict[tuple | None, object] = {} if kept is None else kept.place_keys
        # per mention (by id, with the mention: an id is reused once its object is gone); a caller
        # fusing the same mentions again (fuse/incremental.py, round after round) passes its own
        self._cells: dict[int, tuple[Mention, Cells]] = {} if known_cells is None else known_cells
        # a context member's registered cells alone (``_registered_of``), kept the same way
        self._registered: dict[int, tuple[Mention, frozenset[str]]] = {} if known_registered is None \
            else known_registered
        self._registry: dict[str, dict[int, list[Mention]]] = {}  # cell -> clusters with a member there
        # the same for the context clusters, which only a reference back may name: the other lookups
        # (a match, a loose mention's place) leave them out without meeting them (the bench's mentions
        # met ~10x more context clusters than clusters being decided)
        self._ctx_registry: dict[str, dict[int, list[Mention]]] = {}
        # cluster (by id) -> (pass, rank of the mention that made it, creation number): the order of
        # every cluster list, which is the order they were made in (each pass takes mentions by rank)
        self._number: dict[int, tuple] = {}
        self._dead: set[int] = set()  # clusters folded into others
        self._rank: dict[int, object] = {}  # mention (by id) -> its rank
        self._phase = 0  # 0: the anchored pass; 1: the loose pass
        # context cluster (by id) -> (index, size given, rank of its last anchorable member, the cluster)
        self._context: dict[int, tuple[int, int, object, list[Mention]]] = {}
        self._upto: object | None = None  # in the anchored pass: the rank of the mention being placed
        # context cluster (by id) -> (the cluster, its size, its members' ranks sorted, summaries by how many
        # of them come before ``_upto``): see ``_summary_upto``
        self._ranks: dict[int, tuple[list[Mention], int, list, dict[int, _Summary]]] = {}
        # the context clusters of an earlier clustering of the same mentions (fuse/incremental.py), taken
        # as they are when their members are the same (see kept_context.py)
        self._kept = kept

    def _cells_of(self, m: Mention) -> Cells:
        c = self._cells.get(id(m))
        if c is None or c[0] is not m:
            c = self._cells[id(m)] = (m, cells(m, self.stories.get(m.document, m.document)))
        return c[1]

    def _new(self, m: Mention) -> list[Mention]:
        c: list[Mention] = []
        self._number[id(c)] = (self._phase, self._rank[id(m)], len(self._number))
        self._join(c, [m])
        return c

    def _join(self, cluster: list[Mention], ms: Sequence[Mention]) -> None:
        cluster.extend(ms)
        registry = self._ctx_registry if id(cluster) in self._context else self._registry
        for m in ms:
            for cell in self._cells_of(m).registered:
                registry.setdefault(cell, {})[id(cluster)] = cluster

    def _fold(self, cluster: list[Mention], into: list[Mention]) -> None:
        self._join(into, cluster)
        self._dead.add(id(cluster))

    def _near(self, ms: Sequence[Mention], lo: tuple | None = None, hi: tuple | None = None,
              exclude: list[Mention] | None = None, context: bool = False,
              only: set[int] | None = None, ordered: bool = True) -> list[list[Mention]]:
        """The live clusters numbered lo..hi-1 that ``ms`` can meet (``blocks``), in creation order;
        context clusters only with ``context`` (only a reference back may name one); of ``only``
        (cluster ids) when given.  ``ordered=False``: in no particular order, for a caller that
        breaks its ties by ``_number`` itself (sorting took ~5% of a batch's fusion, session 12).

        Every comparison in this class returns "no" for the clusters left out, so
        restricting to these changes no decision, only the time taken.
        """
        found = self._near_by_id(ms, lo, hi, exclude, context, only)
        if not ordered:
            return list(found.values())
        return [found[k] for k in sorted(found, key=self._number.__getitem__)]  # numbers are unique: creation order

    def _near_by_id(self, ms: Sequence[Mention], lo: tuple | None, hi: tuple | None, exclude: list[Mention] | None,
                    context: bool, only: set[int] | None, whole: set[int] = frozenset()) -> dict[int, list[Mention]]:
        """``_near``'s clusters by id, in no particular order.  ``whole``: the ids of registry cells (their
        dicts) whose clusters are all in ``only`` (a reference's naming word cells, ``_named_target``): taken
        whole, and the other cells cut down to what is still wanted (session 17: 22% less time here)."""
        found: dict[int, list[Mention]] = {}
        registries = (self._registry, self._ctx_registry) if context else (self._registry,)
        others = []
        for m in ms:
            reached = self._cells_of(m).reached
            for registry in registries:
                # only the cells with a cluster: 85% of the ~2.6M cells a batch's mentions reach hold none
                for cell in registry.keys() & reached:
                    at = registry[cell]
                    if only is None or id(at) in whole:
                        found.update(at)
                    else:
                        others.append(at)
        if others:  # a reference met ~10x more clusters than weigh (``_named_target``): only those
            rest = only - found.keys()
            for at in others:
                if not rest:
                    break
                got = at.keys() & rest
                if got:
                    rest -= got
                    for k in got:
                        found[k] = at[k]
        num, dead, ctx, skip = self._number, self._dead, self._context, id(exclude)
        if not dead and exclude is None and lo is None and hi is None:
            # nothing to leave out (the anchored pass, ~1.1M clusters a batch): a context cluster is only in
            # ``_ctx_registry`` (``_join``, ``_built``), so without ``context`` none was found
            return found
        return {k: c for k, c in found.items() if k not in dead and k != skip and (context or k not in ctx)
                and (lo is None or lo <= num[k]) and (hi is None or num[k] < hi)}

    def _summary(self, cluster: list[Mention]) -> _Summary:
        s = self._summaries.get(id(cluster))
        if s is None or s.cluster is not cluster or s.size != len(cluster):
            s = self._summaries[id(cluster)] = _Summary(cluster)
        return s

    def _named_target(self, ms: Sequence[Mention], lo: tuple | None = None, hi: tuple | None = None,
                      exclude: list[Mention] | None = None) -> list[Mention] | None:
        """The cluster (numbered lo..hi-1) any of ``ms`` fits best as a reference back (see
        _background_fit), the earliest on a tie; None when none fits."""
        weighs, places, cells = zip(*(self._naming_and_places(m) for m in ms))
        # a cluster in none of the mentions' ``_naming_and_places`` gives every one of them no fit and no common
        # word: left out before sorting (the bench's references met ~10x more clusters than weigh)
        only = None if any(w is None for w in weighs) else weighs[0] if len(weighs) == 1 else set().union(*weighs)
        # every cluster of a naming word cell weighs: such a cell the mentions reach is taken whole
        whole = set() if only is None else {id(d) for at in cells for ds in at.values() for d in ds}
        near = self._near_by_id(ms, lo, hi, exclude, True, only, whole)
        # each cluster's best fit over the mentions; a cluster missing from every ``_fits`` fits none of them
        # (0.0), and no fit below BACKGROUND_MIN_OVERLAP is chosen (~2% of the clusters met fit at all)
        fits: dict[int, float] = {}
        for m, w, p, at in zip(ms, weighs, places, cells):
            for k, fit in self._fits(m, near, w, p, at).items():
                if fit > fits.get(k, 0.0):
                    fits[k] = fit
        best, best_fit = None, BACKGROUND_MIN_OVERLAP
        num = self._number
        for k, fit in fits.items():  # the best fit, the first made on a tie (numbers are unique)
            if fit > best_fit or fit == best_fit and (best is None or num[k] < num[best]):
                best, best_fit = k, fit
        return None if best is None else near[best]

    def _anchors(self, cluster: list[Mention]) -> list[Mention]:
        """The members a new mention is matched against: those dated most precisely.

        A member dated only to its month ("the offensive in November") fits any day
        of that month; were it matched against, one vague mention would let its event
        swallow every later report of that month and place, a day at a time.
        """
        s = self._summary(cluster)
        if s.anchors is None:
            usable = [o for o in cluster if _anchorable(o) and id(o) not in self.referring]
            finest = min((DATE_RANK.get(o.date.precision, 9) for o in usable), default=9)
            s.anchors = [o for o in usable if DATE_RANK.get(o.date.precision, 9) == finest]
            s.anchor_span = _span(s.anchors)
        return s.anchors

    def _best_match(self, m: Mention, hi: tuple | None = None) -> list[Mention] | None:
        """The cluster (numbered below ``hi``) whose anchors ``m`` matches best (the earliest on a tie),
        None when none fits."""
        best, best_score = None, 0
        num, summaries = self._number, self._summaries
        first, last = _reach(m.date)  # ``_may_be_compatible``'s bounds, once
        for k, c in self._near_by_id([m], None, hi, None, False, None).items():  # ties: the first made (numbers unique)
            s = summaries.get(k)  # ``_summary``, looked up here: ~270k clusters met a batch
            if s is None or s.cluster is not c or s.size != len(c):
                s = self._summary(c)
            # once a cluster: ``_anchors`` fills this summary's anchors and their span
            anchors = s.anchors if s.anchors is not None else self._anchors(c)
            span_ = s.anchor_span
            if span_ is None or span_[2] < first or span_[0] > last:  # not ``_may_be_compatible(m.date, span_)``
                continue
            anchors = anchors_to_match(m, anchors)
            score = max((match_score(m, o) for o in anchors), default=0)
            if score > best_score or score == best_score and best is not None and num[k] < num[id(best)]:
                best, best_score = c, score
        return best

    def _merge_references(self, clusters: list[list[Mention]]) -> list[list[Mention]]:
        """Fold an event told only in references into the event they name, whatever came first.

        A report weeks later ("the murder of six journalists", dated by its article)
        may be ingested before the reports that date the murder; then it started an
        event of its own.  An event none of whose mentions has a date of its own, or
        a place named in its own sentence, joins the event its mentions best fit.
        When several independent stories tell the event and some of them give its
        date in their own words ("bombs exploded on 11 November"), only those
        mentions are judged: their sentences dated just by their articles may share
        words with any event of the ``BACKGROUND_WINDOW_DAYS`` before, and bombs in
        one capital are not the bombs in another country ten weeks earlier.  A
        single article's own date may date its report instead ("yesterday she
        testified about the murder"), so there every mention is judged.
        """
        out = list(clusters)
        for c in list(out):
            if any(not _soft(o) and place_named(o) for o in c):
                continue
            judged = c
            if len({self.stories.get(o.document, o.document) for o in c}) > 1:
                judged = [o for o in c if not _soft(o)] or c
            target = self._named_target(judged, exclude=c)
            if target is None:
                continue
            self._fold(c, target)
            self.referring.update(id(m) for m in c)
            out.remove(c)
        return out

    def _fold_placeless(self, loose: list[list[Mention]], anchored: tuple) -> list[list[Mention]]:
        """Fold a loose event with no place into the placed event one of its mentions refers to.

        An article that never names where its event happened (a clandestine radio's
        communiqué on "the massacre of the Jesuit priests Ignacio Ellacuria, ...")
        gathers its mentions into one placeless event of its own story, which can
        never be exported.  When any of those mentions fits an earlier placed event
        (numbered below ``anchored``) as a reference back (``_background_fit``), the
        article tells that event.  The loose events left unfolded are returned.
        """
        kept = []
        for c in loose:
            if any(o.place is not None for o in c):
                kept.append(c)
                continue
            target = self._named_target(c, None, anchored)
            if target is None:
                kept.append(c)
                continue
            self._fold(c, target)
            self.referring.update(id(m) for m in c)
        return kept

    def _by_story_or_place(self, m: Mention, lo: tuple | None, hi: tuple | None) -> list[Mention] | None:
        """The cluster (numbered lo..hi-1) a mention lacking a date or a precise place joins: its own
        story's first, else by place the best-attested one (see ``_joins``)."""
        story = self.stories.get(m.document, m.document)
        verdicts = [(c, *_joins(m, c, story, self.stories)) for c in self._near([m], lo, hi)]
        same_story = [c for c, ok, own in verdicts if ok and own]
        if same_story:
            return same_story[0]
        by_place = sorted((c for c, ok, _own in verdicts if ok), key=lambda c: -len({o.document for o in c}))
        return by_place[0] if by_place else None

    def _landmark_target(self, m: Mention, anchored: tuple) -> list[Mention] | None:
        """The event (numbered below ``anchored``) a landmark mention names, if one fits it as a report
        or a reference would; else None."""
        if _anchorable(m):
            best = self._best_match(m, anchored)
            if best is not None:
                return best
        else:
            story = self.stories.get(m.document, m.document)
            verdicts = [(c, *_joins(m, c, story, self.stories)) for c in self._near([m], None, anchored)]
            fits = [c for c, ok, own in verdicts if ok and own] or [c for c, ok, _own in verdicts if ok]
            if fits:
                return fits[0]
        return self._named_target([m], None, anchored) if m.date is not None else None

    def _anchored_pass(self, ms: list[Mention]) -> list[list[Mention]]:
        """Dated, placed mentions in ingestion order: join the best match, or the event a reference
        back names, or start an event."""
        clusters: list[list[Mention]] = []
        for m in ms:
            best = self._best_match(m)
            if best is not None:
                self._join(best, [m])
                continue
            if _soft(m) or not place_named(m):
                self._upto = self._rank[id(m)]
                target = self._named_target([m])
                self._upto = None
                if target is not None:
                    self._join(target, [m])
                    self.referring.add(id(m))
                    continue
            clusters.append(self._new(m))
        return self._merge_references(clusters)

    def _loose_pass(self, ms: list[Mention], clusters: list[list[Mention]]) -> list[list[Mention]]:
        """Mentions lacking a date or a precise place: dated, placed events first; other loose
        mentions only when none fits; else the event a dated one names; else an event of their own."""
        first_loose = LOOSE  # every later cluster is a loose one
        self._phase = 1
        loose: list[list[Mention]] = []
        for m in ms:
            for lo, hi in ((None, first_loose), (first_loose, None)):
                choice = self._by_story_or_place(m, lo, hi)
                if choice is not None:
                    self._join(choice, [m])
                    break
            else:
                # a dated mention with no place of its own may still name an event reported elsewhere
                target = self._named_target([m], None, first_loose) if m.date is not None else None
                if target is not None:
                    self._join(target, [m])
                else:
                    loose.append(self._new(m))
        return clusters + self._fold_placeless(loose, first_loose)

    def run(self, ranked: Sequence[tuple[int, Mention]],
            context: Sequence[Sequence[tuple[int, Mention]]] = ()) -> list[list[Mention]]:
        """Clusters of ``ranked`` (rank, mention) pairs; each cluster in ingestion order, clusters in
        order of their first report (never a landmark), which anchors the event's id.

        In ingestion order, a dated and placed mention joins the best matching
        event or starts one; a mention dated only by its article's publication may
        instead join an earlier event it plainly refers back to ("the murder of
        six Jesuits" weeks later).  Mentions without a precise place or a date join
        through their story or place afterwards.  Landmark mentions (extract/landmarks.py)
        come last: they join the event they fit, whenever it was reported, and never
        start one, so a document that only dates something by an event adds no event.

        ``context``: stored events (their (rank, mention) members) that only a
        reference back may name, read but not decided again (fuse/incremental.py):
        they are not returned; ``joined_context`` tells which of them a mention joined.
        """
        rank = {id(m): r for r, m in ranked}
        self._rank.update(rank)
        self._add_contexts(context)
        ordered = [m for _r, m in sorted(ranked, key=lambda t: t[0])]
        plain = [m for m in ordered if not m.landmark]
        clusters = self._anchored_pass([m for m in plain if _anchorable(m)])
        anchored = LOOSE
        clusters = self._loose_pass([m for m in plain if not _anchorable(m)], clusters)
        for m in (m for m in ordered if m.landmark):
            target = self._landmark_target(m, anchored)
            if target is not None:
                self._join(target, [m])
        if self._kept is not None:
            self._keep()
        clusters = [sorted(c, key=lambda m: rank[id(m)]) for c in clusters]
        head = {id(c): rank[id(next(m for m in c if not m.landmark))] for c in clusters}
        return sorted(clusters, key=lambda c: head[id(c)])
