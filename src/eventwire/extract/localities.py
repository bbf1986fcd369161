"""Localities a deed's sentence names that no gazetteer entry places.

A report of a raid names the village it happened in ("the village of X", "X
village", "a house burned in X") whether or not the gazetteer lists it:
cities500 holds places of 500 people or more, and the villages of a border war
are often smaller.  Such a name still says where the deed was, and that it was
not in the town of the previous sentence.  An unnamed one says so too: "a
village", "an air base" (after "a", "an", "another") introduce a place the
article has not named before; "the village" points back at one it has.

What the caller does with them (``components.places``): a named locality keeps
the deed at most at the region of the article's scene, carrying the name so
that fusion can tell deeds in different villages apart; an unnamed one takes
nothing finer than the region, and nothing at all when only its country is told
("a Russian air base").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Span, Token

from eventwire.extract.truecase import is_english_word
from eventwire.extract.vocab import words
from eventwire.model import Place

LOCALITY_NOUNS = words("place_words", "locality_nouns")
SITE_NOUNS = words("place_words", "site_nouns")
CITY_NOUNS = words("place_words", "city_nouns")
NEW_PLACE_DETS = words("place_words", "new_place_determiners")
PLACE_PREPS = words("place_words", "event_place_prepositions")
# capitalised words before a name that make it no person's ("In Vysoke", "Northern Vysoke", "The")
NOT_FIRST_NAMES = words("place_words", "name_prefix_ok") | {w.lower() for w in words("place_words", "place_heads")}
# a name is at most this many capitalised words ("Velyka Pysarivka")
NAME_WORDS = 3


@dataclass(frozen=True)
class Locality:
    name: str  # as written; "" for an unnamed one ("a village")
    noun: str  # the locality or site noun, "" for a name after a preposition ("in X")
    head: Token  # the word the locality's tie to the event word is measured from
    start: int  # character offsets in the parsed piece
    end: int
    demonym: Token | None = None  # "a Russian air base", "the Lebanese village of X": its country's word


def _capitalised(t: Token) -> bool:
    return t.is_alpha and t.text[:1].isupper()


def _name_runs(sent: Span) -> list[tuple[Token, Token]]:
    """Runs of capitalised words: (first, last); a hyphen between two of them, unspaced, joins them into
    one word ("Pont-Sonde")."""
    runs, i = [], sent.start
    while i < sent.end:
        t = sent.doc[i]
        if not _capitalised(t):
            i += 1
            continue
        j, words = _hyphened(sent, i), 1
        while j + 1 < sent.end and words < NAME_WORDS and _capitalised(sent.doc[j + 1]):
            j, words = _hyphened(sent, j + 1), words + 1
        runs.append((t, sent.doc[j]))
        i = j + 1
    return runs


def _hyphened(sent: Span, i: int) -> int:
    """The last token of the hyphened word starting at ``i`` ("Pont" "-" "Sonde")."""
    doc = sent.doc
    while i + 2 < sent.end and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ \
            and _capitalised(doc[i + 2]):
        i += 2
    return i


def _slot(sent: Span, first: Token, last: Token) -> str | None:
    """The locality noun framing the name, '' for a place preposition before a foreign name, None for no slot."""
    doc = sent.doc
    if first.i - 2 >= sent.start and doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lower_ in LOCALITY_NOUNS:
        return doc[first.i - 2].lower_  # "the village of X"
    if last.i + 1 < sent.end and doc[last.i + 1].text in LOCALITY_NOUNS:
        return doc[last.i + 1].text  # "X village" (lower case: "X City" is a name of its own)
    before = doc[first.i - 1] if first.i > sent.start else None
    after = doc[last.i + 1] if last.i + 1 < sent.end else None
    if before is not None and before.lower_ in PLACE_PREPS and before.dep_ == "prep" \
            and not (after is not None and after.tag_ == "POS") \
            and not any(is_english_word(t.text) for t in doc[first.i : last.i + 1]):
        return ""  # "in X", "an attack on X": a name that is no English word (not "in March", "on Telegram")
    return None


def written_as_person(name: str, text: str) -> bool:
    """Does the article write this name after a first name or a title ("Oleh Ivanenko", "Governor
    Ivanenko")?  Then "fired on Ivanenko" names a person, not a village: people are introduced in full."""
    for m in re.finditer(rf"\b([A-Z][\w'\u2019-]*)\.?[ \t]+{re.escape(name)}\b", text):
        if m.group(1).lower() not in NOT_FIRST_NAMES:
            return True
    return False


def named_localities(sent: Span, known: Callable[[Token], bool], text: str = "") -> list[Locality]:
    """Names in a locality slot that ``known`` (a toponym found, an actor's name) does not cover; a name
    only after a preposition must not be written elsewhere in ``text`` (the article) as a person's."""
    out = []
    for first, last in _name_runs(sent):
        if any(known(t) for t in sent.doc[first.i : last.i + 1]):
            continue
        noun = _slot(sent, first, last)
        if noun is None:
            continue
        name = sent.doc[first.i : last.i + 1].text
        if first.is_stop or all(is_english_word(t.text) for t in sent.doc[first.i : last.i + 1]):
            continue  # "The city of Kharkiv", "Nearby village": English words, no name the gazetteer missed
        if noun == "" and written_as_person(name, text):
            continue
        head = sent.doc[last.i + 1] if noun and last.i + 1 < sent.end and sent.doc[last.i + 1].text == noun else last
        noun_tok = head if head is not last else sent.doc[first.i - 2] if noun else None
        out.append(Locality(name, noun, head, first.idx, last.idx + len(last.text), demonym_of(noun_tok)))
    return out


def demonym_of(noun: Token | None) -> Token | None:
    """"A Russian air base", "the Lebanese village of X": a capitalised word on the locality noun, which may
    name its country (the caller asks the places found whether it does)."""
    if noun is None:
        return None
    return next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()), None)


def unnamed_localities(sent: Span) -> list[Locality]:
    """'a village', 'an air base', 'another town': a locality or site told for the first time."""
    out = []
    for t in sent:
        if t.lower_ not in LOCALITY_NOUNS | SITE_NOUNS or t.pos_ != "NOUN":
            continue
        dets = [c for c in t.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in NEW_PLACE_DETS:
            continue
        out.append(Locality("", t.lower_, t, dets[0].idx, t.idx + len(t.text), demonym_of(t)))
    return out


def settlement_told_before(sent: Span) -> bool:
    """'A missile strike on a building in the city killed 11': 'the city', 'the town' with no name of its
    own points back at a town the article named, so the deed's scene is a town, not a region ('the
    village' may be one the gazetteer does not know: see ``components.places.at_locality``)."""
    return any(t.lower_ in CITY_NOUNS and t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS
               and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) for t in sent)


def country_in_phrase(sent: Span, offset: int, country: Place | None, loc: Locality) -> Place | None:
    """The country named in the locality's own phrase ("in X, Ukraine", "X in Russia"), if any: a
    country named elsewhere in the sentence ("Ukraine's army launched ...") says nothing of where X is.
    ``offset``: where the parsed piece starts in the text the places' offsets count in."""
    toks = [t for t in sent if country is not None and country.start <= offset + t.idx < country.end]
    if not toks or not (loc.head.is_ancestor(toks[-1]) or toks[-1].is_ancestor(loc.head)
                        or toks[-1].head.head == loc.head or toks[-1].head == loc.head.head):
        return None
    return country


def demonym_country(loc: Locality, offset: int, found: list[Place]) -> Place | None:
    """The country the locality's own adjective names ("the Lebanese village of X"), if it is one."""
    at = offset + loc.demonym.idx if loc.demonym is not None else -1
    return next((p for p in found if p.feature == "demonym" and p.start <= at < p.end), None)
