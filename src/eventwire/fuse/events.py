"""Clusters of mentions → events: type, date, place, actors, claims and confidence of each.

``cluster.Clusterer`` decides which mentions tell one happening; this module
says what the event is.  ``fuse`` does both for a set of mentions; the
incremental path (``incremental.py``) calls it on the mentions of the events
a new document touches.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from collections import Counter
from collections.abc import Sequence

from eventwire.data import actor_countries
from eventwire.fuse.cluster import DATE_RANK, Clusterer
from eventwire.fuse.kept_context import KeptContext
from eventwire.fuse.match import BATTLE_SUBTYPES, DWU, GENERIC_EXPLOSION, place_named
from eventwire.fuse.reconcile import contradictions, dedupe, fatalities, updates
from eventwire.model import ActorRef, DateSpan, Event, Mention, Place

PRECISION_RANK = {"point": 0, "town": 1, "district": 2, "region": 3, "country": 4}


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
    """The most precise date the reports give, the most often given on a tie, words before a page's date.
    When at least as many reports date the deed in their own words as by their page, a page's date outside
    every date they give is not the deed's ("a rally at the stadium last month" beside "attended a rally",
    dated only by the page: the month, not the page's day); fewer may be a deed recalled in passing that
    joined the event ("the attack comes after drones struck the Kremlin earlier this month")."""
    # a report that tells the deed's own day drops the day its speaker told of it ("activists said on Saturday
    # ... the paramilitaries stormed the village on Friday"); another outlet's day does not outweigh it
    own_day = {m.document for m in ms if m.date is not None and m.date.text and not m.date.spoken}
    dated = [m.date for m in ms if m.date is not None and not (m.date.spoken and m.document in own_day)]
    if not dated:
        return None
    own = [m.date for m in ms if m.date is not None and m.date.text and not m.landmark]
    if len(own) >= sum(1 for d in dated if not d.text):  # as many reports date it in their words as by a page
        dated = [d for d in dated if d.text or any(o.start <= d.start and d.end <= o.end for o in own)]
    best_rank = min(DATE_RANK.get(d.precision, 9) for d in dated)
    best = [d for d in dated if DATE_RANK.get(d.precision, 9) == best_rank]
    explicit = [d for d in best if d.text] or best
    return Counter(explicit).most_common(1)[0][0]


def _pick_place(ms: Sequence[Mention]) -> Place | None:
    """The most precise place the reports give, the most often given on a tie; a place a report names in
    its own sentence beats one it borrowed from its article (the article's town, where someone spoke)."""
    with_place = [m for m in ms if m.place is not None and m.place.lat is not None]
    placed = [m.place for m in (([m for m in with_place if place_named(m)]) or with_place)]
    if not placed:
        return None
    best_rank = min(PRECISION_RANK.get(p.precision, 9) for p in placed)
    best = [p for p in placed if PRECISION_RANK.get(p.precision, 9) == best_rank]
    name_counts = Counter(p.geonames_id or p.name for p in best)
    top = name_counts.most_common(1)[0][0]
    return next(p for p in best if (p.geonames_id or p.name) == top)


CIVILIANS_INTER = 7  # ACLED's inter code of civilians (data/actors/README.md)
STATE_INTER = 1  # ... and of state forces
# whether ACLED's territory sub-type has state forces as actor 1 (the one who takes the ground)
TAKER_IS_STATE = {"Non-state actor overtakes territory": False, "Government regains territory": True}
# ACLED's violence against civilians: actor 2 is the civilians, never another army
ONE_SIDED_SUBTYPES = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
SWAP_ROLE = {"actor1": "actor2", "actor2": "actor1", "assoc_actor_1": "assoc_actor_2", "assoc_actor_2": "assoc_actor_1"}


def _actors(ms: Sequence[Mention], sub: str) -> tuple[ActorRef, ...]:
    roles: dict[str, Counter] = {}
    first: dict[str, ActorRef] = {}
    aliases: dict[str, list[str]] = {}
    for m in ms:
        # in "its drone was shot down" the interceptor is the doer; in the strike it is the target; in a fight
        # told beside a taking of ground, the side the taking's type says is not the taker is the other side
        swap = m.sub_event_type == DWU and sub != DWU or _taker_is_the_other(m, sub)
        for a in m.actors:
            roles.setdefault(a.name, Counter())[SWAP_ROLE.get(a.role, a.role) if swap else a.role] += 1
            first.setdefault(a.name, a)
            if a.alias not in aliases.setdefault(a.name, []) and a.alias:
                aliases[a.name].append(a.alias)
    role_of = {name: c.most_common(1)[0][0] for name, c in roles.items()}
    _one_actor1(role_of, roles, first)
    _enemies_are_the_other_side(role_of, first, sub)
    out = []
    for name, role in role_of.items():
        a = first[name]
        out.append(ActorRef(name, role, a.id, "; ".join(aliases[name][:5]), a.inter, a.reason))
    order = {"actor1": 0, "actor2": 1, "assoc_actor_1": 2, "assoc_actor_2": 3}
    return tuple(sorted(out, key=lambda a: order.get(a.role, 9)))


def _taker_is_the_other(m: Mention, sub: str) -> bool:
    """'The army said it had repelled the attack' in an event of rebels taking districts: ACLED's taking by a
    non-state group has a non-state actor 1 (a regaining by government, a state one), so a report of another
    sub-type whose doer is of the wrong kind tells the fight from the other side."""
    state_takes = TAKER_IS_STATE.get(sub)
    return state_takes is not None and m.sub_event_type != sub and any(
        a.role == "actor1" and a.inter is not None and (a.inter == STATE_INTER) != state_takes for a in m.actors)


def _one_actor1(role_of: dict[str, str], roles: dict[str, Counter], first: dict[str, ActorRef]) -> None:
    """An event has one actor 1, as in ACLED's files: the doer most of its reports name.

    When reports name different doers (one outlet's "Ukraine says it hit the
    vessel", another's sentence misread so the ship's own fleet is the doer),
    the one named as doer more often than any other stays actor 1; another from
    another country is the other side (``actor2``), one from the same country
    or of none known ("gunmen", "attackers": often the same doer by another
    name) its associate (``assoc_actor_1``).  Before, all went out as actor 1,
    and an analyst read "an attack by both armies".  When the reports are split
    evenly nothing tells the doer, and all stay actor 1 (precision first).
    """
    doers = [name for name, role in role_of.items() if role == "actor1"]
    if len(doers) < 2:
        return
    votes = sorted((roles[n]["actor1"] for n in doers), reverse=True)
    if votes[0] == votes[1]:
        return
    keep = max(doers, key=lambda n: roles[n]["actor1"])
    homes = actor_countries()
    home = homes.get(first[keep].id or "")
    for name in doers:
        if name != keep:
            theirs = homes.get(first[name].id or "")
            role_of[name] = "actor2" if home and theirs and theirs != home else "assoc_actor_1"


def _enemies_are_the_other_side(role_of: dict[str, str], first: dict[str, ActorRef], sub: str) -> None:
    """An associate fights beside actor 1; the forces of another country do not.

    A sentence such as "Ukrainian forces repelled eight Russian attacks" names
    both armies, and the one that is not the deed's doer is read as associated
    with it.  At the event, an associate whose home country is known and is not
    actor 1's is the other side: actor 2 (its associate when actor 2 is taken).
    In a battle civilians are no side: they give way to an armed actor 2.
    Violence against civilians has civilians as its other side, so there
    nothing moves.
    """
    if sub in ONE_SIDED_SUBTYPES:
        return
    homes = actor_countries()
    doer = next((n for n, r in role_of.items() if r == "actor1"), None)
    home = homes.get(first[doer].id or "") if doer else None
    if not home:
        return
    for name, role in list(role_of.items()):
        theirs = homes.get(first[name].id or "")
        if role == "assoc_actor_1" and theirs and theirs != home:
            armed_actor2 = any(r == "actor2" and first[n].inter != CIVILIANS_INTER for n, r in role_of.items())
            role_of[name] = "assoc_actor_2" if armed_actor2 else "actor2"
    if sub in BATTLE_SUBTYPES and any(r == "actor2" and first[n].inter != CIVILIANS_INTER
                                      for n, r in role_of.items()):
        for name, role in list(role_of.items()):
            if role == "actor2" and first[name].inter == CIVILIANS_INTER:
                role_of[name] = "assoc_actor_2"


# Confidence of an event from how it is attested.  Set by hand when fusion was first written
# (no labelled confidence data exists): one story is a claim, two independent stories are
# corroboration, three or more are about as sure as news gets; never 0 or 1, since a report
# can always be wrong.  Only the order of the values matters to the exports' users (the dev
# and MUC scorers do not read confidence), so they were never tuned.
CONFIDENCE_BY_STORIES = {1: 0.4, 2: 0.6}
CONFIDENCE_MANY_STORIES = 0.8
# two or more claimants naming figures for one event: each corroborates that it happened
CONFIDENCE_CLAIMANTS_BONUS = 0.1
# every claim hedged ("reportedly", "unconfirmed"): the sources themselves are not sure
CONFIDENCE_HEDGED_PENALTY = 0.1
# every mention doubted by extract.deeds (no anchor in its sentence): it may only talk about a deed; as
# large as the gap between one story and two, so a doubted single report ranks below any other
CONFIDENCE_DOUBTED_PENALTY = 0.2
CONFIDENCE_FLOOR, CONFIDENCE_CEILING = 0.05, 0.95


def _confidence(ms: Sequence[Mention], claims_hedged: bool, stories: int) -> tuple[float, tuple[str, ...]]:
    reasons = [f"{stories} independent source{'s' if stories != 1 else ''}"]
    score = CONFIDENCE_BY_STORIES.get(stories, CONFIDENCE_MANY_STORIES)
    claimants = {c.claimant for m in ms for c in m.claims if c.claimant}
    if len(claimants) >= 2:
        score += CONFIDENCE_CLAIMANTS_BONUS
        reasons.append(f"{len(claimants)} claimants")
    if claims_hedged:
        score -= CONFIDENCE_HEDGED_PENALTY
        reasons.append("claims hedged")
    doubts = [m.doubt for m in ms if m.doubt]
    if doubts and len(doubts) == len(ms):
        score -= CONFIDENCE_DOUBTED_PENALTY
        reasons.append(doubts[0])
    return round(max(CONFIDENCE_FLOOR, min(score, CONFIDENCE_CEILING)), 2), tuple(reasons)


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


def fuse(ranked: Sequence[tuple[int, Mention]], stories: dict[str, str]) -> list[Event]:
    """Events of ``ranked`` (ingestion rank, mention) pairs; ``stories`` maps documents to stories."""
    return [ev for _c, ev in fuse_clusters(ranked, stories)]


def fuse_clusters(ranked: Sequence[tuple[int, Mention]], stories: dict[str, str],
                  context: Sequence[Sequence[tuple[int, Mention]]] = ()) -> list[tuple[list[Mention], Event]]:
    """(members, event) per cluster, events in order of their first report.

    Two events anchored in one sentence with the same trigger word get the
    second id suffixed ("-2"); both are always in the same run, since they
    share a story (see ``blocks``).  ``context``: see ``fuse_in_context``.
    """
    return fuse_in_context(ranked, stories, context)[0]


def fuse_in_context(ranked: Sequence[tuple[int, Mention]], stories: dict[str, str],
                    context: Sequence[Sequence[tuple[int, Mention]]],
                    known_cells: dict | None = None,
                    known_registered: dict | None = None,
                    kept: KeptContext | None = None) -> tuple[list[tuple[list[Mention], Event]], list[int]]:
    """``fuse_clusters``, with stored events (their ranked members) that only a reference back
    may name read as fixed context (``Clusterer.run``); also which of them a mention joined.
    ``known_cells``, ``known_registered``: the mentions' cells (all, or the context members'
    registered ones) kept from an earlier run over the same mention objects; ``kept``: the context
    clusters an earlier run built (``kept_context``), taken again where their members are the same."""
    out, used = [], set()
    clusterer = Clusterer(stories, known_cells, known_registered, kept)
    for c in clusterer.run(ranked, context):
        ev = build_event(c, stories)
        n, base = 1, ev.id
        while ev.id in used:
            n += 1
            ev = replace(ev, id=f"{base}-{n}")
        used.add(ev.id)
        out.append((c, ev))
    return out, clusterer.joined_context()
