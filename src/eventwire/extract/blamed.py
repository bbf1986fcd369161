"""Whom a blame names: 'blamed the attack on X', 'blamed it on X'.

English puts the deed blamed in the object and the one blamed after 'on' ("Defence Minister Pedro Sanchez
blamed the attack on the Carlos Patino front"); read as a plain object, the claim named 'attack on the
Carlos Patino front' as responsible.  The 'on' phrase may also say when ('blamed the rebels on Monday') or
name a cause rather than a party ('blamed the blast on poorly stored chemicals').
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.data import load_json
from eventwire.extract.vocab import words

BLAMED_PARTY_NOUNS = words("claims", "blamed_party_nouns")
BLAME_VERBS = frozenset(w.split()[0].lower() for w in load_json("lexicons", "claims.json")["responsibility"]["blames"])
# "blamed the West for rising prices", "accused Putin of war crimes": what the blame is for
BLAMED_FOR_PREPOSITIONS = ("for", "of")
# the single-word event words of the type rules: a blame 'for the attack' is about a deed
DEED_LEMMAS = frozenset(w.lower() for t in load_json("lexicons", "event_types.json")["triggers"]
                        for w in t.get("lemmas", ()) if " " not in w)
BACK_POINTERS = words("function_words", "pointing_pronouns")
_TIMES = load_json("lexicons", "time_expressions.json")
# "blamed the rebels on Monday": an 'on' phrase naming a day or a time says when, not whom
CALENDAR_WORDS = frozenset(_TIMES["weekdays"]) | frozenset(_TIMES["months"]) | frozenset(_TIMES["parts_of_day"]) \
    | words("event_words", "time_nouns")


def names_party(noun: Token) -> bool:
    """A noun that can name whom one blames: a name, or a party's common noun ('rebels', 'the army'); not a
    cause ('poorly stored chemicals')."""
    return noun.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod") for c in noun.children) \
        or noun.lemma_.lower() in BLAMED_PARTY_NOUNS


def blamed_on(verb: Token) -> Token | None:
    """'Blamed the attack on the Carlos Patino front', 'blamed it on rebels': the deed is the object and the
    one blamed follows 'on' (on the verb or, as the parser often hangs it, on the object): the noun of that
    phrase, else None; 'blamed rebels on Monday' names a day, not whom."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for head in (verb, *objects):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                who = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if who is not None and who.lower_ not in CALENDAR_WORDS and not who.like_num:
                    return who
    return None


def blames_for_named(sent) -> bool:
    """Whether a blame in the sentence says what it is for, and that is no deed ('Russia blames the West for
    rising food prices', 'accused Putin of war crimes'). In a sentence that tells no deed, that is something
    other than the deed told before, so the blame is not a claim about it; a bare blame ('a medical group
    blamed the RSF') is, and so is one for a deed word or a pronoun ('blamed the PCE of cooperating in the
    attack', 'blamed the groups for it')."""
    for t in sent:
        if t.lower_ not in BLAME_VERBS or t.pos_ != "VERB":
            continue
        # on the verb, or on its object unless it goes on a name ("the Communist Party of Spain" is one name)
        preps = [c for c in t.children if c.dep_ == "prep"] + [
            c for o in t.children if o.dep_ == "dobj" for c in o.children
            if c.dep_ == "prep" and not any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)]
        for prep in preps:
            if prep.lower_ in BLAMED_FOR_PREPOSITIONS and not any(
                    w.lemma_.lower() in DEED_LEMMAS or w.lower_ in BACK_POINTERS for w in prep.subtree):
                return True
    return False
