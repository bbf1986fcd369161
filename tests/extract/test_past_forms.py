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

