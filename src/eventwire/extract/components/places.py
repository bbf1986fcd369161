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
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire import datelines
from eventwire.clean.blocks import unwrap
from eventwire.data import load_json
from eventwire.extract.actors import ActorFinder
from eventwire.extract.places import PlaceFinder
from eventwire.extract.truecase import mostly_upper
from eventwire.extract.types import EventTypeClassifier, TypeHit
from eventwire.extract.vocab import words
from eventwire.extract.place_roles import names_organisation, PlaceRoles
from eventwire.extract.setting import FAR
from eventwire.model import Mention, Place

EVENT_PRECISIONS = ("point", "town", "district", "region")
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
_CAPITAL = re.compile(r"\b(?:the|The) (\w+) capital\b")


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
    """Country adjective → its capital ("Russian" → "Moscow")."""
    dem = load_json("actors", "demonyms.json")["countries"]
    return {a: c["capital"] for c in dem.values() for a in c["adjectives"] if c.get("capital")}


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
        places = [p for p in places if not any(a <= p.start < b for a, b in filed)]
        places = self._not_group_names(places, text)
        return sorted(places + self._capital_places(text), key=lambda p: p.start)

    def _not_group_names(self, places: list[Place], text: str) -> list[Place]:
        """Drop a place whose name is a catalogued group's short name when the text also calls the
        group by a longer one: "military muscle from Wagner" beside "the Wagner Group" is no town."""
        low = text.lower()
        return [p for p in places
                if not any(longer in low for longer in self.group_names.get((p.surface or p.name).lower(), ()))]

    def _capital_places(self, text: str) -> list[Place]:
        """'the Russian capital' names Moscow: a toponym the gazetteer cannot see."""
        out = []
        for m in _CAPITAL.finditer(text):
            city = self.capitals.get(m.group(1))
            if not city:
                continue
            hit = next(iter(self.finder.find(city)), None)
            if hit is not None:
                out.append(replace(hit, start=m.start(), end=m.end(), surface=m.group(0),
                                   reason=f"'{m.group(0)}' is {city}"))
        return out

    @staticmethod
    def set_annotations(doc: Doc, places: list[Place]) -> Doc:
        doc._.places = places
        return doc


class EventPlaces:
    """Parser component: ``span._.type_hits`` and the article's places → ``span._.hit_places``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_event_places", *,
                 types: EventTypeClassifier, actors: ActorFinder, speech_lemmas: set[str]) -> None:
        self.name = name
        self.types = types
        self.actors = actors
        self.speech = speech_lemmas
        self.weapon_words = {w.lower() for i in types.instruments for w in i["lemmas"]}
        self.place_roles = PlaceRoles()

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
        if first.i == sent.start and first.text.isupper() and len(first.text) > 2:
            return False  # a dateline ("KURSK, 14 March —") says where the report was filed
        if last.i + 1 < sent.end and sent.doc[last.i + 1].lower_ in TIME_ZONE_NOUNS:
            return False  # "01:35 Moscow time"
        if names_organisation(sent.doc.text, last.idx + len(last.text)):
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

    def place_for(self, sent: Span, offset: int, hit: TypeHit, found: list[Place],
                  others: tuple = ()) -> tuple[Place | None, str]:
        """The place tied to this trigger; a place under another event word of the sentence is that one's."""
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        inside = [p for p in found if s0 <= p.start < s1 and p.lat is not None and p.feature != "demonym"
                  and self.usable(sent, offset, p)]
        if not inside:
            return None, ""
        trig_pos = offset + hit.trigger.idx

        def tie(p: Place) -> tuple[int, int, int]:
            toks = [t for t in sent if offset + t.idx >= p.start and offset + t.idx < p.end]
            tied = 1
            if toks:
                tok = toks[-1]
                chain = [tok, *tok.ancestors]
                upto = chain.index(hit.trigger) if hit.trigger in chain else len(chain)
                if any(o in chain[:upto] for o in others):
                    tied = 2  # "fighting around Kozinka" places the fighting, not the shelling
                elif hit.trigger in chain:
                    tied = 0
                elif any(t.dep_ == "prep" and t.lower_ in PLACE_PREPS for t in chain[:4]):
                    tied = 0 if hit.trigger.is_ancestor(tok) or hit.trigger.head.is_ancestor(tok) else 1
            rank = EVENT_PRECISIONS.index(p.precision) if p.precision in EVENT_PRECISIONS else 9
            return tied, rank, abs(p.start - trig_pos)

        best = min(inside, key=tie)
        if tie(best)[0] == 2:
            return None, ""
        return best, f"'{best.surface or best.name}' in the sentence"


def context_place(pos: int, found: list[Place], earlier: list[Mention],
                  scene: Callable[[Place], bool] = lambda p: True,
                  fits: Callable[[Place], bool] = lambda p: True) -> tuple[Place | None, str]:
    """The place of the article's previous event mention, else the last place named shortly before.

    ``scene`` says which named places can set a scene at all (not "Princeton's Bendheim Center");
    ``fits`` whether this deed may take the scene found (inside the article's setting and its
    actors' continents, see extract.setting).  When the nearest scene does not fit, the deed is left
    unplaced: skipping back to an older, nearer-home place would invent where it happened (so too
    when the previous deed was left unplaced because its own place was far)."""
    for m in reversed(earlier):
        if m.place is None and FAR in m.reason:
            return None, "not borrowed: the article's previous event is far from its setting"
        if m.place is not None and m.place.precision in EVENT_PRECISIONS and scene(m.place):
            return _fitting(m.place, f"'{m.place.name}' of the article's previous event", fits)
    before = [p for p in found if p.start < pos and pos - p.start < CONTEXT_PLACE_WINDOW
              and p.precision in EVENT_PRECISIONS and p.lat is not None and p.feature != "demonym"
              and scene(p)]
    if before:
        return _fitting(before[-1], f"'{before[-1].surface or before[-1].name}' named earlier in the article", fits)
    return None, ""


def _fitting(p: Place, why: str, fits: Callable[[Place], bool]) -> tuple[Place | None, str]:
    if fits(p):
        return p, why
    return None, f"not borrowed: {why}, but far from the article's setting or the deed's actors"
