"""How a reference back weighs the clusters it could name (part of ``cluster.Clusterer``).

For each cluster: the members the reference could name (its *kin*) and their words, the words common to
many of the clusters, and the fit (``reference_fit.background_fit``).  Kept apart from the clustering's
order of decisions so each file has one job.

Most of a batch's references weigh ~100 clusters and fit none (1,000 documents into the 23k --scale
database: ~925k (reference, cluster) pairs in a batch, ~13k fits).  A fit comes from reference words the
kin share, unless those words are common, or from kin at a compatible place.  So ``_kins`` stops reading
the clusters that could fit only by words as soon as every reference word is known to be common; see there.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta
from collections.abc import Sequence

from eventwire.fuse.blocks import naming, soft as _soft
from eventwire.fuse.match import BACKGROUND_WINDOW_DAYS, COMMON_REFERENCE_EVENTS, dates_compatible, family
from eventwire.fuse.reference_fit import background_fit as _background_fit, common_words as _common_words, \
    kin_words as _kin_words, own_side as _own_side
from eventwire.fuse.summary import Summary as _Summary, may_be_compatible as _may_be_compatible
from eventwire.model import Mention, Place


_NO_KIN: list[Mention] = []  # no member to name (read only, as every kin)
_NO_WORDS: frozenset[str] = frozenset()


class ReferenceFits:
    """Mixin of ``Clusterer``: ``_kins``, ``_fits``, ``_naming``.  Uses the clusterer's ``_summaries``,
    ``_summary``, ``_context``, ``_upto``, ``_ranks``, ``_rank``, ``_registry`` and ``_ctx_registry``."""

    def _kins(self, m: Mention, clusters: Sequence[list[Mention]], weigh: set[int] | None,
              words: frozenset[str] | None = None, placed: set[int] | None = None,
              ) -> tuple[list[list[Mention]], list[frozenset[str]]]:
        """Each cluster's members a reference back from ``m`` could name (its *kin*: own-dated, same
        family, in its window; none in a cluster not in ``weigh``, None: all weigh), and their
        ``kin_words``.  One loop for all clusters, the mention's side worked out once; a kin that is all
        of the event's ``dated_kin`` takes its words kept on the summary (the bench's references asked
        ~100 clusters each, most of them stored events read as context, whose summaries stay).

        ``words``: the mention's reference words, given to stop early (None: every cluster is read).
        Once each of them is among the kin words of ``COMMON_REFERENCE_EVENTS`` clusters read, all are
        common (``common_words``: more clusters only count more), so no fit can come from shared words
        (``shared_reference`` counts none of them): only a mention dated by its article can still fit, by
        its content words, and only a cluster with kin at a compatible place (``background_fit``'s
        ``placed``), which has a member registered in the place cells of ``blocks.naming`` (``placed``:
        those clusters, from ``_naming_and_places``; None: any may).  The other clusters are not read
        from then on: they are given no kin, which gives them no fit and the common words no count;
        nor is a cluster of ``placed`` none of whose dated members is at a compatible place
        (``Summary.near``)."""
        if m.date is None:
            return [[] for _c in clusters], [frozenset() for _c in clusters]
        fam, sub, d, soft_ = family(m.event_type, m.sub_event_type), m.sub_event_type, m.date, _soft(m)
        upto, contexts, summaries, fs = self._upto, self._context, self._summaries, (fam, sub)
        start = d.start
        first = start - timedelta(days=BACKGROUND_WINDOW_DAYS)  # a soft mention's window: ends from first to start
        # reference words -> clusters still to find them in before they are common; None: read every cluster
        left = None if words is None else dict.fromkeys(words, COMMON_REFERENCE_EVENTS)
        where = self._place_key(m.place)
        kins: list[list[Mention]] = []
        out: list[frozenset[str]] = []
        for c in clusters:
            kin, theirs, k = _NO_KIN, _NO_WORDS, id(c)
            # once the words are common (``left`` empty) only a soft mention's clusters of ``placed`` can fit
            if (weigh is None or k in weigh) and (left is None or left or soft_ and (placed is None or k in placed)):
                s = summaries.get(k)
                if s is None or s.cluster is not c or s.size != len(c):
                    s = self._summary(c)
                if upto is not None and (ctx := contexts.get(k)) is not None and ctx[2] is not None and ctx[2] > upto:
                    # a stored event read as context, in the anchored pass: as it stood when this mention came
                    s = self._summary_upto(c)
                span_ = s.dated_span
                if soft_:
                    # and of those only one with a dated member at a compatible place (``Summary.near``)
                    if not (span_ is None or span_[1] > start or span_[2] < first) \
                            and (left or left is None or s.near(where, m.place)):
                        full, theirs = s.whole.get(fs) or s.kin_whole(fam, sub)
                        if not (span_[2] <= start and span_[1] >= first):  # else all end in the window
                            kin = [o for o in full if first <= o.date.end <= start]
                            theirs = theirs if len(kin) == len(full) else _kin_words(kin) if kin else _NO_WORDS
                        else:
                            kin = full
                elif _may_be_compatible(d, span_):
                    full, theirs = s.whole.get(fs) or s.kin_whole(fam, sub)
                    kin = [o for o in full if dates_compatible(d, o.date)]
                    theirs = theirs if len(kin) == len(full) else _kin_words(kin) if kin else _NO_WORDS
            if left and theirs:
                for w in left.keys() & theirs:
                    if left[w] == 1:
                        del left[w]
                    else:
                        left[w] -= 1
            kins.append(kin)
            out.append(theirs)
        return kins, out

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

    def _fits(self, m: Mention, clusters: Sequence[list[Mention]], weigh: set[int] | None,
              placed: set[int] | None = None) -> list[float]:
        """``_background_fit`` of the mention against each cluster, its common words counted over them all;
        a cluster that cannot weigh (not in ``weigh``, its ``_naming``: no member it could name shares a
        reference word with it or stands at a compatible place) gives no common word and no fit, so its
        kin is left empty.  ``placed``: the clusters that may hold kin at a compatible place (``_kins``)."""
        side = _own_side(m)  # the mention's side of every comparison, once (reference_fit.Side)
        kins, words = self._kins(m, clusters, weigh, side.words, placed)
        common = _common_words(m, words, side.words)
        return [_background_fit(m, kin, common, w, side) if kin else 0.0 for kin, w in zip(kins, words)]

    def _naming(self, m: Mention) -> set[int] | None:
        """The clusters with a member in the cells of ``blocks.naming(m)`` (by which incremental fusion
        reads context), those that can weigh in its choice; None: all can.  The bench's references
        compared ~350 events each, most sharing no word with them."""
        return self._naming_and_places(m)[0]

    def _naming_and_places(self, m: Mention) -> tuple[set[int] | None, set[int] | None]:
        """``_naming``, and of those the clusters with a member in the place cells of ``blocks.naming(m)``
        (None: a compatible place may be anywhere), the only ones that may hold kin of a compatible
        place when ``m`` is dated by its article (``_kins``)."""
        if m.date is None:
            return set(), set()
        n = naming(m)
        if n.places is None:
            return None, None
        out: set[int] = set()
        placed: set[int] = set()
        for registry in (self._registry, self._ctx_registry):
            for cell in registry.keys() & n.words:  # only the cells with a cluster, as ``_near``
                out.update(registry[cell])
            for cell in registry.keys() & n.places:
                placed.update(registry[cell])
        return out | placed, placed
