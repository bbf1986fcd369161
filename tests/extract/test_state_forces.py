"""A state's soldiers named without their country take the country the deed was placed in."""

import pytest

from eventwire.extract.state_forces import STATE_FORCES, bare_force, with_scene_country
from eventwire.model import ActorRef, Place

BOGOTA = Place("Bogota", "CO", "Bogota D.C.", 4.6, -74.08, "town", 1)


def military_of(code):
    return {"CO": ("Military Forces of Colombia", None, 1)}.get(code)


def bare(alias="soldiers", role="actor1"):
    return ActorRef("Military Forces", role, STATE_FORCES, alias, 1, f"'{alias}' as {role}")


@pytest.mark.parametrize("text, word, expected", [
    ("Soldiers killed three rebels in a clash.", "Soldiers", True),
    ("Government troops retook the town.", "troops", True),
    ("The armed forces shelled the village.", "forces", True),
    ("Rebel soldiers killed three villagers.", "soldiers", False),  # whose: the rebels'
    ("Wagner troops entered the town.", "troops", False),
    ("Rebel forces shelled the village.", "forces", False),  # 'forces' alone names no state
])
def test_a_bare_force_is_qualified_by_nothing_that_says_whose(nlp, text, word, expected):
    tok = next(t for t in nlp(text) if t.text == word)
    assert bare_force(tok) is expected


def test_the_forces_of_the_deeds_country_or_none():
    (a,) = with_scene_country((bare(),), BOGOTA, [], military_of)
    assert (a.name, a.role, a.id) == ("Military Forces of Colombia", "actor1", "co-military")
    assert with_scene_country((bare(),), None, [], military_of) == ()  # unplaced: whose is unknown
    assert with_scene_country((bare(),), BOGOTA, [], military_of, in_setting=False) == ()
    unnamed = Place("Abidjan", "CI", None, 5.3, -4.0, "town", 2)
    assert with_scene_country((bare(),), unnamed, [], military_of) == ()  # no name for its forces: none


def test_no_country_when_the_article_names_another_countrys_forces():
    venezuelan = ActorRef("Military Forces of Venezuela", "actor2", "ve-military", "Venezuelan troops", 1)
    assert with_scene_country((bare(), venezuelan), BOGOTA, [], military_of) == (venezuelan,)


def test_a_named_force_of_the_country_is_not_named_twice():
    named = ActorRef("Military Forces of Colombia", "actor1", "co-military", "Colombian soldiers", 1)
    assert with_scene_country((named, bare(role="actor2")), BOGOTA, [], military_of) == (named,)
