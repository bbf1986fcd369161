"""'The group' told by its own spokesman is the speaker's group (extract.speakers_group), on sentences written for
these tests."""
import pytest

from eventwire.extract.actors import ActorFinder
from eventwire.extract.claims import ClaimExtractor


@pytest.fixture(scope="module")
def finder(nlp):
    return ActorFinder(nlp)


def doers(nlp, finder, text, trigger):
    sent = next(iter(nlp(text).sents))
    trig = next(t for t in sent if t.text == trigger)
    found = finder.find(sent, trig, ClaimExtractor().speech_heads(sent))
    return [a.name for a in found if a.role == "actor1"]


@pytest.mark.parametrize("text, group", [
    ("Houthi spokesman Yahya Saree said the group had fired ballistic missiles at Eilat on Sunday.", "Ansar Allah"),
    ("A Hamas official said the group had fired rockets at Ashkelon on Monday.", "Hamas Movement"),
])
def test_the_group_a_spokesman_tells_of_is_his(nlp, finder, text, group):
    assert doers(nlp, finder, text, "fired") == [group]


def test_a_group_a_states_spokesman_tells_of_is_not_his(nlp, finder):
    # a state's forces are no armed group: their spokesman's 'the group' is the enemy
    assert "Military Forces of Israel (2022-)" not in doers(
        nlp, finder, "An Israeli military spokesman said the group had fired rockets at Ashkelon.", "fired")
