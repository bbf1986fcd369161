"""A claim of one's own part told by the deed's name (extract.deed_claimed), on sentences written for these tests."""
import pytest

from eventwire.extract.deed_claimed import deed_claimed


def _first(nlp, text):
    return next(iter(nlp(text).sents))


def test_the_claimant_and_the_deed_of_a_claim_by_the_deeds_name(nlp):
    verb, subj, deed = deed_claimed(_first(nlp, "Al-Shabaab claimed Tuesday's attack on the hotel in Mogadishu."))
    assert (verb.lemma_, deed.lemma_) == ("claim", "attack") and "Shabaab" in subj.text


@pytest.mark.parametrize("text", [
    "The fire claimed the lives of four people.",  # no deed claimed
    "No group claimed the bombing.",  # nobody
    "The rebels did not claim the attack.",  # negated
    "They claimed the raid.",  # a pronoun names no claimant here
])
def test_no_claim_of_a_deed(nlp, text):
    assert deed_claimed(_first(nlp, text)) is None
