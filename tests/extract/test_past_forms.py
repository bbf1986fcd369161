"""Irregular past forms the small model tags as present are told past (extract.past_forms)."""
import pytest

from eventwire.extract.past_forms import past_forms


def test_the_table_holds_past_forms_only():
    table = past_forms(verb_lemmas={"found", "saw"})
    assert table["retook"] == ("VBD", "retake") and table["retaken"] == ("VBN", "retake")
    assert table["fought"] == ("VBD", "fight")
    # a form that is also the present ("hit"), not a past ("dying", "says"), or a verb's own lemma ("found")
    for form in ("hit", "set", "dying", "says", "found", "saw"):
        assert form not in table


@pytest.mark.parametrize("text", ["Troops retook the hill, officials said.", "They retook it."])
def test_a_mis_tagged_past_is_past(nlp, text):
    tok = next(t for t in nlp(text) if t.lower_ == "retook")
    assert (tok.tag_, tok.lemma_, tok.pos_) == ("VBD", "retake", "VERB")
    assert "Tense=Past" in str(tok.morph)




def test_a_form_that_is_its_own_past_reads_as_past_beside_a_past(nlp):
    from eventwire.extract.past_forms import past_beside_past

    doc = nlp("Unidentified assailants set fire to the home of a lawmaker; no one was hurt.")
    tok = next(t for t in doc if t.lower_ == "set")
    assert (tok.tag_, tok.head.tag_) == ("VBP", "VBN")  # the tagger's guess this rule mends
    assert past_beside_past(tok)


@pytest.mark.parametrize("words, tags, word", [
    (["Officials", "say", "rebels", "set", "fires"], ["NNS", "VBP", "NNS", "VBP", "NNS"], "set"),  # a present head
    (["Officials", "said", "rebels", "burn", "fields"], ["NNS", "VBD", "NNS", "VBP", "NNS"], "burn"),  # a plain present
])
def test_a_present_stays_present_without_a_past_head_or_with_a_form_of_its_own(nlp, words, tags, word):
    from spacy.tokens import Doc

    from eventwire.extract.past_forms import past_beside_past

    doc = Doc(nlp.vocab, words=words, tags=tags, heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj"])
    assert not past_beside_past(next(t for t in doc if t.text == word))
