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

The class is split by job: matching here, resolving in ``places_resolve``,
keeping in ``places_keep``, all-caps copy in ``places_caps``; the calibrated
constants and shared helpers in ``places_base``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator, Sequence

from eventwire import datelines
from eventwire.extract.gazetteer import ADMIN1, CITY, COUNTRY, Gazetteer, norm
from eventwire.extract.places_base import (
    _breaks,
    _ALLEGIANCE_TAIL,
    _HYPHEN_HEAD,
    _initial,
    _LOCATIVE_BEFORE,
    _Match,
    _mostly_upper,
    _neighbours,
    _PERSONISH,
    _PLACEISH,
    _PLURAL,
    _PLURAL_TO_LOOKUP,
    _SUFFIX_WORDS,
    _TOKEN,
    NER_PLACE_LABELS,  # noqa: F401  (read by `eventwire places`)
)
from eventwire.extract.place_roles import names_other_thing
from eventwire.extract.places_caps import CapsMode
from eventwire.extract.places_keep import Keeping
from eventwire.extract.place_articles import article_spellings, article_starts
from eventwire.extract.places_resolve import Resolving
from eventwire.extract.vocab import words
from eventwire.model import Place


# words right before a name that make it a person's ("PRESIDENT CRISTIANI")


# "the region of X", "the province of X": the singular division words of "Kursk and Belgorod regions"
_DIVISION_OF = re.compile(rf"\b({'|'.join(sorted(set(_PLURAL_TO_LOOKUP.values()), key=len, reverse=True))})\s+of\s+$",
                          re.IGNORECASE)


def _key(span: str) -> str:
    """``gazetteer.norm`` of a span of the text: a word of plain ASCII letters (most spans the search
    tries: one per capitalised word) has no quote or space to change and is its own key.  (Kept here:
    gazetteer.py's source is part of the gazetteer cache's key.)"""
    return span if span.isascii() and span.isalpha() else norm(span)


def _article_led(text: str, toks: list[tuple[int, int]], i: int, led: frozenset[int]) -> bool:
    """A lower-case word that starts a name with its Arabic article ("shelling in al-Fashir"; ``led``: where
    such words start), unless it ends a longer capitalised name ("Hayat Tahrir al-Sham"), whose tail it is."""
    if toks[i][0] not in led:
        return False
    return i == 0 or not text[toks[i - 1][0]].isupper() or _breaks(text, toks[i - 1][1], toks[i][0], False)


def _hyphen_tokens(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokens with a hyphen in them, in text order.

    Found from the text's hyphens (a few an article), each looked up among the
    tokens by bisection: slicing every token of the text to ask was most of
    ``_hyphenated``'s time, though hardly one token in a hundred has one.
    """
    out: list[tuple[int, int]] = []
    at = text.find("-")
    while at != -1:
        k = bisect_right(toks, (at, len(text) + 1)) - 1  # the last token starting at or before the hyphen
        if k >= 0 and at < toks[k][1] and (not out or out[-1] != toks[k]):
            out.append(toks[k])
        at = text.find("-", at + 1)
    return out


COMPASS_WORDS = words("place_words", "compass_words")


class PlaceFinder(Resolving, Keeping, CapsMode):
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
        toks = list(map(re.Match.span, _TOKEN.finditer(text)))
        lookup = g.lookup_folded if upper else g.lookup
        out: list[_Match] = []
        i, n = 0, len(toks)
        led = frozenset() if upper else article_starts(text)
        while i < n:
            s0 = toks[i][0]
            if not upper and not text[s0].isupper() and not _article_led(text, toks, i, led):
                i += 1
                continue
            found = None
            for j in range(min(n, i + g.max_words) - 1, i - 1, -1):
                e = toks[j][1]
                if j > i and not upper and not (text[toks[j][0]].isupper() or text[toks[j][0]:e] in _SUFFIX_WORDS
                                                or toks[j][0] in led):
                    continue
                if j > i and _breaks(text, toks[i][1], toks[j][0], upper):
                    continue
                key = _key(text[s0:e])
                ids = lookup(key)
                if not ids and not upper and "-" in key:  # "al-Fashir" as GeoNames spells it: "Al Fashir"
                    key, ids = next(((k, hit) for k in article_spellings(key) if (hit := lookup(k))), (key, ()))
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
            region = None if upper or i == 0 else self._compass_region(text, toks[i - 1], e)
            if region is not None:
                s0, key, ids = region  # "southern Lebanon": the region "Southern Lebanon", not the country
            if upper and len(key) <= 3 and " " not in key:  # "US", "IN", "ME" in caps text
                i = j + 1
                continue
            if not upper and names_other_thing(text, s0, e) and all(g.kind[x] == CITY for x in ids):
                i = j + 1  # "the Moskva, the flagship of the fleet": a ship, a river or a hotel, not the town
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
            ends = {m.end for m in out}
            for m in out:
                _neighbours(text, m, starts, ends)
        return out

    def _compass_region(self, text: str, before: tuple[int, int], end: int) -> tuple[int, str, tuple] | None:
        """(start, key, ids) of a first-level region named by a lower-case compass word and the name after it
        ("southern Lebanon" when the gazetteer holds "Southern Lebanon"), else None."""
        word = text[before[0]:before[1]]
        if word not in COMPASS_WORDS:
            return None
        key = _key(word.capitalize() + text[before[1]:end])
        ids = tuple(i for i in self.gaz.lookup(key) if self.gaz.kind[i] == ADMIN1)  # not the town 'North Arlington'
        return (before[0], key, ids) if ids else None

    def _demonym_at(self, text: str, toks: list[tuple[int, int]], i: int) -> tuple[int, int, str] | None:
        """Longest demonym ("South Korean", "Russians") starting at token ``i``: (last token, end, key)."""
        dem = self.gaz.demonyms
        if text[toks[i][0]:toks[i][1]] not in self._dem_first:
            return None
        for j in range(min(len(toks), i + 3) - 1, i - 1, -1):
            if j > i and _breaks(text, toks[i][1], toks[j][0]):
                continue
            key = _key(text[toks[i][0]:toks[j][1]])
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
        for s0, e0 in _hyphen_tokens(text, toks):
            word = text[s0:e0]
            if any(a < e0 and s0 < b for a, b in taken):
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
                    if re.match(r"[^\W\d_]+", text[pe + 1:]).group().lower() in _ALLEGIANCE_TAIL:
                        continue  # "Moscow-backed", "Moscow-friendly Belarus": its government, not a place
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
        for m in ms:  # "the southeastern region of Luhansk": the division word before the name
            before = _DIVISION_OF.search(text, max(0, m.start - 24), m.start)
            if before is None or m.demonym:
                continue
            word = before.group(1).lower()
            ids = (self.gaz.lookup_folded if upper else self.gaz.lookup)(f"{m.key} {word}")
            if ids:
                m.ids, m.group = ids, f"{m.key} {word}"

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
