"""How a reference back weighs the clusters it could name (part of ``cluster.Clusterer``).

For each cluster: the members the reference could name (its *kin*) and their words, the words common to
many of the clusters, and the fit (``reference_fit.background_fit``).  Kept apart from the clustering's
order of decisions so each file has one job.

Most of a batch's references weigh ~100 clusters and fit none (1,000 documents into the 23k --scale
database: ~925k (reference, cluster) pairs in a batch, ~13k fits).  A fit comes from reference words the
kin share, unless those words are common, or from kin at a compatible place.  So ``_kins`` reads, per
reference word, only the clusters registered in that word's cells, and beyond them only those of the place
cells with a dated member at a compatible place (545k kins worked out a batch -> 21k); see there.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta

from eventwire.fuse.blocks import naming_places, naming_prefixes, soft as _soft
from eventwire.fuse.match import BACKGROUND_WINDOW_DAYS, COMMON_REFERENCE_EVENTS, dates_compatible, family, \
    reference_words
from eventwire.fuse.reference_fit import background_fit as _background_fit, common_words as _common_words, \
    kin_words as _kin_words, own_side as _own_side
from eventwire.fuse.summary import Summary as _Summary, may_be_compatible as _may_be_compatible
from eventwire.model import Mention, Place


_NO_KIN: list[Mention] = []  # no member to name (read only, as every kin)
_NO_WORDS: frozenset[str] = frozenset()


class ReferenceFits:
    """Mixin of ``Clusterer``: ``_kins``, ``_fits``, ``_naming_and_places``.  Uses the clusterer's ``_summaries``,
    ``_summary``, ``_context``, ``_upto``, ``_ranks``, ``_rank``, ``_registry`` and ``_ctx_registry``."""

    def _kins(self, m: Mention, near: dict[int, list[Mention]], weigh: set[int] | None,
              words: frozenset[str] | None = None, placed: set[int] | None = None,
              cells: dict[str, list[dict]] | None = None,
              ) -> tuple[dict[int, tuple[list[Mention], frozenset[str]]], frozenset[str]]:
        """Of the clusters ``near`` (by id), each one's members a reference back from ``m`` could name (its
        *kin*: own-dated, same family, in its window; none in a cluster not in ``weigh``, None: all weigh)
        with their ``kin_words``, by cluster id, only for the clusters with kin (~2% of those met: a cluster
        left out has no kin, and no words); and the reference words common to the clusters
        (``common_words``).  A kin that is all of the event's ``dated_kin`` takes its words kept on the summary.

        ``words``: the mention's reference words (None: every cluster is read).  Given them, only the
        clusters that can fit are read (the bench's references met ~100 clusters each, ~1.5 fit):

        * a word is common when the kin of ``COMMON_REFERENCE_EVENTS`` clusters hold it.  Only a cluster
          registered in a cell of that word in the window (``cells``: ``_naming_and_places``) can hold it
          (every own-dated, placed mention registers its telling words in the weeks of its dates,
          ``blocks.naming``), so those are read until the count is reached;
        * a fit by words needs a word that is not common (``shared_reference`` counts none of them): the
          clusters registered in the cells of the words that are not common are read (every one of them
          was read while counting);
        * the others can fit only for a mention dated by its article, by its content words, through kin
          at a compatible place (``background_fit``'s ``placed``), so only a cluster with a member in the
          place cells of ``blocks.naming`` (``placed``: those clusters; None: any may) and a dated member
          at a compatible place (``Summary.near``) is read.

        The clusters left unread are given no kin: no fit, as reading them gave, and no count for a
        common word beyond the ``COMMON_REFERENCE_EVENTS`` that make it common."""
        if m.date is None:
            return {}, frozenset()
        kin_of = self._kin_reader(m)
        out: dict[int, tuple[list[Mention], frozenset[str]]] = {}
        if words is None:
            for k, c in near.items():
                if weigh is None or k in weigh:
                    got = kin_of(c, False)
                    if got[0]:
                        out[k] = got
            return out, _common_words(m, [theirs for _kin, theirs in out.values()])
        if cells is None:
            cells = self._word_cells(m)
        known: dict[int, tuple[list[Mention], frozenset[str]]] = {}
        common: set[str] = set()
        read: set[int] = set()
        for w in words:
            seen: set[int] = set()
            n = 0
            for cell in cells.get(w, ()):
                for k in cell:  # no set made of the cell's keys (a cell of a common word holds many)
                    if k in seen or k not in near or weigh is not None and k not in weigh:
                        continue
                    seen.add(k)
                    got = known.get(k) or known.setdefault(k, kin_of(near[k], False))
                    if w in got[1]:
                        n += 1
                        if n == COMMON_REFERENCE_EVENTS:
                            break
                if n == COMMON_REFERENCE_EVENTS:
                    common.add(w)
                    break
            else:
                read |= seen
        for k in read:
            if (got := known[k])[0]:
                out[k] = got
        if _soft(m):  # the clusters of a compatible place, of those met (``placed``: None, any of them)
            for k in near if placed is None or len(near) <= len(placed) else placed:
                if k in read or k not in near or placed is not None and k not in placed \
                        or weigh is not None and k not in weigh:
                    continue
                got = kin_of(near[k], True)
                if got[0]:
                    out[k] = got
        return out, frozenset(common)

    def _kin_reader(self, m: Mention):
        """A function (cluster, near) -> (kin of ``m`` in it, their ``kin_words``), the mention's side
        worked out once; ``near``: none when no dated member stands at a place compatible with ``m``'s
        (``Summary.near``)."""
        fs = (family(m.event_type, m.sub_event_type), m.sub_event_type)  # the kin's key in each Summary
        d, soft_, upto, contexts, summaries = m.date, _soft(m), self._upto, self._context, self._summaries
        start = d.start
        first = start - timedelta(days=BACKGROUND_WINDOW_DAYS)  # a soft mention's window: ends from first to start
        where, place = self._place_key(m.place), m.place

        def meets(s: _Summary, near: bool) -> bool:
            """False when no member of ``s`` can be kin (by the span of its dated members; for ``near``,
            none of them at a compatible place)."""
            span_ = s.dated_span
            if soft_:
                return span_ is not None and span_[1] <= start and span_[2] >= first \
                    and (not near or s.near(where, place))
            return _may_be_compatible(d, span_)

        def kin_of(c: list[Mention], near: bool) -> tuple[list[Mention], frozenset[str]]:
            k = id(c)
            s = summaries.get(k)
            if s is None or s.cluster is not c or s.size != len(c):
                s = self._summary(c)
            # the whole cluster first: its dated members hold those of any earlier state (``_summary_upto``),
            # so when none of them can be kin, none of those can (94% of the clusters read have no kin)
            if not meets(s, near):
                return _NO_KIN, _NO_WORDS
            if upto is not None and (ctx := contexts.get(k)) is not None and ctx[2] is not None and ctx[2] > upto:
                # a stored event read as context, in the anchored pass: as it stood when this mention came
                s = self._summary_upto(c)
                if not meets(s, near):
                    return _NO_KIN, _NO_WORDS
            span_ = s.dated_span
            full, theirs = s.kin_whole(fs)
            if soft_:
                if span_[2] <= start and span_[1] >= first:  # all end in the window
                    return full, theirs
                kin = [o for o in full if first <= o.date.end <= start]
            else:
                kin = [o for o in full if dates_compatible(d, o.date)]
            return kin, theirs if len(kin) == len(full) else _kin_words(kin) if kin else _NO_WORDS
        return kin_of

    def _place_key(self, p: Place | None) -> object:
        """An object standing for what ``places_compatible`` reads of ``p`` (``Summary.near``), the same
        object for equal places within this clustering."""
        k = None if p is None else (p.lat, p.lon, p.country, p.admin1, p.precision)
        return self._place_keys.get(k) or self._place_keys.setdefault(k, object())

    def _summary_upto(self, cluster: list[Mention]) -> _Summary:
        """The members ranked before ``_upto`` (a context event as it stood then), kept while they stay."""
        ranks = self._ranks.get(id(cluster))
        if ranks is None or ranks[0] is not cluster or ranks[1] != len(cluster):
            ranks = self._ranks[id(cluster)] = (cluster, len(cluster), sorted(self._rank[id(o)] for o in cluster), {})
        k = bisect_left(ranks[2], self._upto)
        s = ranks[3].get(k)
        if s is None:
            s = ranks[3][k] = _Summary([o for o in cluster if self._rank[id(o)] < self._upto])
        return s

    def _fits(self, m: Mention, near: dict[int, list[Mention]], weigh: set[int] | None,
              placed: set[int] | None = None, cells: dict[str, list[dict]] | None = None) -> dict[int, float]:
        """``_background_fit`` of the mention against each cluster of ``near`` (by id) it fits at all (0.0
        for the others, left out), its common words counted over them all; a cluster that cannot weigh (not
        in ``weigh``, ``_naming_and_places``: no member it could name shares a reference word with it or
        stands at a compatible place) gives no common word and no fit, so its kin is left empty.
        ``placed``, ``cells``: from ``_naming_and_places`` (see ``_kins``)."""
        side = _own_side(m)  # the mention's side of every comparison, once (reference_fit.Side)
        kins, common = self._kins(m, near, weigh, side.words, placed, cells)
        return {k: fit for k, (kin, w) in kins.items() if (fit := _background_fit(m, kin, common, w, side))}

    def _naming_and_places(self, m: Mention) -> tuple[set[int] | None, set[int] | None, dict[str, list[dict]]]:
        """The clusters with a member in the cells of ``blocks.naming(m)`` (by which incremental fusion reads
        context), those that can weigh in its choice (None: all can; the bench's references compared ~350
        events each, most sharing no word with them); of those the clusters with a member in the place cells of ``blocks.naming(m)``
        (None: a compatible place may be anywhere), the only ones that may hold kin of a compatible
        place when ``m`` is dated by its article; and the cells of its words (``_word_cells``), as they
        stand (``_kins``)."""
        if m.date is None:
            return set(), set(), {}
        cells = self._word_cells(m)
        places = naming_places(m)
        if places is None:
            return None, None, cells
        out: set[int] = set()
        out.update(*(cell for at in cells.values() for cell in at))  # one call: the loop over the cells in C
        placed: set[int] = set()
        placed.update(*(registry[cell] for registry in (self._registry, self._ctx_registry)
                        for cell in registry.keys() & places))
        out |= placed
        return out, placed, cells

    def _word_cells(self, m: Mention) -> dict[str, list[dict]]:
        """Each reference word of ``m`` -> the cells of ``blocks.naming(m).words`` for it that hold a
        cluster, in both registries (cell: cluster id -> cluster): where every cluster whose kin may hold
        the word is registered.  Each cell is looked up by its word and week (``naming_prefixes``), so no
        set of the cells is made and no cell is split to find its word again (session 18); the order of
        the cells of a word is no matter (``_kins`` counts and reads them all alike)."""
        own = reference_words(m)
        out: dict[str, list[dict]] = {}
        if not own:
            return out
        registry, ctx_registry = self._registry, self._ctx_registry
        for pre in naming_prefixes(m):
            for w in own:
                cell = pre + w
                at = registry.get(cell)
                if at is not None:
                    out.setdefault(w, []).append(at)
                at = ctx_registry.get(cell)
                if at is not None:
                    out.setdefault(w, []).append(at)
        return out
