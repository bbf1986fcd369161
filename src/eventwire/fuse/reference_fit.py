"""How well a mention fits an earlier event as a reference back to it (``Clusterer._fits``' arithmetic).

Kept apart from ``cluster`` so that the clustering module holds the order of decisions and this one
the scoring of one reference against the members it could name (``Clusterer._kin``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from eventwire.fuse.blocks import soft as _soft
from eventwire.fuse.match import (
    COMMON_REFERENCE_EVENTS,
    REFERENCE_MIN_SHARED,
    content_overlap,
    place_named,
    places_compatible,
    reference_words,
    shared_reference,
    telling_words,
)
from eventwire.model import Mention


class Kin(list):
    """The members of one event a reference could name (``Clusterer._kin``), kept per event summary
    and shared by every reference of the same type and date; the telling words of their sentences
    are worked out once for all of them (``words``)."""

    __slots__ = ("_words",)

    def __init__(self, members) -> None:
        super().__init__(members)
        self._words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset().union(*(telling_words(o.evidence.sentence) for o in self))
        return self._words


def kin_words(kin: list[Mention]) -> frozenset[str]:
    """The telling words of the members' sentences (kept on a ``Kin``)."""
    if isinstance(kin, Kin):
        return kin.words()
    return frozenset().union(*(telling_words(o.evidence.sentence) for o in kin))


def common_words(m: Mention, kins: Sequence[list[Mention]]) -> frozenset[str]:
    """The mention's reference words found beside ``COMMON_REFERENCE_EVENTS`` or more of the events it
    could name (``kins``: its ``_kin`` in each): a group's name ("Farabundo Marti National Liberation
    Front") or the capital's is in the reports of all its attacks and tells none of them apart."""
    words = reference_words(m)
    if not words:
        return frozenset()
    counts: Counter[str] = Counter()
    for kin in kins:
        if kin:
            counts.update(words & kin_words(kin))
    return frozenset(w for w, n in counts.items() if n >= COMMON_REFERENCE_EVENTS)


def background_fit(m: Mention, kin: list[Mention], common: frozenset[str] = frozenset()) -> float:
    """How well a mention fits an earlier event as a reference back to it (0: not).

    A softly dated mention may refer to an event up to ``BACKGROUND_WINDOW_DAYS``
    before its article; one with its own date must agree with the event's.  A
    place the mention borrows from its article (the outlet's city, where a
    minister spoke) says nothing about where the event was, so then the place
    need not fit; a place named in the mention's own sentence must.  It fits
    when it shares enough of its sentence with the event's
    (``BACKGROUND_MIN_OVERLAP``), or at least ``REFERENCE_MIN_SHARED`` telling
    words beside its event word ("the murder of six journalists"): then it fits
    better than any overlap, the more such words the better.  Words ``common``
    to many candidate events (``common_words``) count for neither.  ``kin`` is
    ``_kin(m, cluster)``: the event's members the mention could refer to.
    """
    if not kin:
        return 0.0
    placed = [o for o in kin if places_compatible(m.place, o.place)]
    if not place_named(m) and (shared := shared_reference(m, kin, common, kin_words(kin))) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    if not placed:
        return 0.0
    theirs = kin_words(kin) if len(placed) == len(kin) else None
    if (shared := shared_reference(m, placed, common, theirs)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    return content_overlap(m, placed, common) if _soft(m) else 0.0
