"""The sides of a fight (extract.types_sides), on sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    # what a side fights with is its arms, not a second side
    ("Two rival militias fought with heavy weapons near the port overnight.", ["Armed clash"]),
    ("Rival youths fought with machetes and sticks in the market.", ["Mob violence"]),
    # a fight noun takes the sides named on it or on the verb it is the subject of
    ("An encounter broke out between security forces and militants in the district.", ["Armed clash"]),
    ("The encounter between the police and the rebels lasted three hours.", ["Armed clash"]),
    # ... and there must be two armed ones
    ("His encounter with the president was brief.", []),
    ("The fight against corruption continues.", []),
])
def test_a_fight_is_typed_by_its_sides(sub_types, text, expected):
    assert sub_types(text) == expected


def test_troops_named_after_with_are_a_side_not_a_weapon(sub_types):
    # the ground-assault concept lists fighters ('troops'): they stay a side
    assert sub_types("Separatist forces fought with government troops along the river.") == ["Armed clash"]
