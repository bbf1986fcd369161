"""Whether two reports can be the same happening.

Blocking is by type family, date window and place; a drone strike and a
shelling in one town on one day are different events, while a drone attack
and the air defence's "shot down" of the same drones are one.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from eventwire import geo
from eventwire.extract.truecase import stop_words
from eventwire.model import DateSpan, Mention, Place

# spaCy's English stop words, from a data file: this runs in the ingesting process, which loads no spaCy
STOP_WORDS = stop_words()

# sub-types that may describe the same happening from different angles
REMOTE = "Explosions/Remote violence"
DWU = "Disrupted weapons use"
GENERIC_EXPLOSION = "Remote explosive/landmine/IED"
# day-precision reports of one event differ by a day at most ("overnight", time zones)
DAY_WINDOW = 1
# two town-level places further apart than this are different events
SAME_PLACE_KM = 45.0
# places precise enough to tell one town's event from the next town's (fusion's one list of them)
TOWN_PRECISIONS = ("point", "town")


def family(m_type: str, m_sub: str) -> str:
    if m_type == REMOTE or m_sub == DWU:
        return "remote"
    if m_type == "Strategic developments":
        return f"sd:{m_sub}"
    if m_type in ("Protests", "Riots"):
        return "demonstrations"
    return m_type


BATTLE_SUBTYPES = {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"}


# sub-types that fit any other of their family: a "shot down" or a bare "explosion" may be any strike's
WILDCARD_SUBTYPES = (DWU, GENERIC_EXPLOSION)


def subtypes_compatible(a: str, b: str) -> bool:
    """A clash and one side's claim to have taken the ground are the same fight."""
    if a == b or a in WILDCARD_SUBTYPES or b in WILDCARD_SUBTYPES:
        return True
    return a in BATTLE_SUBTYPES and b in BATTLE_SUBTYPES


def km(a: Place, b: Place) -> float:
    """Distance between two places (eventwire.geo, the one great-circle formula)."""
    return geo.km(a.lat, a.lon, b.lat, b.lon)


# a great circle is never shorter than the meridian arc between its ends' parallels: this many km a degree
KM_PER_DEGREE_OF_LATITUDE = geo.EARTH_RADIUS_KM * math.pi / 180


def close(a: Place, b: Place) -> bool:
    """``km(a, b) <= SAME_PLACE_KM``, the haversine worked out only for places whose latitudes alone are not
    further apart (with a kilometre to spare for rounding): fusion's references compare ~300k pairs of
    places a batch, most of them far apart."""
    return abs(a.lat - b.lat) * KM_PER_DEGREE_OF_LATITUDE <= SAME_PLACE_KM + 1 and km(a, b) <= SAME_PLACE_KM


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.lat is None or b.lat is None:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if "region" in (a.precision, b.precision) or "country" in (a.precision, b.precision):
        # a town inside a region matches the region
        if a.precision == "country" or b.precision == "country":
            return a.country == b.country
        return bool(a.admin1) and a.admin1 == b.admin1 or close(a, b)
    return close(a, b)


def dates_compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return False
    slack = DAY_WINDOW if a.precision == "day" and b.precision == "day" else 0
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


def locality(p: Place) -> str:
    """The village a place stands for when the gazetteer does not know it: the place is its region
    and carries its name (``feature`` "locality", see extract.components.places); '' otherwise."""
    return p.surface.lower() if p.feature == "locality" else ""


def other_localities(a: Place, b: Place) -> bool:
    """Two places of one region naming different villages: two places, as two towns are."""
    return bool(locality(a)) and bool(locality(b)) and locality(a) != locality(b)


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or other_localities(a, b):
        return False
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    return a.name == b.name and a.country == b.country


def one_report(a: Mention, b: Mention) -> bool:
    """Two sentences of one article (one entry of a live page) on one day in towns: one happening told in
    different words (see ``match_score``).  A region is too wide to tell that two of its deeds are one."""
    return (a.document == b.document and a.entry == b.entry and a.date.start == b.date.start
            and a.date.end == b.date.end and a.place.precision in TOWN_PRECISIONS
            and b.place.precision in TOWN_PRECISIONS)


def anchors_to_match(m: Mention, anchors: list[Mention]) -> list[Mention]:
    """The members of an event a new report is matched against.  A report of any sub-type (a bare
    "explosion", a "shot down") in an event of shelling does not let a drone strike join it: when the
    event holds a sub-type the report does not fit, only members of the report's own or a definite
    sub-type may take it in."""
    if all(subtypes_compatible(m.sub_event_type, o.sub_event_type) or one_report(m, o) for o in anchors):
        return anchors
    return [o for o in anchors if o.sub_event_type == m.sub_event_type or o.sub_event_type not in WILDCARD_SUBTYPES]


def match_score(a: Mention, b: Mention) -> int:
    """0: different events; higher: more surely the same (same place beats a nearby one).

    Two different towns a few kilometres apart are one event only when the
    reports agree on the day and the weapon: a raid on one village and the
    shelling of the next town the day after are two events.  One article
    telling deeds of one family on one day in one town (or in towns a few
    kilometres apart) tells one happening in different words ("the shelling
    of Belgorod ... the strike", "drones attacked Moscow ... one was shot down
    over Odintsovo district"), whatever sub-type each sentence's words
    suggest.  A live page is many reports, one per entry (``Mention.entry``).
    """
    if family(a.event_type, a.sub_event_type) != family(b.event_type, b.sub_event_type):
        return 0
    if not dates_compatible(a.date, b.date) or not places_compatible(a.place, b.place):
        return 0
    if not subtypes_compatible(a.sub_event_type, b.sub_event_type) and not one_report(a, b):
        return 0
    if same_place(a.place, b.place):
        return 3
    towns = a.place.precision in TOWN_PRECISIONS and b.place.precision in TOWN_PRECISIONS
    if towns or other_localities(a.place, b.place):
        same_day = a.date.start == b.date.start and a.date.end == b.date.end
        if not (same_day and (a.sub_event_type == b.sub_event_type or one_report(a, b))):
            return 0
        return 1
    return 2


# a report dated only by its publication may refer back to an event up to this many days earlier
BACKGROUND_WINDOW_DAYS = 90
# ...when its sentence shares this much of its content words with that event's sentences
BACKGROUND_MIN_OVERLAP = 0.35
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


@lru_cache(maxsize=50_000)
def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (x.lower() for x in _WORD.findall(sentence)) if w not in STOP_WORDS)


def own_content_words(m: Mention) -> frozenset[str]:
    """The mention's content words, its place's words aside (``content_overlap``'s side of the mention)."""
    mine = content_words(m.evidence.sentence)
    if m.place is not None:
        mine = mine - content_words(m.place.surface or m.place.name)
    return mine


def content_overlap(m: Mention, others: list[Mention], common: frozenset[str] = frozenset(),
                    own: frozenset[str] | None = None) -> float:
    """Share of the mention's content words found in the others' sentences (places, numbers and
    ``common`` words aside); ``own``: ``own_content_words(m)`` when known."""
    mine = (own_content_words(m) if own is None else own) - common
    if not mine:
        return 0.0
    theirs = frozenset().union(*(content_words(o.evidence.sentence) for o in others))
    return len(mine & theirs) / len(mine)


# ------------------------------------------------------------------ references
# A later report names an earlier happening by what was done to whom: "the murder of six
# journalists", "the dynamite attack on the union's offices".  The words next to the event
# word (up to these many on each side, within the clause) identify it better than the whole
# sentence, whose other words tell the new news (an arrest, a protest, a trial).
REFERENCE_WORDS_BEFORE = 5
REFERENCE_WORDS_AFTER = 8
# telling words a reference must share with an event's sentences to be read as naming it:
# this many when one of them is a number or a name ("six", "Fenastras"), else one more
REFERENCE_MIN_SHARED = 2
# a reference word found beside this many of the events a mention could name tells none of them apart
# (a group's or a capital's name).  On MUC-4 (make eval-muc), pairwise precision/recall with 3 and 4:
# 0.460 / 0.839, with 6: 0.439 / 0.839; the dev set is the same for all three.  (Before references
# named as a topic stopped borrowing the previous sentence's date, 3 cost recall: 0.684 against 0.758.)
COMMON_REFERENCE_EVENTS = 4
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+|[^\sA-Za-z\d]")
_CLAUSE_BREAK = set(",.;:!?\"“”()[]")


def _lexicon() -> dict:
    from eventwire.data import load_json

    return load_json("lexicons", "fusion.json")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_stem(w) for w in _lexicon()["generic_words"])


@lru_cache(maxsize=1)
def _numbers() -> frozenset[str]:
    return frozenset(_lexicon()["number_words"])


def _stem(word: str) -> str:
    """Lower case, no possessive, no plural -s: "Jesuits'" and "JESUIT" are one word."""
    w = word.lower().replace("’", "'").strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _telling(word: str) -> bool:
    low = word.lower()
    if low in _numbers() or word.isdigit():
        return True
    return len(low) >= 3 and low not in STOP_WORDS and _stem(low) not in _generic()


@lru_cache(maxsize=50_000)
def telling_words(sentence: str) -> frozenset[str]:
    return frozenset(s for w in _TOKEN.findall(sentence) if w[0].isalnum() and (s := _telling_stem(w)) is not None)


# Distinct tokens, for ``_telling_stem``: a language's words and a corpus's names are far fewer than its
# sentences (28,611 sentences new to one batch of the 54k --scale bench).  Set by that, not tuned.
TELLING_WORD_CACHE = 100_000


@lru_cache(maxsize=TELLING_WORD_CACHE)
def _telling_stem(word: str) -> str | None:
    """``_stem(word)`` when the word is telling, else None: ``telling_words``'s test of one token, worked out
    once per token, not once per sentence it is in (most of the cost of the registered cells,
    ``blocks.registered``, of a batch's ~49k context members)."""
    return _stem(word) if _telling(word) else None


@lru_cache(maxsize=50_000)
def _reference(sentence: str, trigger: str) -> frozenset[str]:
    toks = _TOKEN.findall(sentence)
    low = [t.lower() for t in toks]
    tw = trigger.lower().split()
    at = next((i for i in range(len(low)) if low[i : i + len(tw)] == tw), None)
    if at is None:
        return frozenset()
    near = []
    for span in (range(at - 1, max(-1, at - 1 - REFERENCE_WORDS_BEFORE), -1),
                 range(at + len(tw), min(len(toks), at + len(tw) + REFERENCE_WORDS_AFTER))):
        for i in span:
            if toks[i] in _CLAUSE_BREAK:
                break
            near.append(toks[i])
    return frozenset(_stem(w) for w in near if w[0].isalnum() and _telling(w)) - {_stem(w) for w in tw}


def reference_words(m: Mention) -> frozenset[str]:
    """The telling words beside the mention's event word: who or what it was done to, how.

    The actors' own names are left out: the same armed group is named in all
    its attacks, so its name tells none of them apart.
    """
    actors = {_stem(w) for a in m.actors for w in _TOKEN.findall(f"{a.alias} {a.name}")}
    return _reference(m.evidence.sentence, m.trigger) - actors


def _distinctive(word: str) -> bool:
    """A number ("six", "12") or a name: no English word ("Fenastras", "Galan")."""
    from eventwire.extract.truecase import is_english_word

    return word.isdigit() or word in _numbers() or not is_english_word(word)


def shared_reference(m: Mention, others: list[Mention], common: frozenset[str] = frozenset(),
                     theirs: frozenset[str] | None = None, words: frozenset[str] | None = None) -> int:
    """How many of the mention's reference words the others' sentences contain, counted
    only when they are enough to name one happening (0 otherwise); ``common`` words
    (found beside many events) do not count.  ``theirs``: the others' telling words, when known;
    ``words``: ``reference_words(m)``, when known."""
    mine = (reference_words(m) if words is None else words) - common
    if not mine or not others:
        return 0
    if theirs is None:
        theirs = frozenset().union(*(telling_words(o.evidence.sentence) for o in others))
    shared = mine & theirs
    need = REFERENCE_MIN_SHARED if any(_distinctive(w) for w in shared) else REFERENCE_MIN_SHARED + 1
    return len(shared) if len(shared) >= need else 0


def place_named(m: Mention) -> bool:
    """True when the mention's place is named in its own sentence (not borrowed from the article)."""
    if m.place is None:
        return False
    surface = (m.place.surface or m.place.name).lower()
    return bool(surface) and surface in m.evidence.sentence.lower()
