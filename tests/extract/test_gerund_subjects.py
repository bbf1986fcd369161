"""A bare "-ing" word that is its clause's subject is told a noun; a gerund with its own object stays a verb."""
import pytest


@pytest.mark.parametrize("text, word", [
    ("Shelling damaged a power substation in the region on Monday.", "Shelling"),  # tagged an auxiliary
    ("Fighting continued in the east on Monday, the general staff said.", "Fighting"),  # tagged a verb subject
    ("Enemy shelling damaged 12 houses in the town on Friday.", "shelling"),  # an auxiliary after a modifier
])
def test_a_bare_gerund_subject_is_a_noun(nlp, text, word):
    tok = next(t for t in nlp(text) if t.text == word)
    assert (tok.pos_, tok.tag_, tok.lemma_) == ("NOUN", "NN", word.lower())


@pytest.mark.parametrize("text, word", [
    ("Shelling the town killed two people.", "Shelling"),  # its own object: a verb
    ("Having captured the town, the troops moved on.", "Having"),  # an auxiliary before a participle
    ("They were fighting in the east.", "fighting"),  # a verb of its clause
])
def test_a_gerund_that_acts_as_a_verb_stays_a_verb(nlp, text, word):
    tok = next(t for t in nlp(text) if t.text == word)
    assert tok.pos_ in ("VERB", "AUX"), (tok.pos_, tok.tag_, tok.dep_)


def test_the_activity_named_by_a_gerund_is_an_event(nlp):
    from eventwire.extract.types import EventTypeClassifier
    clf = EventTypeClassifier(nlp)
    sent = next(iter(nlp("Shelling damaged a power substation in the region on Monday.").sents))
    assert [h.sub_event_type for h in clf.classify(sent)] == ["Shelling/artillery/missile attack"]
