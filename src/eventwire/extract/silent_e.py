"""A past or -ing form that did not double its last consonant comes from a verb with a silent e.

English doubles the last consonant of a one-syllable verb ending in one vowel and one consonant before
-ed and -ing ('stop', 'stopped'; 'rap', 'rapping'), so 'staged' and 'raping' cannot come from 'stag' and
'rap': they come from 'stage' and 'rape'.  The model's lemmatiser strips the ending and finds the shorter
verb in its index, so 'staged a strike' was lemmatised 'stag a strike' and no phrase of the lexicons
matched it.  The lemma is mended for every later reader (the phrase matchers, the trigger lemmas).
Final w, x and y never double ('snowed', 'fixed', 'played'), so those are left as they are.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

NAME = "eventwire_silent_e"  # the factory; in the pipeline it sits, with the model's own, as PIPE
PIPE = "silent_e"
VERB_FORM_TAGS = ("VBG", "VBD", "VBN")
ONE_SYLLABLE_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def dropped_e(tok: Token) -> bool:
    """The token's lemma lost the silent e of its verb ('staged' read as 'stag' + 'ed')."""
    lemma, form = tok.lemma_.lower(), tok.lower_
    return tok.tag_ in VERB_FORM_TAGS and form in (lemma + "ing", lemma + "ed") \
        and ONE_SYLLABLE_CVC.fullmatch(lemma) is not None


def mend(doc: Doc) -> Doc:
    for tok in doc:
        if dropped_e(tok):
            tok.lemma_ = tok.lemma_ + "e"
    return doc


Language.component(NAME, func=mend)


def add(nlp: Language) -> Language:
    """Put the mending after the model's lemmatizer (it reads the tag and sets the lemma)."""
    from eventwire.extract.nlp import add_after_lemmatizer
    return add_after_lemmatizer(nlp, NAME, PIPE)
