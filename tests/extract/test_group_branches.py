"""A movement named as itself in a country where it fights as a branch (extract.group_branches)."""
from eventwire.data import actor_countries
from eventwire.extract.group_branches import with_branch
from eventwire.model import ActorRef, Place

IS = ActorRef("Islamic State (Iraq)", "actor1", "is", "Islamic State", 2)
CIVILIANS = ActorRef("Civilians", "actor2", "civilians", "villagers", 7)


def _at(country):
    return Place("x", country, None, 0.0, 0.0, "region")


def test_the_branch_of_the_deeds_country():
    got = with_branch((IS, CIVILIANS), _at("MZ"))
    assert [a.name for a in got] == ["Islamic State (Mozambique)", "Civilians"]
    assert "branch" in got[0].reason and actor_countries()[got[0].id] == "MZ"


def test_the_movement_stays_itself_where_it_has_no_listed_branch_or_no_place():
    assert with_branch((IS,), _at("IQ")) == (IS,)
    assert with_branch((IS,), _at("FR")) == (IS,)
    assert with_branch((IS,), None) == (IS,)


def test_nigerias_branch_is_iswaps_entry():
    (got,) = with_branch((IS,), _at("NG"))
    assert (got.id, got.name) == ("iswap", "Islamic State (West Africa)")
