"""Capitalised plurals the tagger reads as names are told common nouns where their capital is the sentence's."""
import pytest

from eventwire.extract.capital_plurals import singular


def test_singular_of_nouns_and_event_words_not_of_peoples():
    assert singular("airstrikes") == "airstrike"  # an event word WordNet lacks
    assert singular("rebels") == "rebel"
    assert singular("americans") is None  # a people's name stays a name
    assert singular("xqzvs") is None


@pytest.mark.parametrize("text, word, lemma", [
    ("Airstrikes pounded the old town on Monday.", "Airstrikes", "airstrike"),
    ("Rebels attacked the town.", "Rebels", "rebel"),
    # a plural after a dateline's dash, or after the blanked dateline extraction parses, read as a singular name
    ("GAO — Drones struck an army base on Friday.", "Drones", "drone"),
    ("          Drones struck an army base on Friday.", "Drones", "drone"),
])
def test_a_capitalised_plural_opening_a_sentence_is_a_common_noun(nlp, text, word, lemma):
    tok = next(t for t in nlp(text) if t.text == word)
    assert (tok.pos_, tok.lemma_) == ("NOUN", lemma)


def test_a_name_inside_a_sentence_stays_a_name(nlp):
    tok = next(t for t in nlp("He met Democrats in the capital.") if t.text == "Democrats")
    assert tok.lemma_ == "Democrats"
