"""Triggers whose argument is an infinitive of purpose (extract.types_purposes), on sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    # the purpose and the doer both count: people who gathered to demand protest; ministers meet
    ("Hundreds of nurses gathered outside the ministry on Tuesday to demand unpaid wages.", ["Peaceful protest"]),
    ("Foreign ministers gathered in Geneva to condemn the decision.", []),
    ("Hundreds of nurses gathered outside the ministry to watch the ceremony.", []),
    # sides of a conflict that agreed to do one of the agreed things reached an agreement; a firm did not
    ("The army and the rebels agreed to pull back from the bridge.", ["Agreement"]),
    ("The firm agreed to release its figures on Monday.", []),
    # a plan to agree is no agreement
    ("The rebels may agree to withdraw from the bridge.", []),
])
def test_a_purpose_and_its_doer_make_the_event(sub_types, text, expected):
    assert sub_types(text) == expected
