"""A bare "-ing" word that is its clause's subject is a noun: "Shelling damaged a substation".

English names an ongoing activity by its gerund, and war reports open sentences with one: "Fighting
continued in the east", "Shelling damaged a power substation", "Looting was reported".  The small model
tags such a word a verb form (VBG), as the subject of the verb after it or, at the start of a sentence, as
that verb's auxiliary, and lemmatises it to the verb ("fight", "shell"), so the event lexicons read a verb
with no subject and no object where the text names the activity itself.  A gerund with no object or
subject of its own ("Shelling the town killed two" keeps its object: a verb) that is the subject of the
next verb, or opens its sentence before a finite verb as its auxiliary (no English auxiliary ends in
-ing before a finite verb: "Being attacked" and "Having captured" come before participles), is told a
common noun with its own form as lemma: 'fighting', 'shelling', 'looting'.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

NAME = "eventwire_gerund_subjects"  # the factory; in the pipeline it sits, with the model's own, as PIPE
PIPE = "gerund_subjects"
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# what a gerund that is still a verb has of its own
OWN_ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr", "dative", "prt", "ccomp", "xcomp")


def _bare_subject(tok: Token) -> bool:
    if tok.tag_ != "VBG" or not tok.is_alpha or any(c.dep_ in OWN_ARGUMENT_DEPS for c in tok.children):
        return False
    if tok.dep_ in SUBJECT_DEPS and tok.head.i > tok.i:
        return True
    return tok.dep_ == "aux" and tok.head.tag_ in FINITE_TAGS and tok.head.i > tok.i


def mend(doc: Doc) -> Doc:
    for tok in doc:
        if _bare_subject(tok):
            tok.tag_, tok.pos_, tok.lemma_ = "NN", "NOUN", tok.lower_
    return doc


Language.component(NAME, func=mend)


def add(nlp: Language) -> Language:
    """Put the mending after the model's lemmatizer (it needs the parse and sets the lemma)."""
    from eventwire.extract.nlp import add_after_lemmatizer
    return add_after_lemmatizer(nlp, NAME, PIPE)
