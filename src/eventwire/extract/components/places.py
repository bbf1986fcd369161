"""Places: the article's places (reader) and the place each event word is tied to (parser).

Reader components:

* ``Toponyms`` finds the places of the raw text with the gazetteer-first
  ``PlaceFinder`` (all-caps copy is read as it is, before its case is
  restored; other text with its wrapped lines joined).
* ``ArticlePlaces`` keeps the ones that can place an event: a dateline's
  place says where the report was filed; a catalogued group's short name
  ("Wagner") is no town when the text also calls the group by a longer name;
  "the Russian capital" names Moscow, which the gazetteer cannot see.

Parser component ``EventPlaces``: for each event word, the place of its
sentence tied to it by the parse (see ``place_for``).  A sentence with none
borrows the place of the article's previous event, or the last place named
shortly before (``context_place``, applied while mentions are assembled).

A sentence that names a locality the gazetteer does not know ("the village of
X") or one told for the first time ("a village", "an air base", see
``extract.localities``) borrows no town: the deed is placed at most at the
region of the article's scene (``at_locality``), and a named locality rides
along on the place (``feature`` "locality", ``surface`` its name) so that fusion
tells deeds in different villages apart.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire import datelines
from eventwire.clean.blocks import unwrap
from eventwire.data import load_json
from eventwire.extract.actors import ActorFinder
from eventwire.extract.capital_places import filed_capital, named_capitals
from eventwire.extract.components.doc_text import DocText
from eventwire.extract.concreteness import IN_SENTENCE
from eventwire.extract.gazetteer import load as load_gazetteer
from eventwire.extract.localities import (Locality, country_in_phrase, demonym_country, named_localities,
                                          unnamed_localities)
from eventwire.extract.places import PlaceFinder
from eventwire.extract.truecase import is_english_word, mostly_upper
from eventwire.extract.types import EventTypeClassifier, TypeHit
from eventwire.extract.vocab import words
from eventwire.extract.place_roles import names_organisation, PlaceRoles
from eventwire.extract.setting import FAR
from eventwire.model import Mention, Place

EVENT_PRECISIONS = ("point", "town", "district", "region")
TOWN_PRECISIONS = ("point", "town", "district")  # what 'the city' can point back at
# the precision of a sentence's locality that the gazetteer cannot place: to_mentions places it (``at_locality``)
LOCALITY = "locality"
# the ``feature`` of a place carrying such a locality's name; of an unnamed one ("a village")
NAMED_LOCALITY, NEW_LOCALITY = "locality", "new locality"
# how a reason says the country named is where the deed was ("missiles over a station in Ukraine's south"), as
# against one named in passing ("the attackers withdrew to Ukraine"): no place in another country is borrowed
COUNTRY_OF_DEED = "tied to the event word"
PLACE_PREPS = words("place_words", "event_place_prepositions")
# how far back (characters) a sentence without a place may borrow the last place named
CONTEXT_PLACE_WINDOW = 1500
# a place named right after these is a name of something else ("the Telegram channel Baza")
MEDIA_NOUNS = words("place_words", "media_nouns")
# capitalised words that may stand before a one-word place name without making it part of another name
NAME_PREFIX_OK = words("place_words", "name_prefix_ok")
ACCUSING_LEMMAS = words("event_words", "accusing_lemmas")
# a place that modifies these, or speaks, stands for its government: "Moscow officials", "Kyiv said"
INSTITUTION_NOUNS = words("place_words", "institution_nouns")
TIME_ZONE_NOUNS = words("place_words", "time_zone_nouns")
COUNTRY_PREPS = words("place_words", "country_of_deed_prepositions")
# "Kursk Oblast": a division word after a town's name continues it (the gazetteer has matched the two)
DIVISION_WORDS = frozenset(load_json("lexicons", "place_words.json")["division_words"]["words"])


class Toponyms:
    """Reader component: raw text → ``doc._.toponyms``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_toponyms", *,
                 finder: PlaceFinder) -> None:
        self.name = name
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc.text))

    def match(self, raw: str) -> list[Place]:
        return self.finder.find(raw if mostly_upper(raw) else unwrap(raw))

    @staticmethod
    def set_annotations(doc: Doc, places: list[Place]) -> Doc:
        doc._.toponyms = places
        return doc


def filed_spans(paras: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """The spans of the paragraphs' opening datelines ("KYIV, 14 March —"): where reports were filed."""
    return [(off, off + m.end()) for off, p in paras if (m := datelines.OPENING.match(p))]


def group_short_names() -> dict[str, list[str]]:
    """A group's short name that is also a town ("Wagner", "Azov") → its longer names."""
    out: dict[str, list[str]] = {}
    for a in load_json("actors", "actors.json")["actors"]:
        names = [x.lower() for x in a["aliases"] + [a["name"]]]
        for x in names:
            out.setdefault(x, []).extend(n for n in names if n != x and x in n)
    return out


def capitals() -> dict[str, str]:
    """Country adjective or name → its capital ("Russian" → "Moscow", "Colombia" → "Bogota")."""
    dem = load_json("actors", "demonyms.json")["countries"]
    return {a: c["capital"] for c in dem.values() if c.get("capital")
            for a in c["adjectives"] + [n for n in c["names"] if n != c["capital"]]}


class ArticlePlaces:
    """Reader component: ``doc._.toponyms`` → ``doc._.places`` (the places events may be placed at)."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_places", *,
                 finder: PlaceFinder, group_names: dict[str, list[str]], capitals: dict[str, str]) -> None:
        self.name = name
        self.finder = finder
        self.group_names = group_names
        self.capitals = capitals

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc._.toponyms, doc._.paragraphs, doc._.parse_text))

    def match(self, places: list[Place], paras: list[tuple[int, str]], text: str) -> list[Place]:
        filed = filed_spans(paras)
        datelines = [p for p in places if any(a <= p.start < b for a, b in filed)]
        places = [p for p in places if p not in datelines]
        places = self._not_group_names(places, text)
        capitals = named_capitals(text, self.finder, self.capitals) + filed_capital(text, datelines, self.capitals)
        # "Colombia's capital" is Bogota: the country's name inside the phrase is no second place
        places = [p for p in places if not any(c.start <= p.start and p.end <= c.end for c in capitals)]
        return sorted(places + capitals, key=lambda p: p.start)

    def _not_group_names(self, places: list[Place], text: str) -> list[Place]:
        """Drop a place whose name is a catalogued group's short name when the text also calls the
        group by a longer one: "military muscle from Wagner" beside "the Wagner Group" is no town."""
        low = text.lower()
        return [p for p in places
                if not any(longer in low for longer in self.group_names.get((p.surface or p.name).lower(), ()))]

    @staticmethod
    def set_annotations(doc: Doc, places: list[Place]) -> Doc:
        doc._.places = places
        return doc


class EventPlaces:
    """Parser component: ``span._.type_hits`` and the article's places → ``span._.hit_places``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_event_places", *,
                 types: EventTypeClassifier, actors: ActorFinder, speech_lemmas: set[str],
                 finder: PlaceFinder | None = None) -> None:
        self.name = name
        self.finder = finder
        self.types = types
        self.actors = actors
        self.speech = speech_lemmas
        self.weapon_words = {w.lower() for i in types.instruments for w in i["lemmas"]}
        self.place_roles = PlaceRoles()
        self._doc_text = DocText()  # the piece's text, joined once: asked for once per place

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[tuple[Place | None, str]]]:
        found, offset = doc._.article.places, doc._.offset
        return [[self.place_for(sent, offset, hit, found, self._others(sent, hit)) for hit in sent._.type_hits]
                for sent in doc.sents]

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[tuple[Place | None, str]]]) -> Doc:
        for sent, places in zip(doc.sents, per_sentence):
            sent._.hit_places = places
        return doc

    def _others(self, sent: Span, hit: TypeHit) -> tuple:
        """Other event words: not this trigger, its phrase ("drones struck") or the words governing it."""
        own = {hit.trigger.i, *(a.i for a in hit.trigger.ancestors)}
        phrase_end = hit.trigger.idx + len(hit.trigger_text)
        return tuple(t for t in self.types.candidate_tokens(sent, other_than=hit.event_type)
                     if t.i not in own and not hit.trigger.idx <= t.idx < phrase_end)

    def usable(self, sent: Span, offset: int, p: Place) -> bool:
        """False for toponyms that name something else here: weapons, media, a government speaking."""
        if p.surface.lower() in self.weapon_words:
            return False
        toks = [t for t in sent if p.start <= offset + t.idx < p.end]
        if not toks:
            return True
        first, last = toks[0], toks[-1]
        if any(span.start <= first.i < span.end for span, *_ in self.actors.spans(sent)):
            return False  # "the Wagner Group": a name, not the town of Wagner
        before_tok = sent.doc[first.i - 1] if first.i > sent.start else None
        if len(toks) == 1 and before_tok is not None and before_tok.text[:1].isupper() and before_tok.is_alpha \
                and before_tok.lower_ not in NAME_PREFIX_OK and before_tok.ent_type_ not in ("GPE", "LOC"):
            return False  # "Le Pen", "Dick Lugar": the tail of a longer name
        after_tok = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
        if len(toks) == 1 and after_tok is not None and after_tok.is_alpha and after_tok.text[:1].isupper() \
                and after_tok.text not in DIVISION_WORDS and not is_english_word(after_tok.text):
            return False  # "Babyn Yar", "Nova Kakhovka": the head of a longer name the gazetteer does not hold
        if first.i == sent.start and first.text.isupper() and len(first.text) > 2:
            return False  # a dateline ("KURSK, 14 March —") says where the report was filed
        if last.i + 1 < sent.end and sent.doc[last.i + 1].lower_ in TIME_ZONE_NOUNS:
            return False  # "01:35 Moscow time"
        if names_organisation(self._doc_text(sent.doc), last.idx + len(last.text)):
            return False  # "the Washington Post", "Princeton's Bendheim Center": where an organisation sits
        before = [t.lower_ for t in sent.doc[max(sent.start, first.i - 2) : first.i]]
        if any(b in MEDIA_NOUNS for b in before):
            return False
        if last.dep_ in ("compound", "poss", "amod") and last.head.lower_ in INSTITUTION_NOUNS:
            return False
        if last.dep_ in ("nsubj",) and last.head.lemma_.lower() in self.speech:
            return False
        if last.dep_ == "poss" and last.head.lemma_.lower() in self.types.trigger_lemmas:
            return False  # "Moscow's bombardment": who bombards, not where
        if last.dep_ == "dobj" and last.head.lemma_.lower() in ACCUSING_LEMMAS:
            return False  # "Moscow accused Kyiv of ...": the accused government, not a place
        return self.place_roles.not_location(first, last) is None  # a source, a ship, the doer

    def _tie(self, tok, hit: TypeHit, others: tuple) -> int:
        """0: the word hangs from this event word or its place preposition, or from a deed noun's verb ("launched an
        attack in X"; not from the verb above a clause with a subject of its own); 1: elsewhere in the sentence;
        2: under another event word ("fighting around Kozinka" places the fighting, not the shelling)."""
        chain = [tok, *tok.ancestors]
        upto = chain.index(hit.trigger) if hit.trigger in chain else len(chain)
        if any(o in chain[:upto] for o in others):
            return 2
        if hit.trigger in chain:
            return 0
        if not any(t.dep_ == "prep" and t.lower_ in PLACE_PREPS for t in chain[:4]):
            return 1
        own = hit.trigger.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in hit.trigger.children)
        return 0 if hit.trigger.is_ancestor(tok) or not own and hit.trigger.head.is_ancestor(tok) else 1

    def place_for(self, sent: Span, offset: int, hit: TypeHit, found: list[Place],
                  others: tuple = ()) -> tuple[Place | None, str]:
        """The place tied to this trigger; a place under another event word of the sentence is that one's.
        A locality the gazetteer does not know may stand in for it (``_locality``)."""
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        trig_pos, breaks = offset + hit.trigger.idx, [offset + t.idx for t in sent if t.text == ";"]
        # a continent or a union of states ("joining the European Union") is no country: it places no deed
        inside = [p for p in found if s0 <= p.start < s1 and p.lat is not None and p.feature != "demonym"
                  and not (p.precision == "country" and not p.country)
                  and self.usable(sent, offset, p)  # "shelling killed a woman; Kyiv silent": ';' ends a clause
                  and not any(min(p.start, trig_pos) < b < max(p.start, trig_pos) for b in breaks)]

        def tie(p: Place) -> tuple[int, int, int]:
            toks = [t for t in sent if offset + t.idx >= p.start and offset + t.idx < p.end]
            tied = self._tie(toks[-1], hit, others) if toks else 1
            rank = EVENT_PRECISIONS.index(p.precision) if p.precision in EVENT_PRECISIONS else 9
            return tied, rank, abs(p.start - trig_pos)

        best = min(inside, key=tie) if inside else None
        if best is not None and tie(best)[0] == 2:
            return None, ""
        told = self._locality(sent, offset, hit, found, others, best, tie(best)[0] if best is not None else 2)
        if told is not None:
            return told
        if best is None:
            return None, ""
        if best.precision == "country" and best.country and tie(best)[0] == 0 and self._inside_country(sent, offset, best):
            return best, f"'{best.surface or best.name}' {COUNTRY_OF_DEED} {IN_SENTENCE}"
        return best, f"'{best.surface or best.name}' {IN_SENTENCE}"

    def _locality(self, sent: Span, offset: int, hit: TypeHit, found: list[Place], others: tuple,
                  best: Place | None, best_tie: int) -> tuple[Place, str] | None:
        """The sentence's own locality when no known town places the deed: a name the gazetteer does not
        know ("the village of X") on the region named with it, or a marker ``at_locality`` places."""
        trig_pos = offset + hit.trigger.idx
        spans = [(a.start, a.end) for a, *_ in self.actors.spans(sent)]

        def known(t) -> bool:
            return any(p.start <= offset + t.idx < p.end for p in found) or any(a <= t.i < b for a, b in spans)

        # a name framed by a locality noun ("the village of X") is a place wherever it stands; one only after a
        # preposition ("in X", "on X") must hang from this event word ("wrote on Facebook" places nothing)
        text = sent.doc._.article.document.text
        named = [(tied, abs(offset + loc.start - trig_pos), loc) for loc in named_localities(sent, known, text)
                 if (tied := self._tie(loc.head, hit, others)) < 2
                 and (loc.noun or tied == 0 and self._hangs_from(loc.head, hit.trigger))]
        if named:
            tied, _, loc = min(named, key=lambda x: x[:2])
            why = f"'{loc.name}', a locality the gazetteer does not know,"
            if best is not None and best.precision in ("point", "town"):
                container = self._container(sent, offset, best, loc)
                if container is None and tied < best_tie:
                    container = region_of(best)  # "in X, 20 km from Y": near the town, so in its region
                if container is None:
                    return None
                return replace(container, feature=NAMED_LOCALITY, surface=loc.name, start=offset + loc.start,
                               end=offset + loc.end), f"{why} of '{best.surface or best.name}' {IN_SENTENCE}"
            if best is not None and best.precision in ("district", "region"):
                return replace(best, feature=NAMED_LOCALITY, surface=loc.name, start=offset + loc.start,
                               end=offset + loc.end), f"{why} in '{best.surface or best.name}' {IN_SENTENCE}"
            country = country_in_phrase(sent, offset, best, loc) or demonym_country(loc, offset, found)
            return _marker(loc, offset, country, self._doc_text(sent.doc)), f"{why} {IN_SENTENCE}"
        if best is not None and best.precision != "country":
            return None
        new = [loc for loc in unnamed_localities(sent)
               if self._tie(loc.head, hit, others) == 0 and self._hangs_from(loc.head, hit.trigger)]
        if not new:
            return None
        loc = min(new, key=lambda x: abs(offset + x.start - trig_pos))
        country = demonym_country(loc, offset, found) or best
        why = f"'{_phrase(loc, self._doc_text(sent.doc))}', a place not named before"
        if best is not None:  # the sentence names the country: as concrete a place as before (extract.concreteness)
            why = f"{why}; '{best.surface or best.name}' {IN_SENTENCE}"
        return _marker(loc, offset, country, self._doc_text(sent.doc)), why

    @staticmethod
    def _inside_country(sent: Span, offset: int, country: Place) -> bool:
        """Does the first preposition above the country's name put the deed in it ("in Ukraine", not "to Nicaragua")?"""
        toks = [t for t in sent if country.start <= offset + t.idx < country.end]
        if not toks:
            return False
        prep = next((t for t in [*toks[-1].ancestors][:3] if t.dep_ == "prep"), None)
        return prep is not None and prep.lower_ in COUNTRY_PREPS

    @staticmethod
    def _hangs_from(tok, trigger) -> bool:
        """Does ``tok`` hang from the event word or its noun's verb ("staged an attack on X"), not from a telling?"""
        chain = [tok, *tok.ancestors]
        if trigger.dep_ == "compound":
            trigger = trigger.head  # "drone attack": the phrase's head
        return trigger in chain or trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "attr") \
            and len(chain) > 2 and chain[1].dep_ == "prep" and chain[2] == trigger.head

    def _container(self, sent: Span, offset: int, town: Place, loc: Locality) -> Place | None:
        """'the village X of Kyiv', 'X village, Kyiv region': a town named inside the locality's own phrase
        contains it, so the deed is in the town's region (the one named after it, else its admin1)."""
        toks = [t for t in sent if town.start <= offset + t.idx < town.end]
        if not toks or not loc.head.is_ancestor(toks[-1]):
            return None
        named_after = next((p for p in self.finder.find(f"{town.name} region")
                            if p.precision == "region" and p.country == town.country), None) if self.finder else None
        return named_after or region_of(town)


def context_place(pos: int, found: list[Place], earlier: list[Mention], scene: Callable[[Place], bool] = lambda p: True,
                  fits: Callable[[Place], bool] = lambda p: True, since: int = 0,
                  town: bool = False) -> tuple[Place | None, str]:
    """The place of the article's previous event mention, else the last place named shortly before.

    ``scene`` says which named places can set a scene at all (not "Princeton's Bendheim Center");
    ``fits`` whether this deed may take the scene found (inside the article's setting and its
    actors' continents, see extract.setting).  When the nearest scene does not fit, the deed is left
    unplaced: skipping back to an older, nearer-home place would invent where it happened (so too
    when the previous deed was left unplaced because its own place was far).  ``since``: where the
    live entry holding the sentence starts; an entry is a report of its own, so nothing before it
    sets its scene.  ``town``: the sentence points back at a city ("in the city"), so an earlier deed
    placed at a town is its scene before a later one placed only at a region."""
    region: Place | None = None
    for m in reversed(earlier):
        if m.evidence.start < since:
            break
        if m.place is None and FAR in m.reason and region is not None:
            break  # a nearer deed's region before a far one
        if m.place is None and FAR in m.reason:
            return None, "not borrowed: the article's previous event is far from its setting"
        if m.place is not None and m.place.precision in EVENT_PRECISIONS and scene(m.place):
            if town and m.place.precision not in TOWN_PRECISIONS:
                region = region or m.place  # a region only if no town comes before
                continue
            got = _fitting(m.place, f"'{m.place.name}' of the article's previous event", fits)
            if got[0] is None and region is not None:
                break  # the town pointed back at is not this article's: the nearer region stands
            return got
    if region is not None:
        return _fitting(region, f"'{region.name}' of the article's previous event", fits)
    before = [p for p in found if since <= p.start < pos and pos - p.start < CONTEXT_PLACE_WINDOW
              and p.precision in EVENT_PRECISIONS and p.lat is not None and p.feature != "demonym"
              and scene(p)]
    if before:
        return _fitting(before[-1], f"'{before[-1].surface or before[-1].name}' named earlier in the article", fits)
    return None, ""


def _fitting(p: Place, why: str, fits: Callable[[Place], bool]) -> tuple[Place | None, str]:
    if fits(p):
        return p, why
    return None, f"not borrowed: {why}, but far from the article's setting or the deed's actors"


def region_of(p: Place) -> Place | None:
    """The first-level division a place lies in, as a region-precision place (None when unknown)."""
    if p.precision == "region":
        return p
    if not p.admin1 or not p.country:
        return None
    point = load_gazetteer().admin1_point(p.country, p.admin1)
    if point is None:
        return None
    return Place(p.admin1, p.country, p.admin1, point[0], point[1], "region", start=p.start, end=p.end,
                 surface=p.surface, reason=f"the region of '{p.name}'")


def _phrase(loc: Locality, text: str) -> str:
    return text[loc.start : loc.end]


def _marker(loc: Locality, offset: int, country: Place | None, text: str) -> Place:
    """A locality no gazetteer entry places, to be placed by ``at_locality``: its name (or phrase) as
    surface, and the country the sentence gives it, if any, as name and point."""
    c = country if country is not None and country.precision == "country" else None
    return Place(c.name if c else "", c.country if c else None, None, c.lat if c else None, c.lon if c else None,
                 LOCALITY, c.geonames_id if c else None, start=offset + loc.start, end=offset + loc.end,
                 surface=loc.name or _phrase(loc, text), feature=NAMED_LOCALITY if loc.name else NEW_LOCALITY)


def at_locality(marker: Place, ctx: Place | None, why: str) -> tuple[Place | None, str]:
    """Where a deed told at a locality the gazetteer cannot place goes: the region of the article's
    scene ``ctx`` (the town itself would be another place than the one the sentence names), carrying
    a named locality along; only the country when the sentence gives the locality one and no more
    ("a Russian air base") or the scene lies elsewhere; nowhere when there is neither."""
    named = marker.feature == NAMED_LOCALITY
    told = f"'{marker.surface}', " + ("a locality the gazetteer does not know" if named else "a place not named before")
    country = replace(marker, precision="country", feature="", surface=marker.name) if marker.lat is not None else None
    if not named and marker.country:
        return country, f"{told}, only its country told: no town borrowed"
    region = region_of(ctx) if ctx is not None and (not marker.country or ctx.country == marker.country) else None
    if region is None:
        return country, f"{told}; no region of the article to place it in" + (f" ({why})" if why else "")
    if named:
        region = replace(region, feature=NAMED_LOCALITY, surface=marker.surface, start=marker.start, end=marker.end)
    elif region.feature == NAMED_LOCALITY:
        region = replace(region, feature="", surface=region.name)  # "a nearby village" is not the village told before
    return region, f"{told}; at the region of {why}"
