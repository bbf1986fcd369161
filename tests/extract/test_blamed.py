"""Whom a blame names (extract.blamed)."""
import pytest

from eventwire.extract.blamed import blamed_on


def _verb(nlp, text):
    return next(t for t in nlp(text) if t.lemma_ == "blame")


@pytest.mark.parametrize("text, expected", [
    ("The minister blamed the attack on the Carlos Patino front.", "front"),
    ("Officials blamed it on rebels.", "rebels"),
    ("The army blamed the rebels on Monday.", None),  # a day: the object is whom
    ("The army blamed the rebels for the ambush.", None),  # no 'on': the object is whom
    ("Officials blamed the blast on poorly stored chemicals.", False),  # a cause: nobody
])
def test_the_on_phrase_names_whom_unless_it_says_when_or_why(nlp, text, expected):
    found = blamed_on(_verb(nlp, text))
    assert (found.text if hasattr(found, "text") else found) == expected
