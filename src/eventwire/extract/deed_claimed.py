"""A claim of one's own part told by the deed's name: 'the Islamic State claimed Tuesday's bombing'.

Wire copy says 'X claimed responsibility' as often as 'X claimed the attack' or 'X claimed the twin blasts',
and the deed may be named any way ('Monday's bombing', 'the assault on the base').  The claims lexicon's
phrases cover the first form; this reads the second from the parse: the verb 'claim' with a deed noun as its
object (data/lexicons/claims.json, claimed_deed_nouns).  'The fire claimed the lives of four people' has no
deed for an object, and 'no group claimed the bombing' is nobody's claim.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.vocab import words

CLAIMED_DEED_NOUNS = frozenset(load_json("lexicons", "claims.json")["responsibility"]["claimed_deed_nouns"])
PRONOUNS = words("function_words", "speaker_pronouns") | words("function_words", "relative_pronouns")
NOBODY = ("nobody", "none")


def names_nobody(subj: Token) -> bool:
    """'Nobody', 'none', 'no group' as a claim's subject: nobody's claim."""
    return subj.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def deed_claimed(sent: Span) -> tuple[Token, Token, Token] | None:
    """(verb, claimant's subject, deed noun) of the sentence's first claim of a deed by its name, else None."""
    for verb in sent:
        if verb.lemma_.lower() != "claim" or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        deed = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_DEED_NOUNS), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if deed is None or subj is None or subj.lower_ in PRONOUNS or names_nobody(subj):
            continue
        return verb, subj, deed
    return None
