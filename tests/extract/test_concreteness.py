"""How concretely a sentence tells a deed."""
from eventwire.extract.concreteness import Anchors


def test_concrete_needs_own_date_own_place_and_participants():
    assert Anchors.of(True, "'Lviv' in the sentence", ("actor",), []).concrete
    assert Anchors.of(True, "'Lviv' in the sentence", (), ["claim"]).concrete
    assert not Anchors.of(False, "'Lviv' in the sentence", ("actor",), []).concrete
    assert not Anchors.of(True, "'Lviv' of the article's previous event", ("actor",), []).concrete
    assert not Anchors.of(True, "'Lviv' in the sentence", (), []).concrete
