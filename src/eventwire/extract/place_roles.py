"""A place name that is not where the event happened: a source, a ship, a doer.

The place finder finds toponyms; whether one locates the event depends on
its role in the sentence.  Three roles that are not a location:

* a source: "according to Baza" (a channel) or "according to Kyiv" (its
  government) says who reports, not where;
* a ship named after a city: "the cruiser Moskva", "the Moskva, the flagship
  of the fleet" is a vessel, not Moscow;
* a doer: "Kiev had staged a drone attack on Sushany" — the subject of a verb
  of doing that has an object is the government or army acting (issue 11,
  item 5: a city named as doer never locates, and never becomes a place for
  the deed).  Verbs of undergoing keep their subject as the place ("Kharkiv
  saw heavy shelling", "the town came under fire");
* a destination: "a bus about to leave for Kyiv", "a train bound for Lviv", "fled toward El Obeid", and
  where a road leads: "on the highway to Damascus";
* a mission's owner: "near the U.S. embassy" stands in the host country's town;
* a force's country: "Ukraine's SBU security service", "Israel's military" (the doer's side), and a
  movement's branch: "the Sahel branch of al-Qaeda";
* a government holding a view: "Washington does not believe Beijing has
  sent weapons" — a place that is the subject of a verb taking a clause
  (believe, fear, insist that ...) stands for the people who think it;
* a ship or a river named after a town, told before the sentence is parsed
  (``names_other_thing``, on the text): "the cruiser Moskva", "the Moskva,";
* an organisation's seat: "Princeton's Bendheim Center", "the Washington
  Post", "a Washington-based institute" (``names_organisation``, on the text,
  so that the earlier-named places a later sentence may borrow are checked
  too).

Words live in data/lexicons/place_roles.json.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.extract.vocab import words

ORGANISATION_NOUNS = words("place_roles", "organisation_nouns")
DESTINATION_PREPOSITIONS = frozenset({"for", "to", "toward", "towards"})
VESSEL_NOUNS = words("place_roles", "vessel_nouns")
# after a place: "'s" or nothing, then up to four capitalised words ending the organisation's name
_NAME_AFTER = re.compile(r"(?:['\u2019]s)?((?:[ \t]+(?:of|for|&)?[ \t]*[A-Z][\w&.\-]*){1,4})")


class PlaceRoles:
    def __init__(self) -> None:
        self.vessels = VESSEL_NOUNS
        self.undergoing = words("place_roles", "undergoing_verbs")
        self.departures = words("place_roles", "departure_verbs")
        self.missions = words("place_roles", "mission_nouns")
        self.forces = words("place_roles", "force_nouns")
        self.branches = words("place_roles", "branch_nouns")
        self.roads = words("place_roles", "road_nouns")

    def not_location(self, first: Token, last: Token) -> str | None:
        """Why the toponym spanning ``first``..``last`` does not locate an event here, or None."""
        head = last.head
        if last.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return "a source ('according to')"
        before = [t.lower_ for t in last.doc[max(last.sent.start, first.i - 2): first.i]]
        after_preposition = first.i > last.sent.start and last.doc[first.i - 1].pos_ == "ADP"
        if last.dep_ in ("compound", "amod", "nmod", "poss") and head.lemma_.lower() in self.missions:
            return "whose embassy, not where it stands"  # "burned tyres near the U.S. embassy" in Kinshasa
        if last.dep_ in ("compound", "amod", "nmod", "poss") and head.lemma_.lower() in self.branches:
            return "a movement's branch, not where it acted"  # "JNIM, the Sahel branch of al-Qaeda"
        if last.dep_ == "poss" and head.lemma_.lower() in self.forces:
            return "whose force, not where it acted"  # "a source in Ukraine's SBU security service said"
        road = head.head if head.i == 0 else head.doc[head.i - 1]  # the parse hangs "to" on the road or the verb
        if last.dep_ == "pobj" and head.lower_ in ("to", "toward", "towards") \
                and (head.head.lemma_.lower() in self.roads or road.lemma_.lower() in self.roads):
            return "where a road leads, not where it happened"  # "kidnapped a merchant on the highway to Damascus"
        if last.dep_ == "pobj" and head.lower_ in DESTINATION_PREPOSITIONS and head.head.lemma_.lower() in self.departures:
            return "where someone was going, not where it happened"  # "a bus about to leave for Kyiv"
        if any(b in self.vessels for b in before) and not after_preposition:
            return "a ship named after a place"  # "the cruiser Moskva"; not "a warship off Sevastopol"
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.vessels for c in last.children) \
                or last.dep_ == "appos" and head.lemma_.lower() in self.vessels:
            return "a ship named after a place"
        if last.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() not in self.undergoing \
                and any(c.dep_ == "dobj" for c in head.children):
            return "the doer of the deed, not its place"
        if last.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in self.undergoing \
                and any(c.dep_ == "ccomp" for c in head.children):
            return "a government holding a view, not a place"
        return None


_SPOKEN_IN = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for w in words("place_roles", "speech_settings")),
                                                   key=len, reverse=True)) + r")[ \t]+in[ \t]+\Z")


def where_spoken(text: str, start: int) -> bool:
    """Is the toponym at ``start`` where someone spoke ('told reporters in Geneva', 'a news conference in
    Kyiv')?  A later sentence's deed borrows a scene, and a speaker's seat is none."""
    return _SPOKEN_IN.search(text, max(0, start - SPOKEN_REACH), start) is not None


# how far back from a toponym its speech setting may start ("told a press conference in ": 27 characters)
SPOKEN_REACH = 40


def names_organisation(text: str, end: int) -> bool:
    """Does the toponym ending at ``end`` begin an organisation's name ("Princeton's Bendheim Center")?"""
    if text.startswith("-based", end):
        return True  # "the London-based Chatham House think tank": where something is based
    m = _NAME_AFTER.match(text, end)
    if m is None:
        return False
    return any(w.strip(".,") in ORGANISATION_NOUNS for w in m.group(1).split())


# "the Moskva," "the sinking of the Moskva in the Black Sea", "the cruiser Moskva": a town's name as a
# whole noun phrase after "the", or after a kind of vessel, is another thing of that name (a ship, a
# river, a hotel); English names a town without an article ("Moscow said", "in Dnipro").  "The" counts
# only where the name plainly ends its phrase (punctuation or a preposition): "the Kyiv government" and
# "the Odesa, Mykolaiv and Kherson regions" are the towns'.
_THE_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he[ \t]+\Z")
_PHRASE_END = re.compile(r"[ \t]*(?:,(?![ \t]*(?:[A-Z]|and\b|or\b))|[;:.)]|\Z|(?:in|on|off|near|at|of)\b)")
_VESSEL_BEFORE = re.compile(r"(?:^|[^\w])(" + "|".join(sorted(re.escape(w) for w in VESSEL_NOUNS)) + r")[ \t]+\Z", re.I)


def names_other_thing(text: str, start: int, end: int) -> bool:
    """Does the town name at ``start``..``end`` name a ship, a river or a building of that name?"""
    if _VESSEL_BEFORE.search(text, max(0, start - 14), start) is not None:
        return True
    return _THE_BEFORE.search(text, max(0, start - 5), start) is not None and _PHRASE_END.match(text, end) is not None
