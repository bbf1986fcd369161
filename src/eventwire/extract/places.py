"""The place finder: toponyms in text, resolved to GeoNames places.

Why gazetteer-first: spaCy's small model mislabels places (Kursk → PRODUCT,
Tetkino → PERSON), so names are found by matching the gazetteer, and the NER
spans the caller passes only add or withdraw confidence.  The cascade, per
document:

1. **Match.**  Longest gazetteer name starting at each capitalised token (any
   token in all-caps text), up to ``Gazetteer.max_words`` words.  Region and
   county words are part of the name ("Kursk region", "Laurel County").
2. **Qualify.**  "Paris, Texas", "Shebekino, Russia", "Paris, TX": the place
   after the comma restricts the one before it.
3. **Resolve.**  One choice per name per document (a text means one Paris),
   scored as prior (population; countries and regions above towns) plus
   context: how strongly the rest of the document points at each country and
   region, then a second round adding nearness to the places already chosen.
4. **Keep or drop.**  A match that may be a person's or an organisation's
   name is kept only with evidence (NER, context, size); see ``_keep``.

Demonyms ("Russian", "Georgians") are returned as country-precision places
with ``feature="demonym"`` (geoparsing corpora such as LGL annotate them);
"X district of Y" / "Y's X district" keeps X within ``DISTRICT_KM`` of Y.
``Place.name`` is the name English text uses: GeoNames' name when it is plain
ASCII, else the text's own close transliteration ("Tyotkino" for "Tëtkino").

Every ``Place`` records why in ``reason``.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from eventwire import datelines
from eventwire.geo import km
from eventwire.model import Place

from .country_first import country_readings, top_regions
from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, Gazetteer, fold, norm
from .truecase import upper_share
from .vocab import ordered, table, titles, words

# ---------------------------------------------------------------- constants
# Priors are in log10(population) units so that towns compare by size.  A
# country or region name outranks any town of that name unless the context
# says otherwise ("Georgia" with Atlanta nearby is the state).
PRIOR = {COUNTRY: 8.0, ADMIN1: 6.5, FEATURE: 7.5, ADMIN2: 5.0}
MIN_CITY_POP = 100  # floor so that population-less hamlets still compare
# National capitals: bare "Washington" is DC, not the state (6.5); kept small
# so that a capital does not beat a same-named town the context points to.
CAPITAL_BONUS = 0.8
ALT_NAME_PENALTY = 1.5  # a name that is only an alternate (often historic) name
# Context weights, calibrated on LGL (US local news, with spaCy sm NER spans)
# by a coarse grid: W_COUNTRY 0.6 / 1.2 / 2.0 gave recall@161km 0.650 / 0.656
# / 0.644; W_ADMIN1 0.75 / 1.5 / 2.5 gave 0.648 / 0.656 / 0.648.  Nearness
# matters most for towns sharing a name within one country.
W_COUNTRY = 1.2
W_ADMIN1 = 1.5
NEAR_BONUS = ((30.0, 1.5), (100.0, 1.0), (250.0, 0.5))  # (km, bonus)
QUALIFIER_BONUS = 10.0
RESOLVE_ROUNDS = 3  # soft-voting rounds; on LGL 1 round: recall 0.647, 3 rounds: 0.656
# A one-word town with no other evidence is kept only if at least this big:
# below it surnames and first names ("Henry", "Clinton") dominate.  On LGL
# 5k / 20k / 50k gave span precision 0.796 / 0.822 / 0.828 at recall 0.657 /
# 0.656 / 0.655.
STANDALONE_POP = 20000
# "X district of Y": X must lie within this distance of town Y, else X is
# read as an unlisted district of Y and given Y's point.
DISTRICT_KM = 30.0
# Demonyms vote for their country when resolving other names.  On LGL
# with votes: recall@161km 0.710; without: 0.708.
DEMONYM_VOTES = True
# Text whose letters are at least this share upper case is matched
# case-insensitively (wire copy of the 1980s-90s, MUC-4).
UPPER_SHARE = 0.6

# All-caps mode (see ``PlaceFinder._caps_keep``).  Case no longer tells a
# name from a word, so a case-folded match needs support.  Population floors
# for a one-word town, measured on MUC-4 wire copy (bench/caps_places_eval.py):
# one the text's other places agree with (same country) ...
CAPS_AGREE_POP = 20000
# ... one after a locative preposition that no other place agrees with ...
CAPS_PREP_POP = 100000
# ... and one with neither, in a text that names no country at all.
CAPS_ALONE_POP = 1000000
# words before a name that make it the place something happens in or comes from
CAPS_PREPS = words("place_words", "locative_prepositions")
# the prepositions that let an ordinary English word be a place ("IN SPLIT")
CAPS_STRONG_PREPS = words("place_words", "strong_locative_prepositions")
# "the city of X", "X department": nouns that make a neighbouring name a place
CAPS_PLACE_NOUNS = words("place_words", "place_nouns")
# nouns after a name that say it is an administrative place ("CHALATENANGO DEPARTMENT")
CAPS_NAMING_NOUNS = words("place_words", "naming_nouns")
# words right before a name that make it a person's ("PRESIDENT CRISTIANI")

# NER labels the place finder reads (places, and the names that rule a place out): `eventwire places` passes them
NER_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "PRODUCT"}
# mixed case: a lower-case locative preposition (and "the") right before a name: "in Kozinka", "near the Dnipro"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)[ \t]+(?:the[ \t]+)?$")
# A word; "Russia's" stops before the possessive so "Russia" can match.
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-](?!s\b)[^\W\d_]+)*")
_SENT_END = set(".!?:;\"\u201c\u201d\n")
_PLURAL_TO_LOOKUP = table("place_words", "plural_division_nouns")  # "regions" -> "region"
_PLURAL = tuple(_PLURAL_TO_LOOKUP)
_PERSONISH = {"PERSON"}
_NAMEISH = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
_PLACEISH = {"GPE", "LOC", "FAC"}
# A capitalised word right after a town name that makes it a street (not a
# place mention), or an organisation named after the place (still a mention).
_STREET = words("place_words", "street_words")
_ORG_TAIL = words("place_words", "organisation_tails")
# Capitalised words before a name that do not make it a person's name.
_PLACE_HEAD = words("place_words", "place_heads")
# Words right before a name that make it a person's: "Sen. Byrd", "Mr Lincoln".
_PERSON_HEAD = titles("before_names")
CAPS_TITLES = {w.lower() for w in titles("before_names") | titles("in_caps_copy")}


@dataclass
class _Match:
    start: int
    end: int
    key: str
    ids: tuple[int, ...]
    initial: bool  # first word of a sentence
    qualifier: set = field(default_factory=set)  # {(cc, a1)} or {(cc, None)}
    qual_text: str = ""
    ner: str | None = None  # label of an NER span equal to this match
    in_name: str | None = None  # label of a longer NER name that contains it
    street: bool = False  # "Dublin Road"
    person_before: bool = False  # "Sen. Byrd", "Raquel Henry"
    person_after: bool = False  # "Jordan Brown": followed by a capitalised non-place word
    group: str = ""  # key used to share one resolution per document
    demonym: bool = False  # "Russian", "Georgians": names the country's people
    person_next: bool = False  # directly followed by an NER PERSON span: "Volodymyr Artiukh"
    person_named: bool = False  # right after a title or a given name: "Senator Jackson", "Mark Jackson"
    district_of: "_Match | None" = None  # "the Kyivskyi district of Kharkiv": Kharkiv's match
    district_kind: str = ""  # "filtered": candidates kept near Y; "unlisted": Y's own point
    # all-caps mode only (see PlaceFinder._caps_marks)
    common: bool = False  # every word an ordinary English word: "FRONT", "THE CITY"
    prep: bool = False  # after "IN", "NEAR", "THE CITY OF", before "DEPARTMENT", or listed with such a place
    dateline: bool = False  # "SAN SALVADOR, 10 JAN 90 (EFE) --"
    strong_prep: bool = False  # right after "IN", "AT", "NEAR" ("TO ARREST", "FROM THE START" are not)
    named_as: str = ""  # "CHALATENANGO DEPARTMENT": the text says what kind of place it is


class PlaceFinder:
    """Finds and resolves toponyms.  Build once with a :class:`Gazetteer`; call ``find``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._dem_first = {k.split()[0] for k in gazetteer.demonyms}  # cheap pre-test per token

    # ------------------------------------------------------------ public
    def find(self, text: str, ner_spans: Sequence[tuple[int, int, str]] = ()) -> list[Place]:
        """Every toponym in ``text``, in text order, resolved and with its reason."""
        if not text:
            return []
        upper = _mostly_upper(text)
        matches = self._match(text, upper)
        if not matches:
            return []
        self._attach_ner(matches, ner_spans, text)
        self._qualify(text, matches, upper)
        if upper:
            return self._find_upper(text, matches)
        if not upper:
            matches = self._districts(text, matches)
            for m in matches:
                m.strong_prep = _LOCATIVE_BEFORE.search(text, max(0, m.start - 16), m.start) is not None
        choice, why = self._resolve(matches)
        self._check_districts(matches, choice)
        # one sense per text: a name used once as a person's is a person's throughout
        personal = {m.group for m in matches if m.in_name in _PERSONISH or m.person_before}
        named_person = {m.group for m in matches if m.in_name in _PERSONISH or m.person_named}
        out = []
        for m in matches:
            i = choice.get(id(m))
            if i is None:
                continue
            ok, keep_why = self._keep(m, i, why[id(m)], bool(ner_spans), upper, m.group in personal, text,
                                      m.group in named_person)
            if ok:
                out.append(self._place(text, m, i, f"{why[id(m)][0]}; {keep_why}", upper))
        return out

    # ------------------------------------------------------------ 1. match
    def _match(self, text: str, upper: bool) -> list[_Match]:
        g = self.gaz
        toks = [(t.start(), t.end()) for t in _TOKEN.finditer(text)]
        lookup = g.lookup_folded if upper else g.lookup
        out: list[_Match] = []
        i, n = 0, len(toks)
        while i < n:
            s0 = toks[i][0]
            if not upper and not text[s0].isupper():
                i += 1
                continue
            found = None
            for j in range(min(n, i + g.max_words) - 1, i - 1, -1):
                e = toks[j][1]
                if j > i and not upper and not (text[toks[j][0]].isupper() or text[toks[j][0]:e] in _SUFFIX_WORDS):
                    continue
                if j > i and _breaks(text, toks[i][1], toks[j][0], upper):
                    continue
                key = norm(text[s0:e])
                ids = lookup(key)
                if e < len(text) and text[e] == "." and (j > i or len(key) <= 4):
                    dotted = lookup(key + ".")  # "U.S.", "Tex.", "D.C."
                    if dotted:
                        ids, key, e = dotted, key + ".", e + 1
                if ids:
                    found = (j, e, key, ids)
                    break
            dem = None if upper else self._demonym_at(text, toks, i)
            if dem is not None and (found is None or dem[0] > found[0]):
                j, e, key = dem
                out.append(_Match(s0, e, key, (g.demonyms[key],), _initial(text, s0), group=key, demonym=True))
                i = j + 1
                continue
            if found is None:
                i += 1
                continue
            j, e, key, ids = found
            if upper and len(key) <= 3 and " " not in key:  # "US", "IN", "ME" in caps text
                i = j + 1
                continue
            out.append(_Match(s0, e, key, ids, _initial(text, s0), group=key))
            i = j + 1
            while i < n and toks[i][0] < e:
                i += 1
        if not upper:
            self._hyphenated(text, toks, out)
            self._datelines(text, out)
        self._plural_regions(text, out, upper)
        if not upper:
            starts = {m.start for m in out}
            for m in out:
                _neighbours(text, m, starts)
        return out

    def _demonym_at(self, text: str, toks: list[tuple[int, int]], i: int) -> tuple[int, int, str] | None:
        """Longest demonym ("South Korean", "Russians") starting at token ``i``: (last token, end, key)."""
        dem = self.gaz.demonyms
        if text[toks[i][0]:toks[i][1]] not in self._dem_first:
            return None
        for j in range(min(len(toks), i + 3) - 1, i - 1, -1):
            if j > i and _breaks(text, toks[i][1], toks[j][0]):
                continue
            key = norm(text[toks[i][0]:toks[j][1]])
            if key in dem:
                return j, toks[j][1], key
        return None

    def _hyphenated(self, text: str, toks: list[tuple[int, int]], out: list[_Match]) -> None:
        """'Egyptian-US relations', 'Russian-American crew', 'Gori-based': the parts are mentions.

        Taken from inside a hyphenated word: demonyms and country names, and
        other place names before a lowercase tail ("-based", "-controlled");
        never after a head that makes an ethnic term of it ("African-American").
        """
        g = self.gaz
        taken = [(m.start, m.end) for m in out]
        added = False
        for s0, e0 in toks:
            word = text[s0:e0]
            if "-" not in word or any(a < e0 and s0 < b for a, b in taken):
                continue
            pos, prev = s0, ""
            for part in word.split("-"):
                ps, pe = pos, pos + len(part)
                pos = pe + 1
                if not part[:1].isupper() or prev in _HYPHEN_HEAD:
                    prev = part
                    continue
                prev = part
                if part in g.demonyms:
                    out.append(_Match(ps, pe, part, (g.demonyms[part],), False, group=part, demonym=True))
                    added = True
                    continue
                ids = g.lookup(part)
                if ids and not any(g.kind[i] == COUNTRY for i in ids):
                    # a town only before a lowercase tail: "Gori-based", "Kharkiv-born"
                    nxt = text[pe + 1:pe + 2]
                    if not (text[pe:pe + 1] == "-" and nxt.islower()) or part.casefold() in g.stopnames:
                        continue
                    out.append(_Match(ps, pe, part, ids, False, group=part))
                    added = True
                elif ids:
                    ids = tuple(i for i in ids if g.kind[i] == COUNTRY)
                    out.append(_Match(ps, pe, part, ids, False, group=part, ner="GPE"))
                    added = True
        if added:
            out.sort(key=lambda m: m.start)

    def _datelines(self, text: str, out: list[_Match]) -> None:
        """'KYIV, Ukraine (AP) —': a place name in capitals opening a story or paragraph."""
        taken = [(m.start, m.end) for m in out]
        for d in datelines.PLACE_ANYWHERE.finditer(text):
            s, e = d.span(1)
            if any(a < e and s < b for a, b in taken):
                continue
            key = norm(d.group(1))
            ids = self.gaz.lookup_folded(key)
            if ids and key.casefold() not in self.gaz.stopnames:
                out.append(_Match(s, e, key.title(), ids, True, group=key.title(), ner="GPE"))
        out.sort(key=lambda m: m.start)

    def _plural_regions(self, text: str, ms: list[_Match], upper: bool) -> None:
        """'Kursk and Belgorod regions': the first name is a region too."""
        for a, b in zip(ms, ms[1:]):
            last = b.key.rsplit(" ", 1)[-1].lower()
            if last not in _PLURAL or not re.fullmatch(r"\s*(,|and|,\s*and|or)\s*", text[a.end:b.start]):
                continue
            word = _PLURAL_TO_LOOKUP[last]
            ids = (self.gaz.lookup_folded if upper else self.gaz.lookup)(f"{a.key} {word}")
            if ids:
                a.ids, a.group = ids, f"{a.key} {word}"

    # ------------------------------------------------------------ NER
    @staticmethod
    def _attach_ner(ms: list[_Match], spans: Sequence[tuple[int, int, str]], text: str) -> None:
        if not spans:
            return
        person_starts = {s for s, _e, label in spans if label in _PERSONISH}
        for m in ms:
            nxt = re.match(r"[ \t]+", text[m.end:m.end + 4])
            if nxt and m.end + nxt.end() in person_starts:
                m.person_next = True
            for s, e, label in spans:
                if e <= m.start or s >= m.end:
                    continue
                # strip a leading "the" and trailing possessive from the span
                if s <= m.start and e >= m.end and (
                    (s, e) == (m.start, m.end) or not text[s:e].strip().replace("the ", "").replace("'s", "")
                    or norm(text[s:e]).removeprefix("the ").removesuffix("'s") == m.key
                ):
                    m.ner = label
                elif s <= m.start and e >= m.end:
                    m.in_name = label if m.in_name is None or label in _PERSONISH else m.in_name
                elif label in _PLACEISH:
                    m.ner = m.ner or label

    # ------------------------------------------------------------ 2. qualify
    def _qualify(self, text: str, ms: list[_Match], upper: bool) -> None:
        g = self.gaz
        for a, b in zip(ms, ms[1:]):
            if not re.fullmatch(r",\s*", text[a.end:b.start]):
                continue
            qual = {(g.cc[i], g.a1[i] if g.kind[i] == ADMIN1 else None)
                    for i in b.ids if g.kind[i] in (ADMIN1, COUNTRY)}
            if qual and any(_within(g, i, qual) for i in a.ids):
                a.qualifier, a.qual_text = qual, b.key
                a.group = f"{a.key}|{b.key}"
        for m in ms:  # "Paris, TX"
            if m.qualifier:
                continue
            post = re.match(r",\s*([A-Z]{2})\b", text[m.end:m.end + 5])
            if post and ("US", post.group(1)) in g.admin1_ids and not upper:
                q = {("US", post.group(1))}
                if any(_within(g, i, q) for i in m.ids):
                    m.qualifier, m.qual_text = q, post.group(1)
                    m.group = f"{m.key}|{post.group(1)}"

    # ------------------------------------------------------------ 2b. districts
    def _districts(self, text: str, ms: list[_Match]) -> list[_Match]:
        """'the Kyivskyi district of Kharkiv', "Kharkiv's Kyivskyi district": X lies in Y.

        A matched X keeps only readings inside Y (within ``DISTRICT_KM`` of a
        town Y, in region or country Y); with none left, or when X is no
        gazetteer name at all, the district is read as Y itself.
        """
        starts = {m.start: m for m in ms}
        extra: list[_Match] = []
        for y in ms:
            if y.demonym:
                continue
            before = _DISTRICT_OF.search(text, max(0, y.start - 80), y.start)
            after = _OWN_DISTRICT.match(text, y.end)
            for hit in (before, after):
                if hit is None:
                    continue
                xs, xe = hit.span("x")
                x = starts.get(xs)
                if x is not None and x.end <= hit.end("word") and not x.demonym:
                    self._constrain(x, y)
                elif not any(m.start < hit.end("word") and hit.start("x") < m.end for m in ms):
                    extra.append(_Match(xs, hit.end("word"), y.key, y.ids, _initial(text, xs), group=y.group,
                                        ner="GPE", district_of=y, district_kind="unlisted",
                                        qualifier=y.qualifier, qual_text=y.qual_text))
        return sorted(ms + extra, key=lambda m: m.start) if extra else ms

    def _constrain(self, x: _Match, y: _Match) -> None:
        """Keep X's readings inside Y; with none, X is read as Y."""
        inside = tuple(i for i in x.ids if any(self._inside(i, j) for j in y.ids))
        x.district_of = y
        if inside:
            x.ids, x.group, x.district_kind = inside, f"{x.group}|in|{y.group}", "filtered"
        else:
            x.ids, x.group, x.district_kind = y.ids, y.group, "unlisted"
            x.key, x.qualifier, x.qual_text = y.key, y.qualifier, y.qual_text

    def _inside(self, i: int, j: int) -> bool:
        """Is reading ``i`` of a district inside reading ``j`` of its town, region or country?"""
        g = self.gaz
        if i == j or g.lat[i] is None:
            return False
        kj = g.kind[j]
        if kj == COUNTRY:
            return g.cc[i] == g.cc[j]
        if kj == ADMIN1:
            return g.cc[i] == g.cc[j] and g.a1[i] == g.a1[j]
        return g.lat[j] is not None and km(g.lat[i], g.lon[i], g.lat[j], g.lon[j]) <= DISTRICT_KM

    def _check_districts(self, ms: list[_Match], choice: dict[int, int]) -> None:
        """After resolution: a district whose reading is not inside its town's takes the town's."""
        for x in ms:
            y = x.district_of
            if y is None or x.district_kind != "filtered" or id(x) not in choice or id(y) not in choice:
                continue
            if not self._inside(choice[id(x)], choice[id(y)]):
                choice[id(x)] = choice[id(y)]
                x.district_kind = "unlisted"

    # ------------------------------------------------------------ 3. resolve
    def _prior(self, i: int, key: str) -> float:
        g = self.gaz
        k = g.kind[i]
        if k != CITY:
            return PRIOR[k]
        p = math.log10(max(g.pop[i], MIN_CITY_POP))
        if i in g.capital:
            p += CAPITAL_BONUS
        nm = g.name[i]
        if key != nm and fold(key).casefold() != fold(nm).casefold():
            p -= ALT_NAME_PENALTY
        return p

    def _resolve(self, ms: list[_Match]):
        """One reading per group of equal names, by a few rounds of soft voting.

        Round 0 weighs each group's readings by prior alone; every later
        round lets the other groups' current beliefs vote for countries and
        regions, and adds nearness to their current best points.  Votes are
        soft (a 2M-person Paris and a 25k-person Paris share one vote) so one
        wrong early choice does not lock in.
        """
        g = self.gaz
        groups: dict[str, list[_Match]] = {}
        for m in ms:
            groups.setdefault(m.group, []).append(m)
        priors: dict[str, dict[int, float]] = {}
        for gk, gm in groups.items():
            ids = gm[0].ids
            if gm[0].qualifier:
                ids = tuple(i for i in ids if _within(g, i, gm[0].qualifier)) or ids
            priors[gk] = {i: self._prior(i, gm[0].key) for i in ids}
        self._country_first(groups, priors)
        mult = {gk: 1.0 + math.log(len(gm)) for gk, gm in groups.items()}
        belief = {gk: _softmax(pr) for gk, pr in priors.items()}
        info: dict[str, dict[int, dict]] = {}
        scores: dict[str, dict[int, float]] = dict(priors)
        for _ in range(RESOLVE_ROUNDS):
            votes = {}
            tot_c: dict[str, float] = {}
            tot_a: dict[tuple, float] = {}
            for gk, b in belief.items():
                vc: dict[str, float] = {}
                va: dict[tuple, float] = {}
                if not DEMONYM_VOTES and groups[gk][0].demonym:
                    votes[gk] = (vc, va)
                    continue
                for i, w in b.items():
                    if g.cc[i]:
                        vc[g.cc[i]] = vc.get(g.cc[i], 0.0) + w * mult[gk]
                    if g.a1[i] and g.kind[i] != COUNTRY:
                        a = (g.cc[i], g.a1[i])
                        va[a] = va.get(a, 0.0) + w * mult[gk]
                votes[gk] = (vc, va)
                for c, v in vc.items():
                    tot_c[c] = tot_c.get(c, 0.0) + v
                for a, v in va.items():
                    tot_a[a] = tot_a.get(a, 0.0) + v
            points = {}
            for gk, b in belief.items():
                i = max(b, key=b.get)
                if g.kind[i] in (CITY, ADMIN2, FEATURE) and g.lat[i] is not None:
                    points[gk] = (g.lat[i], g.lon[i])
            for gk, pr in priors.items():
                own_c, own_a = votes[gk]
                sc, inf = {}, {}
                for i, p in pr.items():
                    c = g.cc[i]
                    ctx_c = max(tot_c.get(c, 0.0) - own_c.get(c, 0.0), 0.0) if c else 0.0
                    ctx_a = 0.0
                    if g.a1[i] and g.kind[i] != COUNTRY:
                        a = (c, g.a1[i])
                        ctx_a = max(tot_a.get(a, 0.0) - own_a.get(a, 0.0), 0.0)
                    s = p + W_COUNTRY * math.log1p(ctx_c) + W_ADMIN1 * math.log1p(ctx_a)
                    near = 0.0
                    if g.kind[i] in (CITY, ADMIN2, FEATURE) and g.lat[i] is not None:
                        near = _near(g.lat[i], g.lon[i], [pt for ok, pt in points.items() if ok != gk])
                    q = bool(groups[gk][0].qualifier) and _within(g, i, groups[gk][0].qualifier)
                    sc[i] = s + near + (QUALIFIER_BONUS if q else 0.0)
                    inf[i] = dict(prior=p, ctx_c=ctx_c, ctx_a=ctx_a, near=near, qual=q, n=len(groups[gk][0].ids))
                scores[gk], info[gk] = sc, inf
            belief = {gk: _softmax(sc) for gk, sc in scores.items()}
        choice, why = {}, {}
        for gk, gm in groups.items():
            best = max(scores[gk], key=scores[gk].get)
            inf = info[gk][best] if gk in info else dict(prior=priors[gk][best], ctx_c=0, ctx_a=0, near=0,
                                                        qual=False, n=len(gm[0].ids))
            inf["margin"] = belief[gk][best]
            for m in gm:
                choice[id(m)] = best
                why[id(m)] = (self._why(gm[0], best, inf), inf)
        return choice, why

    def _country_first(self, groups: dict[str, list[_Match]], priors: dict[str, dict[int, float]]) -> None:
        """An unqualified country name keeps only its country reading (country_first.py says when not)."""
        tops = top_regions(self.gaz, priors)
        for gk, gm in groups.items():
            if gm[0].qualifier or gm[0].demonym:
                continue
            others = {r for ok, r in tops.items() if ok != gk and r is not None}
            keep = country_readings(self.gaz, priors[gk], others)
            if keep:
                priors[gk] = {i: priors[gk][i] for i in keep}

    def _why(self, m: _Match, i: int, info: dict) -> str:
        g = self.gaz
        bits = [f"gazetteer '{m.key}' ({info['n']} candidate{'s' if info['n'] != 1 else ''})"]
        if info["qual"]:
            bits.append(f"qualified by '{m.qual_text}'")
        if g.kind[i] == CITY:
            bits.append(f"pop {g.pop[i]:,}")
        if info["ctx_c"] >= 0.5 and info["n"] > 1:
            bits.append(f"text points to {g.cc[i]} ({info['ctx_c']:.1f})")
        if info["ctx_a"] >= 0.5 and info["n"] > 1:
            bits.append(f"and to {g.admin1_name(g.cc[i], g.a1[i])} ({info['ctx_a']:.1f})")
        if info["near"]:
            bits.append("near other places in the text")
        return ", ".join(bits)

    # ------------------------------------------------------------ 4. keep
    def _keep(self, m: _Match, i: int, why: tuple[str, dict], have_ner: bool, upper: bool,
              person_elsewhere: bool = False, text: str = "", named_person: bool = False) -> tuple[bool, str]:
        """Is this match a place at all, given its chosen reading?

        Order matters: street names and people first (no reading of "Henry"
        in "Raquel Henry" is a place), then NER's word, then size and context.
        Towns inside organisation names ("Dublin City Council") are places:
        the organisation is there.
        """
        g = self.gaz
        info = why[1]
        k = g.kind[i]
        multi = " " in m.key
        support = info["qual"] or info["near"] > 0 or info["ctx_a"] >= 0.5
        # few readings and the text agrees: a village NER took for a person
        strong = info["qual"] or (info["n"] <= 2 and support)
        if m.demonym:
            return self._keep_demonym(m, text)
        if m.district_of is not None:
            return True, f"district of {m.district_of.key}"
        if m.street:
            return False, "part of a street name"
        if info["qual"]:
            return True, "qualified"
        if m.person_next and not multi and m.ner not in _PLACEISH:
            return False, "followed by a person's name (NER)"
        if m.person_after and not multi and m.key in g.first_names:
            return False, "a first name followed by a surname"
        if m.in_name in _PERSONISH:
            return False, "inside a person's name"
        if m.person_before and m.ner not in _PLACEISH and m.in_name not in _PLACEISH:
            return False, "after a title or first name"
        if m.ner in _PLACEISH:
            return True, f"NER {m.ner}"
        if m.ner in _PERSONISH and (k == CITY and not (strong or support and not person_elsewhere) or m.person_after):
            return False, "NER says person"
        if k in (ADMIN1, ADMIN2) and have_ner and not multi and info["ctx_c"] < 0.5:
            return False, "region of a country the text does not mention"
        if k != CITY:
            if not have_ner and m.person_after and not multi and k != COUNTRY:
                return False, "followed by a name"
            return True, f"{k} name"
        if not have_ner and m.person_after and not multi:
            return False, "followed by a name"
        if not have_ner and named_person and not multi:
            return False, "a person's name elsewhere in the text"  # "Senator Jackson ... Jackson said"
        if multi:
            return True, "multi-word name"
        big = g.pop[i] >= STANDALONE_POP
        if m.in_name:
            return (True, f"in {m.in_name} name, context") if support or big else (False, f"inside {m.in_name} name")
        if m.ner in _NAMEISH and m.ner not in _PERSONISH:
            # a sizeable town the text supports is a metonym ("Huntsville beat Madison"),
            # which LGL annotates: on LGL recall@161km 0.751 -> 0.765, span precision 0.823 -> 0.824
            # (support alone: 0.768 / 0.817; size alone: 0.768 / 0.814)
            return (True, "NER ORG, but a large town the text supports") if strong or support and big \
                else (False, f"NER {m.ner}")
        if upper and not big and not support:
            return False, "small one-word town in all-caps text"
        if support:
            return True, "context"
        if big and (not m.initial or info["ctx_c"] >= 1.0):
            return True, "large town"
        if m.strong_prep and not upper and m.ner is None and not m.person_after:
            # "clashed ... in Kozinka": the syntax places it, where NER would have (extraction parses without NER)
            return True, "after a locative preposition"
        return False, "one-word town without support"

    @staticmethod
    def _keep_demonym(m: _Match, text: str) -> tuple[bool, str]:
        """'Russian forces' is a mention of Russia; 'Monica French', 'Native American' are not.

        A demonym opening an organisation's name ("Russian Volunteer Corps",
        "Georgian Interior Ministry") is kept: LGL annotates 23 of its 36
        such cases (not "American Red Cross", "French President Nicolas
        Sarkozy"; yes "Canadian Coast Guard", "Egyptian President Hosni
        Mubarak"); dropping them cost recall@161km 0.723 -> 0.710 for span
        precision 0.822 -> 0.825.  Event extraction ignores demonyms anyway.
        """
        if m.in_name in _PERSONISH or m.ner in _PERSONISH:
            return False, "inside a person's name"
        before = re.search(r"([A-Z][\w'\u2019]*)[ \t]+$", text[max(0, m.start - 30):m.start])
        if before and (before.group(1) in _DEMONYM_HEAD or m.person_before and before.group(1) not in _PLACE_HEAD):
            return False, f"after '{before.group(1)}'"
        return True, "demonym"

    # ------------------------------------------------------------ all-caps mode
    def _find_upper(self, text: str, matches: list[_Match]) -> list[Place]:
        """Steps 3-4 for all-capitals text, where every word is a candidate.

        a. Mark each match (``_caps_marks``): ordinary English word(s),
           locative support, dateline, part of a person's name.
        b. Drop people's names (one sense per text: a name once a person's is
           a person's throughout) and English words without locative support,
           before they can vote in resolution.
        c. Resolve; keep by ``_caps_keep`` against the countries the text
           itself names (country names, datelines, qualifiers).
        d. Resolve again with only the kept matches voting, and keep again.
        """
        persons = self._caps_marks(text, matches)
        kept = [m for m in matches if (m.group not in persons and (not m.common or m.prep))
                or m.dateline or m.qualifier or m.named_as]
        result: list[tuple[_Match, int, str]] = []
        for _ in range(2):
            if not kept:
                return []
            choice, why = self._resolve(kept)
            anchors = self._caps_anchors(kept, choice)
            result = []
            for m in kept:
                ok, keep_why = self._caps_keep(m, choice[id(m)], anchors)
                if ok:
                    result.append((m, choice[id(m)], f"{why[id(m)][0]}; {keep_why}"))
            kept = [m for m, _, _ in result]
        return [self._place(text, m, i, reason, True) for m, i, reason in result]

    def _caps_marks(self, text: str, ms: list[_Match]) -> set[str]:
        """Set ``common``/``prep``/``dateline`` on each match; return the groups used as people's names."""
        from .truecase import is_common_word, is_english_word

        g = self.gaz
        given = _given_names()
        spans = [(m.start, m.end) for m in ms]

        def in_match(pos: int) -> bool:
            return any(a <= pos < b for a, b in spans)

        def name_like(m: _Match) -> bool:  # a one-word match that may be part of a person's name
            return " " not in m.key and not any(g.kind[i] == COUNTRY for i in m.ids) \
                and not is_common_word(m.key)

        persons: set[str] = set()
        # two one-word matches side by side with no place word between ("DIANA MONTOYA"): a name
        for a, b in zip(ms, ms[1:]):
            if name_like(a) and name_like(b) and _CAPS_GLUE.fullmatch(text, a.end, b.start):
                persons |= {a.group, b.group}
        prev_m: _Match | None = None
        for m in ms:
            words = m.key.lower().split()
            country = any(g.kind[i] == COUNTRY for i in m.ids)
            m.common = not country and (all(is_common_word(w) for w in words)
                                        or len(words) == 1 and words[0] in g.stopnames)
            pw = _CAPS_PREV.search(text, max(0, m.start - 60), m.start)
            nw = _CAPS_NEXT.match(text, m.end)
            prev = pw.group(1).lower() if pw else ""
            nxt = nw.group(1).lower() if nw else ""
            prev2 = _CAPS_PREV.search(text, max(0, pw.start() - 60), pw.start(1)) if pw else None
            m.dateline = bool(_CAPS_PARA_START.search(text, max(0, m.start - 10), m.start) or not text[:m.start].strip()) \
                and bool(datelines.WIRE_TAIL.match(text, m.end))
            listed = prev_m is not None and prev_m.prep and bool(_CAPS_LIST_GAP.fullmatch(text, prev_m.end, m.start))
            m.strong_prep = prev in CAPS_STRONG_PREPS
            m.named_as = nxt if nxt in CAPS_NAMING_NOUNS and not m.common else ""
            m.prep = (prev in CAPS_PREPS or nxt in CAPS_PLACE_NOUNS or listed
                      or prev == "of" and prev2 is not None and prev2.group(1).lower() in CAPS_PLACE_NOUNS)
            prev_m = m
            if country or len(words) > 1 and not (prev in given or prev in CAPS_TITLES):
                continue
            # a person's name: after a given name or title ("ALFREDO CRISTIANI", "PRESIDENT BUSH"),
            # a given name before a name ("LUIS CARLOS GALAN"), or next to a word no dictionary
            # knows ("OQUELI COLINDRES") that is no place itself
            person = prev in given or prev in CAPS_TITLES or (
                prev2 is not None and prev2.group(1).lower() in given and not is_common_word(prev))
            if not person and words[0] in given and nw is not None:
                person = nxt in given or not is_common_word(nxt) and nxt not in CAPS_PLACE_NOUNS
            if not person and pw is not None and prev not in CAPS_PREPS and not in_match(pw.start(1)):
                person = not is_english_word(prev)
            if not person and nw is not None and not in_match(nw.start(1)) and nxt not in CAPS_PLACE_NOUNS:
                person = not is_english_word(nxt)
            if person:
                persons.add(m.group)
        return persons

    def _caps_anchors(self, ms: list[_Match], choice: dict[int, int]) -> dict[str, set[str]]:
        """Countries the text names for sure (country names, datelines, qualifiers, regions after a preposition),
        each with the groups that name it (a match never agrees with itself)."""
        g = self.gaz
        out: dict[str, set[str]] = {}
        for m in ms:
            i = choice[id(m)]
            if g.cc[i] and (g.kind[i] == COUNTRY or m.dateline or m.qualifier
                            or g.kind[i] == ADMIN1 and m.prep and not m.common):
                out.setdefault(g.cc[i], set()).add(m.group)
        return out

    def _caps_keep(self, m: _Match, i: int, anchors: dict[str, set[str]]) -> tuple[bool, str]:
        """Is a case-folded match a place?  It needs support, more the more ordinary its words."""
        g = self.gaz
        k = g.kind[i]
        agree = bool(anchors.get(g.cc[i], set()) - {m.group})
        named = {c for c, groups in anchors.items() if groups - {m.group}}  # countries other matches name
        if m.qualifier:
            return True, "qualified"
        if m.dateline:
            return True, "dateline"
        if m.named_as and (agree or not named):  # "ESCALON NEIGHBORHOOD" of a Salvadoran story is not in the US
            return True, f"named as a {m.named_as}"
        if k == COUNTRY:
            return True, "country name"
        if m.common:  # "IN FRONT OF", "AT DAWN", "TO ARREST": words first
            if m.strong_prep and agree and (k != CITY or g.pop[i] >= CAPS_AGREE_POP):
                return True, "English word, but after 'in/at/near' and in a country the text names"
            return False, "an English word in all-caps text"
        if k == FEATURE and " " in m.key:  # hand-listed: "LATIN AMERICA", "CARIBBEAN SEA"
            return True, "multi-word feature name"
        if k != CITY:
            if agree or m.prep:
                return True, f"{k} name, " + ("in a country the text names" if agree else "after a preposition")
            return False, f"{k} name without support in all-caps text"
        pop = g.pop[i]
        if " " in m.key:
            # a small namesake abroad ("SAN ANTONIO ABAD" read in Spain by a Salvadoran story) needs
            # the text to name no country at all
            if agree or pop >= CAPS_PREP_POP or m.prep and not named:
                return True, "multi-word name, " + ("in a country the text names" if agree else
                                                    "after a preposition" if m.prep else "large town")
            return False, "multi-word name without support in all-caps text"
        if agree and (m.prep or pop >= CAPS_AGREE_POP):
            return True, "in a country the text names, " + ("after a preposition" if m.prep else "large town")
        if m.prep and pop >= CAPS_PREP_POP:
            return True, "large town after a preposition"
        if not named and pop >= CAPS_ALONE_POP:
            return True, "very large town"
        return False, "one-word town without support in all-caps text"

    # ------------------------------------------------------------ output
    def _display_name(self, i: int, key: str, upper: bool) -> str:
        """The name English text uses: GeoNames' when plain, else the text's close spelling."""
        g = self.gaz
        nm = g.name[i]
        if g.kind[i] not in (CITY, ADMIN2) or _PLAIN_NAME.fullmatch(nm):
            return nm
        plain = _asciify(nm)
        surface = key.title() if upper else key
        if _PLAIN_NAME.fullmatch(surface) and _close(surface, plain):
            return surface
        return plain

    def _place(self, text: str, m: _Match, i: int, reason: str, upper: bool = False) -> Place:
        g = self.gaz
        k = g.kind[i]
        if m.demonym:  # a country's (or a region's) centre, as GeoNames gives it
            e = g.entry(i)
            admin1 = g.name[i] if k == ADMIN1 else (g.admin1_name(e.country, e.admin1_code) if k != COUNTRY else None)
            return Place(name=e.name, country=e.country, admin1=admin1, lat=e.lat, lon=e.lon,
                         precision=e.precision, geonames_id=e.geonames_id, start=m.start, end=m.end,
                         surface=text[m.start:m.end], reason=f"demonym of {e.name}; {reason}",
                         feature="demonym")
        if k == ADMIN1:
            admin1 = g.name[i]
        elif k == COUNTRY:
            admin1 = None
        else:
            admin1 = g.admin1_name(g.cc[i], g.a1[i])
        e = g.entry(i)
        name = self._display_name(i, m.key, upper)
        if m.district_kind == "unlisted":
            reason = f"district of '{m.district_of.key}' not in the gazetteer: read as the town; {reason}"
        return Place(
            name=name, country=e.country, admin1=admin1, lat=e.lat, lon=e.lon,
            precision=e.precision, geonames_id=e.geonames_id, start=m.start, end=m.end,
            surface=text[m.start:m.end], reason=reason,
        )


# ---------------------------------------------------------------- helpers
_SUFFIX_WORDS = words("place_words", "name_suffix_words")


# all-caps mode: the word before / after a match (spaces and one line break between)
_CAPS_PREV = re.compile(r"([^\W\d_]+)[ \t]*\n?[ \t]*\Z")
_CAPS_NEXT = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_]+)")
_CAPS_GLUE = re.compile(r"[ \t]+\n?[ \t]*|\n[ \t]*")
_CAPS_PARA_START = re.compile(r"\n[ \t]*\n[ \t]*\Z")
# what follows a dateline's place: "SAN SALVADOR, 10 JAN 90", "BOGOTA (EFE) --"
_CAPS_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from .truecase import _data_lines

    return frozenset(_data_lines("given_names.txt"))


def _mostly_upper(text: str) -> bool:
    letters, share = upper_share(text)
    return letters >= 20 and share >= UPPER_SHARE


def _initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0'\"(\u2018\u201c":
        k -= 1
    return k < 0 or text[k] in _SENT_END


def _breaks(text: str, a: int, b: int, upper: bool = False) -> bool:
    """Punctuation between two words that no place name spans.

    In all-caps wire copy lines are wrapped inside sentences ("LATIN\nAMERICA"),
    so there a single line break (not a blank line) joins words too.
    """
    gap = text[a:b]
    if upper and "\n" in gap and gap.count("\n") == 1 and not gap.strip(" \t\n"):
        gap = gap.replace("\n", " ")
    return any(c in gap for c in ",;:()[]\n\"\u201c\u201d!?") or ". " in gap and not re.search(r"\b(St|Ft|Mt)\. $", text[max(0, a - 3):b])


def _neighbours(text: str, m: _Match, starts: set[int]) -> None:
    """Flag matches glued to other capitalised words: streets and people."""
    after = re.match(r"[ \t]+([A-Z][\w'\u2019]*)", text[m.end:m.end + 40])
    if after:
        w = after.group(1).rstrip(".")
        if w in _STREET:
            m.street = True
        elif w not in _ORG_TAIL and w not in ("And", "The", "I") and m.end + after.start(1) not in starts:
            m.person_after = True
    before = re.search(r"([A-Z][\w'\u2019]*)\.?[ \t]+$", text[max(0, m.start - 40):m.start])
    if before:
        w = before.group(1)
        b0 = before.start() + max(0, m.start - 40)
        if w in _PERSON_HEAD or (not _initial(text, b0) and w not in _PLACE_HEAD and b0 not in starts):
            m.person_before = True
        # the strong kind of evidence: a title or a given name ("Senator Jackson", "Mark Jackson"),
        # not any capitalised word ("New Moscow")
        m.person_named = w in _PERSON_HEAD or w.lower() in _given_names()


# "the Kyivskyi district of Kharkiv" (ends where Y starts) and "Kharkiv's
# Kyivskyi district" (starts where Y ends).
_X = r"(?P<x>[A-Z][\w'\u2019\-]+(?:[ \t][A-Z][\w'\u2019\-]+)?)"
_DWORD = r"(?P<word>[ \t](?:[Dd]istrict|[Rr]aion|[Rr]ayon|neighbou?rhood|microdistrict))"
_DISTRICT_OF = re.compile(_X + _DWORD + r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+(?:city[ \t]+of[ \t]+)?)?\Z")
_OWN_DISTRICT = re.compile(r"['\u2019]s[ \t]+" + _X + _DWORD + r"\b")
# First parts of a hyphenated word that make the next part an ethnic term.
_HYPHEN_HEAD = words("place_words", "hyphen_heads")
# Words before a demonym that make it part of another name ("Native American").
_DEMONYM_HEAD = words("place_words", "demonym_heads")
_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")
_SOFT_MARKS = str.maketrans("", "", "\u2019\u02b9\u02bc\u2032`")


def _asciify(name: str) -> str:
    """'L\u2019gov' -> 'Lgov', 'T\u00ebtkino' -> 'Tetkino': transliteration marks and accents off."""
    return fold(name.translate(_SOFT_MARKS))


def _close(a: str, b: str) -> bool:
    """Two spellings of one name: 'Tyotkino'/'Tetkino', 'Lgov'/'Lgovskiy', 'Kyiv'/'Kiev'."""
    a, b = a.casefold().replace("'", ""), b.casefold().replace("'", "")
    if a.startswith(b) or b.startswith(a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


_NEAR_DEG = NEAR_BONUS[-1][0] / 111.0  # the widest nearness radius in degrees of latitude


def _near(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Nearness bonus from the closest point; a cheap box test skips far points."""
    cos = max(math.cos(math.radians(lat)), 0.05)
    best = 1e9
    for la, lo in points:
        if abs(la - lat) > _NEAR_DEG or abs(lo - lon) * cos > _NEAR_DEG:
            continue
        best = min(best, km(lat, lon, la, lo))
    return next((bonus for lim, bonus in NEAR_BONUS if best <= lim), 0.0)


def _softmax(scores: dict[int, float]) -> dict[int, float]:
    """Scores in log10 units → probabilities (a point more is ten times likelier)."""
    top = max(scores.values())
    w = {i: 10 ** (v - top) for i, v in scores.items()}
    t = sum(w.values())
    return {i: v / t for i, v in w.items()}


def _within(g: Gazetteer, i: int, qual: set) -> bool:
    return any(g.cc[i] == c and (a is None or g.a1[i] == a) for c, a in qual)


# ---------------------------------------------------------------- records
def places_record(finder: PlaceFinder, record: dict, ner_spans: Sequence[tuple[int, int, str]] = ()) -> dict:
    """One ``{"id","text"}`` record → ``{"id", "places": [...]}`` for ``eventwire places``."""
    places = finder.find(record.get("text") or "", ner_spans)
    return {
        "id": record.get("id"),
        "places": [
            {"start": p.start, "end": p.end, "name": p.name, "lat": p.lat, "lon": p.lon,
             "country": p.country, "admin1": p.admin1, "precision": p.precision,
             "geonames_id": p.geonames_id, "surface": p.surface, "reason": p.reason, "feature": p.feature}
            for p in places
        ],
    }


def find_places(finder: PlaceFinder, records: Iterable[dict]) -> Iterator[dict]:
    """``places_record`` over many records (no NER spans)."""
    for r in records:
        yield places_record(finder, r)
