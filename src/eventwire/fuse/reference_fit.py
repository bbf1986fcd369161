"""How well a mention fits an earlier event as a reference back to it (``Clusterer._fits``' arithmetic).

Kept apart from ``cluster`` so that the clustering module holds the order of decisions and this one
the scoring of one reference against the members it could name (``Clusterer._kins``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from eventwire.fuse.blocks import soft as _soft
from eventwire.fuse.match import (
    BACKGROUND_MIN_OVERLAP,
    COMMON_REFERENCE_EVENTS,
    REFERENCE_MIN_SHARED,
    content_overlap,
    own_content_words,
    place_named,
    places_compatible,
    reference_words,
    shared_reference,
    telling_words,
)
from eventwire.model import Mention


class Side(NamedTuple):
    """What ``background_fit`` reads of the reference itself, the same against every event it compares:
    worked out once per reference (``own_side``) instead of once per comparison.  A batch into the 54k
    --scale database made ~494k comparisons for ~7.9k references (bench/README.md, Session 13: refcache);
    each read the mention's reference words again (its actors' names tokenised and stemmed), its own
    content words and whether its place is named in its sentence (the sentence lowered)."""

    soft: bool
    named: bool  # ``place_named(m)``
    words: frozenset[str]  # ``reference_words(m)``
    content: frozenset[str]  # ``own_content_words(m)``


def own_side(m: Mention) -> Side:
    """``Side`` of ``m``: pure functions of the mention, so a comparison given it decides as one without."""
    return Side(_soft(m), place_named(m), reference_words(m), own_content_words(m))


def kin_words(kin: list[Mention]) -> frozenset[str]:
    """The telling words of the members' sentences: worked out once per event a reference compares
    (``common_words`` and ``background_fit`` both read them)."""
    return frozenset().union(*(telling_words(o.evidence.sentence) for o in kin))


def common_words(m: Mention, kins_words: Sequence[frozenset[str]],
                 words: frozenset[str] | None = None) -> frozenset[str]:
    """The mention's reference words found beside ``COMMON_REFERENCE_EVENTS`` or more of the events it
    could name (``kins_words``: the ``kin_words`` of its kin in each): a group's name ("Farabundo
    Marti National Liberation Front") or the capital's is in the reports of all its attacks and tells
    none of them apart.  ``words``: ``reference_words(m)``, when known."""
    words = reference_words(m) if words is None else words
    if not words:
        return frozenset()
    counts: Counter[str] = Counter()
    for theirs in kins_words:
        if theirs:
            counts.update(words & theirs)
    return frozenset(w for w, n in counts.items() if n >= COMMON_REFERENCE_EVENTS)


def background_fit(m: Mention, kin: list[Mention], common: frozenset[str] = frozenset(),
                   theirs: frozenset[str] | None = None, side: Side | None = None) -> float:
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
    ``kin_words`` when known; ``side`` the mention's own (``own_side``) when known.
    """
    if not kin:
        return 0.0
    if theirs is None:
        theirs = kin_words(kin)
    if side is None:
        side = own_side(m)
    words = side.words
    if not (side.named and side.soft):
        # the members of a compatible place (``placed``) are among the kin and have no word the kin lack, so
        # when the kin share too few words with the mention so do they (fewer shared, fewer of them names)
        shared = shared_reference(m, kin, common, theirs, words)
        if not side.named and shared >= REFERENCE_MIN_SHARED:
            return 1.0 + shared
        if not shared and not side.soft:
            return 0.0
    placed = [o for o in kin if places_compatible(m.place, o.place)]  # only now that the answer needs them
    if not placed:
        return 0.0
    if side.named and (shared := shared_reference(m, placed, common, theirs if len(placed) == len(kin) else None,
                                                  words)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    if not side.soft:
        return 0.0
    overlap = content_overlap(m, placed, common, side.content)
    # "At least nine people were killed when shells struck a camp on Friday ... The army said the shells had
    # been fired by the rebels": one report's deed told again without its day is the deed it dated, the
    # more so the more words it shares with it (another report's fit must share the words to fit at all)
    if any(o.document == m.document and o.entry == m.entry and not _soft(o) for o in placed):
        return BACKGROUND_MIN_OVERLAP + overlap
    return overlap
