"""How well a mention fits an earlier event as a reference back to it (``Clusterer._fits``' arithmetic).

Kept apart from ``cluster`` so that the clustering module holds the order of decisions and this one
the scoring of one reference against the members it could name (``Clusterer._kins``).
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


def kin_words(kin: list[Mention]) -> frozenset[str]:
    """The telling words of the members' sentences: worked out once per event a reference compares
    (``common_words`` and ``background_fit`` both read them)."""
    return frozenset().union(*(telling_words(o.evidence.sentence) for o in kin))


def common_words(m: Mention, kins_words: Sequence[frozenset[str]]) -> frozenset[str]:
    """The mention's reference words found beside ``COMMON_REFERENCE_EVENTS`` or more of the events it
    could name (``kins_words``: the ``kin_words`` of its kin in each): a group's name ("Farabundo
    Marti National Liberation Front") or the capital's is in the reports of all its attacks and tells
    none of them apart."""
    words = reference_words(m)
    if not words:
        return frozenset()
    counts: Counter[str] = Counter()
    for theirs in kins_words:
        if theirs:
            counts.update(words & theirs)
    return frozenset(w for w, n in counts.items() if n >= COMMON_REFERENCE_EVENTS)


def background_fit(m: Mention, kin: list[Mention], common: frozenset[str] = frozenset(),
                   theirs: frozenset[str] | None = None) -> float:
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
    ``Clusterer._kins``: the event's members the mention could refer to; ``theirs`` their
    ``kin_words`` when known.
    """
    if not kin:
        return 0.0
    if theirs is None:
        theirs = kin_words(kin)
    placed = [o for o in kin if places_compatible(m.place, o.place)]
    if not place_named(m) and (shared := shared_reference(m, kin, common, theirs)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    if not placed:
        return 0.0
    if (shared := shared_reference(m, placed, common, theirs if len(placed) == len(kin) else None)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    return content_overlap(m, placed, common) if _soft(m) else 0.0
