"""How concretely a sentence tells a deed."""
from eventwire.extract.concreteness import Anchors
from eventwire.model import ActorRef

NAMED = ActorRef("Military Forces of Russia (2000-)", "actor1", "ru-military", "Russian troops", 1, "")


def test_concrete_needs_own_date_own_place_and_participants():
    assert Anchors.of(True, "'Lviv' in the sentence", (NAMED,), []).concrete
    assert Anchors.of(True, "'Lviv' in the sentence", (), ["claim"]).concrete
    assert not Anchors.of(False, "'Lviv' in the sentence", (NAMED,), []).concrete
    assert not Anchors.of(True, "'Lviv' of the article's previous event", (NAMED,), []).concrete
    assert not Anchors.of(True, "'Lviv' in the sentence", (), []).concrete


def test_a_default_actor_is_no_participant_the_text_gives():
    default = ActorRef("Protesters", "actor1", "protesters", "", 6, "")
    named = ActorRef("Protesters", "actor1", "protesters", "demonstrators", 6, "")
    assert not Anchors.of(True, "in the sentence", (default,), ()).participants
    assert Anchors.of(True, "in the sentence", (named,), ()).participants
