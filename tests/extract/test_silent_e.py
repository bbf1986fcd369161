"""A past or -ing form that did not double its last consonant is lemmatised to the verb with a silent e."""
import pytest


@pytest.mark.parametrize("text, word, lemma", [
    ("Doctors staged a strike at the hospital.", "staged", "stage"),
    ("The officials hoped that the talks would resume.", "hoped", "hope"),
])
def test_a_silent_e_is_restored(nlp, text, word, lemma):
    assert next(t for t in nlp(text) if t.text == word).lemma_ == lemma


@pytest.mark.parametrize("text, word, lemma", [
    ("The police stopped the march.", "stopped", "stop"),  # doubled: the short verb
    ("The crowd opened the gates.", "opened", "open"),  # two syllables: no doubling is due
    ("The engineers fixed the bridge.", "fixed", "fix"),  # a final x never doubles
])
def test_other_forms_keep_their_lemma(nlp, text, word, lemma):
    assert next(t for t in nlp(text) if t.text == word).lemma_ == lemma


def test_a_phrase_of_the_lexicons_matches_the_mended_lemma(sub_types):
    assert sub_types("Doctors staged a strike at government hospitals over unpaid salaries.") == ["Peaceful protest"]
