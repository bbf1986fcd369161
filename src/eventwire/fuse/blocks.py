"""Blocks: which stored mentions a mention may meet in fusion, as cells looked up in an index.

Every way two mentions meet in ``cluster.Clusterer`` needs one type family
and either one story, nearby dates, or nearby places:

* a match (``match_score``): dates within ``DAY_WINDOW`` days, one country;
* a reference back (``_background_fit``): a mention dated only by its article,
  or whose place is not named in its own sentence, or a landmark, or one
  without a precise place, may name an own-dated event up to
  ``BACKGROUND_WINDOW_DAYS`` before it (or ``DAY_WINDOW`` either side): one of
  a compatible place (its country's cells), or, when its place is not named in
  its own sentence, one anywhere whose sentence holds its reference words
  (cells of the week and the word);
* a loose mention (``_joins``): its story, or, undated with a town, any
  report of a compatible place (``SAME_PLACE_KM``, its admin1 region, its country).

A mention *registers* the cells it occupies (``registered``, stored) and
*reaches* the cells where anything it may meet is registered (``reached``,
looked up).  Both sides are built so that when two mentions may meet, each
one reaches a cell the other registers: looking up only the reached cells of
new mentions finds every stored mention they can meet, in either direction.
Cells over-approximate (a week bucket holds reports six days apart): the
clustering itself decides.  Dates fall in buckets of ``BUCKET_DAYS`` days,
places in a grid of ``GRID_DEGREES`` degrees.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from eventwire.fuse.match import (BACKGROUND_WINDOW_DAYS, DAY_WINDOW, SAME_PLACE_KM, TOWN_PRECISIONS, family, place_named,
                                  reference_words, telling_words)
from eventwire.model import Mention, Place

# A week: most reports of one happening fall in one or two buckets, and a mention's
# 90-day reach back is 14 lookups.  Shorter buckets mean more cells per month-dated
# mention; longer ones more candidates per lookup.  Not tuned: the clustering decides.
BUCKET_DAYS = 7
# Grid cells of half a degree (~55 km of latitude) are wider than SAME_PLACE_KM, so
# the neighbouring cells hold every compatible place at low latitudes; toward the
# poles more cells of longitude are reached (see ``_lon_reach``).
GRID_DEGREES = 0.5
KM_PER_DEGREE = 111.32
ANCHOR_PRECISIONS = ("point", "town", "district", "region")


def anchorable(m: Mention) -> bool:
    """Dated and placed at least to its region: it can start an event or be matched against."""
    return m.date is not None and m.place is not None and m.place.precision in ANCHOR_PRECISIONS


def soft(m: Mention) -> bool:
    """Dated only by its article's publication date: a reference to the event may be much later."""
    return m.date is not None and not m.date.text


# Cells whose keys are remembered (``cell_key``): one batch of 1,000 into the 54k --scale database hashes
# 633,831 cells, 47,771 distinct ones (the same weeks, countries and words over and over), so this holds
# about two batches' cells, ~20 MB (tracemalloc, 100k cells).  Set by that count, not tuned.
CELL_KEY_CACHE = 100_000


@lru_cache(maxsize=CELL_KEY_CACHE)
def cell_key(text: str) -> int:
    """A cell as a signed 64-bit integer (the index stores integers, not strings); a pure function of the
    text, remembered (``CELL_KEY_CACHE``): a batch's 633,831 keys took 0.33 CPU s by blake2b, 0.19 so."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@dataclass(frozen=True)
class Cells:
    """``reached`` includes ``referred``: the cells of the events a reference back may name, which
    incremental fusion reads as fixed context instead of deciding again (fuse/incremental.py)."""

    registered: frozenset[str]
    reached: frozenset[str]
    referred: frozenset[str] = frozenset()


def _buckets(start: date, end: date) -> range:
    return range(start.toordinal() // BUCKET_DAYS, end.toordinal() // BUCKET_DAYS + 1)


def _grid(place: Place) -> tuple[int, int]:
    return math.floor(place.lat / GRID_DEGREES), math.floor(place.lon / GRID_DEGREES)


def _lon_reach(lat: float) -> int:
    """Grid columns either side that SAME_PLACE_KM can span at this latitude."""
    cos = math.cos(math.radians(min(89.0, abs(lat) + GRID_DEGREES)))
    return math.ceil(SAME_PLACE_KM / (KM_PER_DEGREE * cos) / GRID_DEGREES)


def _near(place: Place) -> list[tuple[int, int]]:
    row, col = _grid(place)
    k = _lon_reach(place.lat)
    return [(row + dr, col + dc) for dr in (-1, 0, 1) for dc in range(-k, k + 1)]


def refers(m: Mention) -> bool:
    """True when the mention may join an event as a reference back (see module doc)."""
    return m.date is not None and (soft(m) or not place_named(m) or m.landmark or not anchorable(m))


def _dated(m: Mention, fam: str, reg: set[str], reach: set[str], refer: set[str]) -> None:
    country = _country(m)
    buckets = _buckets(m.date.start, m.date.end)
    _dated_registered(m, fam, country, buckets, reg)
    near = _buckets(date.fromordinal(m.date.start.toordinal() - DAY_WINDOW),
                    date.fromordinal(m.date.end.toordinal() + DAY_WINDOW))
    for b in near:
        if country == "?":
            reach.add(f"da|{fam}|{b}")
        else:
            reach.update((f"d|{fam}|{b}|{country}", f"d|{fam}|{b}|?"))
    _later(m, fam, country, near.start, reach)
    if refers(m):
        _refers(m, fam, country, near.stop, refer)


def _dated_registered(m: Mention, fam: str, country: str, buckets: range, reg: set[str]) -> None:
    """The cells a dated mention occupies: its weeks (by country, and for a reference back from
    abroad by the words of its sentence), and as a reference back the cells of what may name it."""
    for b in buckets:
        reg.update((f"d|{fam}|{b}|{country}", f"da|{fam}|{b}"))
    if anchorable(m) and not soft(m):  # what a reference back from abroad may share with it
        words = telling_words(m.evidence.sentence)
        reg.update(_by_word("w", fam, buckets, words))
    if refers(m):  # found by what it may refer back to (``_later``)
        words = _own_reference_words(m)
        for b in buckets:
            reg.update((f"x|{fam}|{b}|{country}", f"xa|{fam}|{b}"))
            reg.update(_by_word("xw", fam, (b,), words))


def _by_word(kind: str, fam: str, buckets, words: frozenset[str]) -> list[str]:
    """The cells ``f"{kind}|{fam}|{b}|{w}"`` of every bucket and word, each bucket's prefix made once: a batch's
    mentions make ~1M of them (the 90 days a mention may be named from, times the words of its sentence)."""
    return [pre + w for b in buckets for pre in (f"{kind}|{fam}|{b}|",) for w in words] if words else []


def _own_reference_words(m: Mention) -> frozenset[str]:
    """The words by which a reference back whose place is not named in its own sentence may name an
    event anywhere (``_background_fit``); none when its place is named."""
    return reference_words(m) if not place_named(m) else frozenset()


def _later(m: Mention, fam: str, country: str, first: int, reach: set[str]) -> None:
    """Whatever may refer back to this mention's event, up to BACKGROUND_WINDOW_DAYS later: from its
    country (or none), or from anywhere by the words of its sentence."""
    later = range(first, date.fromordinal(m.date.end.toordinal() + BACKGROUND_WINDOW_DAYS).toordinal()
                  // BUCKET_DAYS + 1)
    if country == "?":
        reach.update(f"xa|{fam}|{b}" for b in later)
    else:
        reach.update(f"x|{fam}|{b}|{c}" for b in later for c in (country, "?"))
    if anchorable(m) and not soft(m):
        words = telling_words(m.evidence.sentence)
        reach.update(_by_word("xw", fam, later, words))


def _refers(m: Mention, fam: str, country: str, stop: int, refer: set[str]) -> None:
    """A reference back reaches the events it may name (``refer``); it is registered for them to find
    in ``_dated_registered``.

    A reference names an event of a compatible place (its country's cells), or, when
    its place is not named in its own sentence, one anywhere sharing its reference
    words (``_background_fit``): those words are cells too.
    """
    words = _own_reference_words(m)
    earlier = _earlier(m, stop)
    if country != "?":
        refer.update(f"d|{fam}|{b}|{c}" for b in earlier for c in (country, "?"))
    elif m.place is not None and m.place.lat is not None:  # no country: a compatible place may be anywhere
        refer.update(f"da|{fam}|{b}" for b in earlier)
    refer.update(_by_word("w", fam, earlier, words))


def _earlier(m: Mention, stop: int) -> range:
    """The buckets of the events a reference back may name: ``BACKGROUND_WINDOW_DAYS`` before it, to ``stop``."""
    return range(date.fromordinal(m.date.start.toordinal() - BACKGROUND_WINDOW_DAYS).toordinal() // BUCKET_DAYS, stop)


def _country(m: Mention) -> str:
    """The mention's country code, "?" for none."""
    return (m.place.country if m.place is not None else None) or "?"


def _placed(m: Mention, fam: str, reg: set[str], reach: set[str]) -> None:
    p = m.place
    if p is None or p.lat is None:
        return
    _placed_registered(m, fam, reg)
    country = p.country or "?"
    reach.update(f"u|{fam}|{cell}" for cell in _near(p))
    if p.admin1:
        reach.add(f"ua1|{fam}|{country}|{p.admin1}")
    if p.precision == "country":
        reach.add(f"uc|{fam}|{country}")
    if m.date is None and p.precision in TOWN_PRECISIONS:  # what an undated town mention may join
        reach.update(f"g|{fam}|{cell}" for cell in _near(p))
        reach.add(f"pc|{fam}|{country}")
        if p.admin1:
            reach.add(f"a1|{fam}|{country}|{p.admin1}")


def _placed_registered(m: Mention, fam: str, reg: set[str]) -> None:
    """The cells of a placed mention's place; an undated town mention's also say what it may join:
    any report of a compatible place."""
    p = m.place
    if p is None or p.lat is None:
        return
    country = p.country or "?"
    reg.add(f"g|{fam}|{_grid(p)}")
    if p.admin1:
        reg.add(f"a1|{fam}|{country}|{p.admin1}")
    if p.precision == "country":
        reg.add(f"pc|{fam}|{country}")
    if m.date is None and p.precision in TOWN_PRECISIONS:
        reg.add(f"u|{fam}|{_grid(p)}")
        reg.add(f"uc|{fam}|{country}")
        if p.admin1:
            reg.add(f"ua1|{fam}|{country}|{p.admin1}")


def cells(m: Mention, story: str) -> Cells:
    """The cells a mention of ``story`` registers and reaches (see module doc)."""
    fam = family(m.event_type, m.sub_event_type)
    reg, reach, refer = {f"s|{story}"}, {f"s|{story}"}, set()
    if m.date is not None:
        _dated(m, fam, reg, reach, refer)
    _placed(m, fam, reg, reach)
    refer -= reach
    return Cells(frozenset(reg), frozenset(reach | refer), frozenset(refer))


def registered(m: Mention, story: str) -> frozenset[str]:
    """``cells(m, story).registered`` alone, at a fraction of the cost: the reached cells (the 90 days a
    mention may be named from, its neighbours on the grid) are most of the work.  What a stored event
    read as context needs (fuse/incremental.py): it is met, it never looks."""
    fam = family(m.event_type, m.sub_event_type)
    reg = {f"s|{story}"}
    if m.date is not None:
        _dated_registered(m, fam, _country(m), _buckets(m.date.start, m.date.end), reg)
    _placed_registered(m, fam, reg)
    return frozenset(reg)



def _named_weeks(m: Mention) -> range:
    """The buckets where the members a reference back could name (``cluster.Clusterer._kins``) register.

    A mention dated by its article may name what happened up to ``BACKGROUND_WINDOW_DAYS``
    before it; one with its own date only members whose dates are ``dates_compatible`` with
    it, within ``DAY_WINDOW`` days of its own, so a member it could name has a bucket among
    those of its dates widened by ``DAY_WINDOW``.  (Until session 11 an own-dated reference
    looked up the 90 days before too: 46% of the events the bench's references compared, all
    of them giving no kin.)
    """
    if soft(m):
        return _earlier(m, _buckets(m.date.start, date.fromordinal(m.date.end.toordinal() + DAY_WINDOW)).stop)
    return _buckets(date.fromordinal(m.date.start.toordinal() - DAY_WINDOW),
                    date.fromordinal(m.date.end.toordinal() + DAY_WINDOW))


@dataclass(frozen=True)
class Naming:
    """Where the stored events that can weigh in a reference back's choice are registered.

    A reference reaches (``Cells.referred``) every event of its family and country in the
    90 days before it, but an event counts in its choice only through its members it could
    name (``cluster.Clusterer._kins``: own-dated, of its family, in its window), and only when one of
    them shares a reference word with it (``_common_words``, ``shared_reference``) or, for a
    mention dated by its article, stands at a compatible place (``content_overlap`` over the
    ``places_compatible`` ones).  ``words``: the cells of its window where such members
    register those words (``w``: every own-dated, placed mention registers its telling words
    there).  ``places``: the cells where members of a compatible place register (the grid
    around it, its admin1 region, country-wide places), to be met with the referred cells
    (which bound the window); ``None`` when a compatible place can be anywhere in the
    referred cells (a country-wide place, a region with no country).
    """

    words: frozenset[str]
    places: frozenset[str] | None


def naming(m: Mention) -> Naming:
    """The cells that find every stored event that can weigh in ``m``'s choice as a reference back
    (see ``Naming``); ``m`` is dated (``refers``)."""
    own = reference_words(m)  # once: inside the generator it was worked out again for every week
    return Naming(frozenset(pre + w for pre in naming_prefixes(m) for w in own), naming_places(m))


def naming_prefixes(m: Mention) -> list[str]:
    """``Naming.words`` is every reference word of ``m`` after each of these (one a week of its window):
    for a clustering that looks the word cells up one by one (``references.ReferenceFits._word_cells``)."""
    fam = family(m.event_type, m.sub_event_type)
    return [f"w|{fam}|{b}|" for b in _named_weeks(m)]


def naming_places(m: Mention) -> frozenset[str] | None:
    """``Naming.places`` (see there) of a dated mention."""
    p = m.place
    if not soft(m) or p is None or p.lat is None:  # only a mention dated by its article weighs places
        return frozenset()
    if p.precision == "country" or (p.admin1 and not p.country):
        return None
    fam = family(m.event_type, m.sub_event_type)
    country = p.country or "?"
    places = {f"g|{fam}|{cell}" for cell in _near(p)} | {f"pc|{fam}|{c}" for c in (country, "?")}
    if p.admin1:
        places |= {f"a1|{fam}|{c}|{p.admin1}" for c in (country, "?")}
    return frozenset(places)
