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
  saw heavy shelling", "the town came under fire").

Words live in data/lexicons/place_roles.json.
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.vocab import words


class PlaceRoles:
    def __init__(self) -> None:
        self.vessels = words("place_roles", "vessel_nouns")
        self.undergoing = words("place_roles", "undergoing_verbs")

    def not_location(self, first: Token, last: Token) -> str | None:
        """Why the toponym spanning ``first``..``last`` does not locate an event here, or None."""
        head = last.head
        if last.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return "a source ('according to')"
        before = [t.lower_ for t in last.doc[max(last.sent.start, first.i - 2): first.i]]
        if any(b in self.vessels for b in before):
            return "a ship named after a place"
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.vessels for c in last.children) \
                or last.dep_ == "appos" and head.lemma_.lower() in self.vessels:
            return "a ship named after a place"
        if last.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() not in self.undergoing \
                and any(c.dep_ == "dobj" for c in head.children):
            return "the doer of the deed, not its place"
        return None
