"""Capitalised plurals the tagger reads as names: told common nouns where their capital is the sentence's.

The small model tags a capitalised plural it rarely sees as a plural proper noun (NNPS) and leaves its
lemma as written: "Rebels attacked the town", "Airstrikes pounded the city", and "9 p.m. Protesters have
set fire to a bank" (a capital after an abbreviation's full stop) all lose the word every lexicon knows
('rebel', 'airstrike', 'protester').  Where the capital is explained by the word's place (it opens its
sentence, or follows a full stop, a colon or a dateline's dash) and the word is the plural of an English noun or of an event
word (``truecase.english_words``) that is not a people's name ('Americans', 'Kurds': demonyms), it is
told a common noun with its singular lemma.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.data import load_json
from eventwire.extract.truecase import english_words

NAME = "eventwire_capital_plurals"  # the factory; in the pipeline it sits, with the model's own, as PIPE
PIPE = "capital_plurals"
# plural endings and what the singular ends in instead, longest first
PLURAL_ENDINGS = (("men", "man"), ("ies", "y"), ("es", ""), ("s", ""))
# the dashes that close a dateline ("BAMAKO — Militants stormed ..."): the word after one opens the report
DASHES = ("—", "–", "--", "-")


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    countries = load_json("actors", "demonyms.json")["countries"]
    return frozenset(w.lower() for c in countries.values() for w in c["adjectives"] + c["names"])


def singular(word: str) -> str | None:
    """The singular of a plural English noun or event word ('airstrikes' -> 'airstrike'), or None."""
    _common, known, _forms = english_words()
    for ending, instead in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)] + instead
            if stem in known and stem not in _demonyms():
                return stem
    return None


def _capital_by_place(tok: Token) -> bool:
    if tok.is_sent_start or tok.i == 0:
        return True
    before = tok.doc[tok.i - 1]
    return before.is_space or before.text.endswith((".", ":")) or before.text in DASHES


def mend(doc: Doc) -> Doc:
    for tok in doc:
        # an opening plural is also read as a singular name ("Drones struck", after a blanked dateline)
        if tok.tag_ not in ("NNPS", "NNP") or not tok.is_alpha or not tok.text[0].isupper() or not tok.text[1:].islower():
            continue
        if not _capital_by_place(tok):
            continue
        lemma = singular(tok.lower_)
        if lemma is not None:
            tok.tag_, tok.pos_, tok.lemma_ = "NNS", "NOUN", lemma
    return doc


Language.component(NAME, func=mend)


def add(nlp: Language) -> Language:
    """Put the mending after the model's lemmatizer (it needs the tags and sets the lemma)."""
    from eventwire.extract.nlp import add_after_lemmatizer
    return add_after_lemmatizer(nlp, NAME, PIPE)
