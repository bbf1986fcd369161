"""What clustering asks of a cluster again and again (``cluster.Clusterer``), kept per size of the cluster."""
from __future__ import annotations

from datetime import date, timedelta

from eventwire.fuse.blocks import anchorable as _anchorable, soft as _soft
from eventwire.fuse.match import DAY_WINDOW, family, places_compatible, subtypes_compatible
from eventwire.fuse.reference_fit import kin_words
from eventwire.model import DateSpan, Mention, Place


def span(ms: list[Mention]) -> tuple | None:
    """(earliest start, earliest end, latest end) of dated mentions, None for none."""
    if not ms:
        return None
    return min(o.date.start for o in ms), min(o.date.end for o in ms), max(o.date.end for o in ms)


def may_be_compatible(d: DateSpan, span: tuple | None) -> bool:
    """False when no date in ``span`` can be ``dates_compatible`` with ``d`` (a cheap bound, ``reach``'s)."""
    if span is None:
        return False
    first, last = reach(d)
    return span[2] >= first and span[0] <= last


# ``may_be_compatible``'s reach either side of a date
_DAYS = timedelta(days=DAY_WINDOW)


def reach(d: DateSpan) -> tuple[date, date]:
    """(first, last): a span may hold a date ``dates_compatible`` with ``d`` only when ``span[2] >= first``
    and ``span[0] <= last`` (``may_be_compatible``).  Worked out once for a mention that tests many spans
    (``Clusterer._best_match``, ~270k a batch, 80% of them failing).  Next to ``date.min`` or ``date.max``
    the bound is that limit, which every date passes: no date lies more than DAY_WINDOW days beyond it."""
    try:
        first = d.start - _DAYS
    except OverflowError:
        first = date.min
    try:
        last = d.end + _DAYS
    except OverflowError:
        last = date.max
    return first, last


class Summary:
    """What matching asks of a cluster again and again, computed once per size of the cluster.

    Fusion compares every new mention with every event in its blocks; without
    this the same members were filtered for each comparison.  Clusters only
    grow (append, extend), and whatever changes which members are references
    back also adds members, so the cluster's length tells when a summary is stale.
    """

    __slots__ = ("cluster", "size", "dated", "dated_span", "anchors", "anchor_span", "kinds", "words", "places",
                 "whole")

    def __init__(self, cluster: list[Mention]) -> None:
        self.cluster, self.size = cluster, len(cluster)
        self.dated = [o for o in cluster if _anchorable(o) and not _soft(o)]
        self.dated_span = span(self.dated)
        self.anchors: list[Mention] | None = None  # filled by _anchors, which knows the references back
        self.anchor_span: tuple | None = None
        self.kinds: dict[tuple[str, str], list[Mention]] = {}  # (family, subtype) -> ``dated`` of them
        self.words: dict[tuple[str, str], frozenset[str]] = {}  # (family, subtype) -> ``kin_words`` of them
        self.places: dict[object, bool] = {}  # a place's key -> ``near`` it
        self.whole: dict[tuple[str, str], tuple[list[Mention], frozenset[str]]] = {}  # see ``kin_whole``

    def dated_kin(self, fam: str, sub: str) -> list[Mention]:
        """``dated`` members of the family ``fam`` whose subtype is compatible with ``sub``, in order."""
        out = self.kinds.get((fam, sub))
        if out is None:
            out = self.kinds[(fam, sub)] = [o for o in self.dated if family(o.event_type, o.sub_event_type) == fam
                                            and subtypes_compatible(o.sub_event_type, sub)]
        return out

    def kin_words(self, fam: str, sub: str) -> frozenset[str]:
        """``reference_fit.kin_words`` of ``dated_kin(fam, sub)``, kept: every reference that can name
        all of them reads the same words."""
        out = self.words.get((fam, sub))
        if out is None:
            out = self.words[(fam, sub)] = kin_words(self.dated_kin(fam, sub))
        return out

    def kin_whole(self, key: tuple[str, str]) -> tuple[list[Mention], frozenset[str]]:
        """(``dated_kin``, ``kin_words``) of ``key`` = (family, subtype), kept in ``whole``: one lookup a
        cluster where fusion asks for both."""
        out = self.whole.get(key)
        if out is None:
            out = self.whole[key] = (self.dated_kin(*key), self.kin_words(*key))
        return out

    def near(self, key: object, place: Place | None) -> bool:
        """Whether a ``dated`` member is at a place ``places_compatible`` with ``place``, kept by ``key``, which
        stands for what that reads of ``place`` (``references.ReferenceFits._place_key``): the kin of any
        reference are among the dated members (``dated_kin``), so when none is, none of its kin is."""
        out = self.places.get(key)
        if out is None:
            out = self.places[key] = any(places_compatible(place, o.place) for o in self.dated)
        return out
