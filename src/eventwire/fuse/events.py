"""Mentions → events: one event per real-world happening across all reports.

Mentions are taken in ingestion order and joined to the first compatible
event (see match.py); that order also anchors event ids, so re-running over
the same database, or adding documents later, keeps existing ids.
Undated mentions (undated copies, unresolved "Tuesday") join the one event
of their story or place that fits; otherwise they stay as context.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from collections import Counter
from collections.abc import Sequence

from eventwire.fuse.match import (
    BACKGROUND_MIN_OVERLAP,
    BACKGROUND_WINDOW_DAYS,
    COMMON_REFERENCE_EVENTS,
    DAY_WINDOW,
    content_overlap,
    dates_compatible,
    place_named,
    REFERENCE_MIN_SHARED,
    shared_reference,
    DWU,
    GENERIC_EXPLOSION,
    family,
    match_score,
    places_compatible,
    reference_words,
    subtypes_compatible,
    telling_words,
)
from eventwire.fuse.reconcile import contradictions, dedupe, fatalities, updates
from eventwire.model import ActorRef, DateSpan, Event, Mention, Place

PRECISION_RANK = {"point": 0, "town": 1, "district": 2, "region": 3, "country": 4}
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def event_id(anchor: Mention) -> str:
    key = f"{anchor.document}:{anchor.evidence.start}:{anchor.trigger}"
    return "e_" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _pick_type(ms: Sequence[Mention]) -> tuple[str, str]:
    counts = Counter((m.event_type, m.sub_event_type) for m in ms)
    named = {(m.event_type, m.sub_event_type) for m in ms if m.weapon}
    # a strike that hit beats the air defence's account of it; a named weapon beats a bare "explosion",
    # but a charge the reports name ("a car bomb", "dynamite") is no bare explosion
    ranked = sorted(
        counts.items(), key=lambda kv: (kv[0][1] == DWU or kv[0][1] == GENERIC_EXPLOSION and kv[0] not in named, -kv[1])
    )
    return ranked[0][0]


def _pick_date(ms: Sequence[Mention]) -> DateSpan | None:
    dated = [m.date for m in ms if m.date is not None]
    if not dated:
        return None
    best_rank = min(DATE_RANK.get(d.precision, 9) for d in dated)
    best = [d for d in dated if DATE_RANK.get(d.precision, 9) == best_rank]
    explicit = [d for d in best if d.text] or best
    return Counter(explicit).most_common(1)[0][0]


def _pick_place(ms: Sequence[Mention]) -> Place | None:
    placed = [m.place for m in ms if m.place is not None and m.place.lat is not None]
    if not placed:
        return None
    best_rank = min(PRECISION_RANK.get(p.precision, 9) for p in placed)
    best = [p for p in placed if PRECISION_RANK.get(p.precision, 9) == best_rank]
    name_counts = Counter(p.geonames_id or p.name for p in best)
    top = name_counts.most_common(1)[0][0]
    return next(p for p in best if (p.geonames_id or p.name) == top)


SWAP_ROLE = {"actor1": "actor2", "actor2": "actor1", "assoc_actor_1": "assoc_actor_2", "assoc_actor_2": "assoc_actor_1"}


def _actors(ms: Sequence[Mention], sub: str) -> tuple[ActorRef, ...]:
    roles: dict[str, Counter] = {}
    first: dict[str, ActorRef] = {}
    aliases: dict[str, list[str]] = {}
    for m in ms:
        # in "its drone was shot down" the interceptor is the doer; in the strike it is the target
        swap = m.sub_event_type == DWU and sub != DWU
        for a in m.actors:
            roles.setdefault(a.name, Counter())[SWAP_ROLE.get(a.role, a.role) if swap else a.role] += 1
            first.setdefault(a.name, a)
            if a.alias not in aliases.setdefault(a.name, []) and a.alias:
                aliases[a.name].append(a.alias)
    out = []
    for name, c in roles.items():
        a = first[name]
        role = c.most_common(1)[0][0]
        out.append(ActorRef(name, role, a.id, "; ".join(aliases[name][:5]), a.inter, a.reason))
    order = {"actor1": 0, "actor2": 1, "assoc_actor_1": 2, "assoc_actor_2": 3}
    return tuple(sorted(out, key=lambda a: order.get(a.role, 9)))


def _confidence(ms: Sequence[Mention], claims_hedged: bool, stories: int) -> tuple[float, tuple[str, ...]]:
    reasons = [f"{stories} independent source{'s' if stories != 1 else ''}"]
    score = {1: 0.4, 2: 0.6}.get(stories, 0.8)
    claimants = {c.claimant for m in ms for c in m.claims if c.claimant}
    if len(claimants) >= 2:
        score += 0.1
        reasons.append(f"{len(claimants)} claimants")
    if claims_hedged:
        score -= 0.1
        reasons.append("claims hedged")
    return round(max(0.05, min(score, 0.95)), 2), tuple(reasons)


def build_event(members: Sequence[Mention], stories: dict[str, str]) -> Event:
    """The event its members tell; landmark members only refer to it (``references``).

    A landmark ("arrived two days before the offensive") names the event to date
    something else: it is kept as a link for the analyst, but its type, date, place,
    actors, claims and document say nothing of the event, so they are left out of
    every field, of ``documents`` and of the confidence.
    """
    ms = [m for m in members if not m.landmark] or list(members)
    refs = tuple(m for m in members if m.landmark) if len(ms) < len(members) else ()
    etype, sub = _pick_type(ms)
    claim_pairs = [(c, stories.get(m.document, m.document)) for m in ms for c in m.claims]
    claims = dedupe(claim_pairs)
    docs = tuple(dict.fromkeys(m.document for m in ms))
    n_stories = len({stories.get(d, d) for d in docs})
    conf, why = _confidence(ms, bool(claims) and all(c.hedged for c in claims), n_stories)
    return Event(
        id=event_id(ms[0]),
        event_type=etype,
        sub_event_type=sub,
        date=_pick_date(ms),
        location=_pick_place(ms),
        actors=_actors(ms, sub),
        fatalities=fatalities(claims),
        claims=tuple(claims),
        contradictions=tuple(contradictions(claims)),
        mentions=tuple(ms),
        documents=docs,
        confidence=conf,
        confidence_reasons=why,
        updates=tuple(updates(claims)),
        references=refs,
    )


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
ANCHOR_PRECISIONS = ("point", "town", "district", "region")


def _anchorable(m: Mention) -> bool:
    return m.date is not None and m.place is not None and m.place.precision in ANCHOR_PRECISIONS


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
    by_place = precise and m.place.precision in ("point", "town") and not history
    return (same_story or by_place), same_story


def _soft(m: Mention) -> bool:
    """Dated only by its article's publication date: a reference to the event may be much later."""
    return m.date is not None and not m.date.text


class _Summary:
    """What matching asks of a cluster again and again, computed once per size of the cluster.

    Fusion compares every new mention with every event so far; without this the
    same members were filtered for each comparison.  Clusters only grow (append,
    extend), and whatever changes which members are references back also adds
    members, so the cluster's length tells when a summary is stale.
    """

    __slots__ = ("cluster", "size", "dated", "dated_span", "anchors", "anchor_span")

    def __init__(self, cluster: list[Mention]) -> None:
        self.cluster, self.size = cluster, len(cluster)
        self.dated = [o for o in cluster if _anchorable(o) and not _soft(o)]
        self.dated_span = _span(self.dated)
        self.anchors: list[Mention] | None = None  # filled by _anchors, which knows the references back
        self.anchor_span: tuple | None = None


def _span(ms: list[Mention]) -> tuple | None:
    """(earliest start, earliest end, latest end) of dated mentions, None for none."""
    if not ms:
        return None
    return min(o.date.start for o in ms), min(o.date.end for o in ms), max(o.date.end for o in ms)


# fuse() fills this and empties it when done; it holds each cluster it summarises, so no id is reused meanwhile
_SUMMARIES: dict[int, _Summary] = {}


def _summary(cluster: list[Mention]) -> _Summary:
    s = _SUMMARIES.get(id(cluster))
    if s is None or s.cluster is not cluster or s.size != len(cluster):
        s = _SUMMARIES[id(cluster)] = _Summary(cluster)
    return s


def _may_be_compatible(d: DateSpan, span: tuple | None) -> bool:
    """False when no date in ``span`` can be ``dates_compatible`` with ``d`` (a cheap bound)."""
    return span is not None and (d.start - span[2]).days <= DAY_WINDOW and (span[0] - d.end).days <= DAY_WINDOW


def _kin(m: Mention, cluster: list[Mention]) -> list[Mention]:
    """The cluster's members a reference back from ``m`` could name: own-dated, same family, in its window."""
    if m.date is None:
        return []
    s = _summary(cluster)
    if _soft(m):
        if s.dated_span is None or s.dated_span[1] > m.date.start \
                or (m.date.start - s.dated_span[2]).days > BACKGROUND_WINDOW_DAYS:
            return []
        in_window = [o for o in s.dated if 0 <= (m.date.start - o.date.end).days <= BACKGROUND_WINDOW_DAYS]
    else:
        if not _may_be_compatible(m.date, s.dated_span):
            return []
        in_window = [o for o in s.dated if dates_compatible(m.date, o.date)]
    fam = family(m.event_type, m.sub_event_type)
    return [o for o in in_window if family(o.event_type, o.sub_event_type) == fam
            and subtypes_compatible(o.sub_event_type, m.sub_event_type)]


def _common_words(m: Mention, kins: Sequence[list[Mention]]) -> frozenset[str]:
    """The mention's reference words found beside ``COMMON_REFERENCE_EVENTS`` or more of the events it
    could name (``kins``: its ``_kin`` in each): a group's name ("Farabundo Marti National Liberation
    Front") or the capital's is in the reports of all its attacks and tells none of them apart."""
    words = reference_words(m)
    if not words:
        return frozenset()
    counts: Counter[str] = Counter()
    for kin in kins:
        if kin:
            counts.update(words & frozenset().union(*(telling_words(o.evidence.sentence) for o in kin)))
    return frozenset(w for w, n in counts.items() if n >= COMMON_REFERENCE_EVENTS)


def _fits(m: Mention, clusters: Sequence[list[Mention]]) -> list[float]:
    """``_background_fit`` of the mention against each cluster, its common words counted over them all."""
    kins = [_kin(m, c) for c in clusters]
    common = _common_words(m, kins)
    return [_background_fit(m, kin, common) for kin in kins]


def _background_fit(m: Mention, kin: list[Mention], common: frozenset[str] = frozenset()) -> float:
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
    to many candidate events (``_common_words``) count for neither.  ``kin`` is
    ``_kin(m, cluster)``: the event's members the mention could refer to.
    """
    if not kin:
        return 0.0
    placed = [o for o in kin if places_compatible(m.place, o.place)]
    if not place_named(m) and (shared := shared_reference(m, kin, common)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    if not placed:
        return 0.0
    if (shared := shared_reference(m, placed, common)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    return content_overlap(m, placed, common) if _soft(m) else 0.0


def _named_target(ms: Sequence[Mention], clusters: Sequence[list[Mention]]) -> list[Mention] | None:
    """The cluster any of ``ms`` fits best as a reference back (see _background_fit), the earliest on
    a tie; None when none fits."""
    per = [_fits(m, clusters) for m in ms]
    refs = [(fit, -i, c) for i, c in enumerate(clusters)
            if (fit := max(p[i] for p in per)) >= BACKGROUND_MIN_OVERLAP]
    return max(refs, key=lambda t: (t[0], t[1]))[2] if refs else None


def _reference_target(m: Mention, clusters: list[list[Mention]]) -> list[Mention] | None:
    """The earlier event a mention refers back to, when it fits one (see _background_fit)."""
    return _named_target([m], clusters)


def _anchors(cluster: list[Mention], referring: set[int]) -> list[Mention]:
    """The members a new mention is matched against: those dated most precisely.

    A member dated only to its month ("the offensive in November") fits any day
    of that month; were it matched against, one vague mention would let its event
    swallow every later report of that month and place, a day at a time.
    """
    s = _summary(cluster)
    if s.anchors is None:
        usable = [o for o in cluster if _anchorable(o) and id(o) not in referring]
        finest = min((DATE_RANK.get(o.date.precision, 9) for o in usable), default=9)
        s.anchors = [o for o in usable if DATE_RANK.get(o.date.precision, 9) == finest]
        s.anchor_span = _span(s.anchors)
    return s.anchors


def _match(m: Mention, cluster: list[Mention], referring: set[int]) -> int:
    """The best match_score of ``m`` against the cluster's anchors (0: none fits)."""
    anchors = _anchors(cluster, referring)
    if not _may_be_compatible(m.date, _summary(cluster).anchor_span):
        return 0
    return max((match_score(m, o) for o in anchors), default=0)


def _merge_references(clusters: list[list[Mention]], referring: set[int],
                      stories: dict[str, str]) -> list[list[Mention]]:
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
        if len({stories.get(o.document, o.document) for o in c}) > 1:
            judged = [o for o in c if not _soft(o)] or c
        target = _named_target(judged, [o for o in out if o is not c])
        if target is None:
            continue
        target.extend(c)
        referring.update(id(m) for m in c)
        out.remove(c)
    return out


def _fold_placeless(loose: list[list[Mention]], anchored: list[list[Mention]],
                    referring: set[int]) -> list[list[Mention]]:
    """Fold a loose event with no place into the placed event one of its mentions refers to.

    An article that never names where its event happened (a clandestine radio's
    communiqué on "the massacre of the Jesuit priests Ignacio Ellacuria, ...")
    gathers its mentions into one placeless event of its own story, which can
    never be exported.  When any of those mentions fits an earlier placed event
    as a reference back (``_background_fit``), the article tells that event.
    The loose events left unfolded are returned.
    """
    kept = []
    for c in loose:
        if any(o.place is not None for o in c):
            kept.append(c)
            continue
        target = _named_target(c, anchored)
        if target is None:
            kept.append(c)
            continue
        target.extend(c)
        referring.update(id(m) for m in c)
    return kept


def _landmark_target(m: Mention, clusters: list[list[Mention]], referring: set[int],
                     stories: dict[str, str]) -> list[Mention] | None:
    """The event a landmark mention names, if one fits it as a report or a reference would; else None."""
    if _anchorable(m):
        scored = [(_match(m, c, referring), -i, c)
                  for i, c in enumerate(clusters)]
        best = max(scored, default=(0, 0, None), key=lambda t: (t[0], t[1]))
        if best[0] > 0:
            return best[2]
    else:
        story = stories.get(m.document, m.document)
        verdicts = [(c, *_joins(m, c, story, stories)) for c in clusters]
        fits = [c for c, ok, own in verdicts if ok and own] or [c for c, ok, _own in verdicts if ok]
        if fits:
            return fits[0]
    return _reference_target(m, clusters) if m.date is not None else None


def fuse(ranked: Sequence[tuple[int, Mention]], stories: dict[str, str]) -> list[Event]:
    """Cluster mentions into events (see ``_fuse``), with the clusters' summaries kept only meanwhile."""
    _SUMMARIES.clear()
    try:
        return _fuse(ranked, stories)
    finally:
        _SUMMARIES.clear()


def _fuse(ranked: Sequence[tuple[int, Mention]], stories: dict[str, str]) -> list[Event]:
    """Cluster mentions into events; ``ranked`` gives each mention's ingestion rank.

    In ingestion order, a dated and placed mention joins the best matching
    event or starts one; a mention dated only by its article's publication may
    instead join an earlier event it plainly refers back to ("the murder of
    six Jesuits" weeks later).  Mentions without a precise place or a date join
    through their story or place afterwards.  Landmark mentions (extract/landmarks.py)
    come last: they join the event they fit, whenever it was reported, and never
    start one, so a document that only dates something by an event adds no event.
    """
    rank = {id(m): r for r, m in ranked}
    landmarks = [m for _r, m in ranked if m.landmark]
    ranked = [(r, m) for r, m in ranked if not m.landmark]
    clusters: list[list[Mention]] = []
    referring: set[int] = set()  # joined as references back: their own dates say nothing about the event
    for m in (m for _r, m in ranked if _anchorable(m)):
        scored = [(_match(m, c, referring), -i, c)
                  for i, c in enumerate(clusters)]
        best = max(scored, default=(0, 0, None), key=lambda t: (t[0], t[1]))
        if best[0] > 0:
            best[2].append(m)
            continue
        if _soft(m) or not place_named(m):
            target = _reference_target(m, clusters)
            if target is not None:
                target.append(m)
                referring.add(id(m))
                continue
        clusters.append([m])
    clusters = _merge_references(clusters, referring, stories)
    anchored = len(clusters)
    for _r, m in ranked:
        if _anchorable(m):
            continue
        story = stories.get(m.document, m.document)
        # dated, placed events first; other loose mentions only when none fits
        for pool in (clusters[:anchored], clusters[anchored:]):
            verdicts = [(c, *_joins(m, c, story, stories)) for c in pool]
            same_story = [c for c, ok, own in verdicts if ok and own]
            # by place alone only a precise place may join, and then the best-attested event
            by_place = sorted((c for c, ok, _own in verdicts if ok), key=lambda c: -len({o.document for o in c}))
            choice = same_story or by_place
            if choice:
                choice[0].append(m)
                break
        else:
            # a dated mention with no place of its own may still name an event reported elsewhere
            target = _reference_target(m, clusters[:anchored]) if m.date is not None else None
            if target is not None:
                target.append(m)
            else:
                clusters.append([m])
    clusters = clusters[:anchored] + _fold_placeless(clusters[anchored:], clusters[:anchored], referring)
    for m in landmarks:
        target = _landmark_target(m, clusters[:anchored], referring, stories)
        if target is not None:
            target.append(m)
    # mentions in ingestion order within each event, and events in order of their first report:
    # the anchor (first report, never a landmark) names the event, so later documents never rename it
    clusters = [sorted(c, key=lambda m: rank[id(m)]) for c in clusters]
    heads = {id(c): next(m for m in c if not m.landmark) for c in clusters}
    clusters.sort(key=lambda c: rank[id(heads[id(c)])])
    events, used = [], set()
    for c in clusters:
        ev = build_event(c, stories)
        n = 1
        while ev.id in used:  # two events anchored in one sentence with the same trigger word
            n += 1
            ev = replace(ev, id=f"{event_id(heads[id(c)])}-{n}")
        used.add(ev.id)
        events.append(ev)
    return events
