"""Whom a blame names (extract.blamed)."""
import pytest

from eventwire.extract.blamed import blamed_on, blames_for_named, names_party


def _verb(nlp, text):
    return next(t for t in nlp(text) if t.lemma_ == "blame")


@pytest.mark.parametrize("text, expected", [
    ("The minister blamed the attack on the Carlos Patino front.", "front"),
    ("Officials blamed it on rebels.", "rebels"),
    ("The army blamed the rebels on Monday.", None),  # a day: the object is whom
    ("The army blamed the rebels for the ambush.", None),  # no 'on': the object is whom
])
def test_the_on_phrase_names_whom_unless_it_says_when(nlp, text, expected):
    found = blamed_on(_verb(nlp, text))
    assert (found.text if found is not None else None) == expected
    assert found is None or names_party(found)


def test_a_cause_blamed_names_no_party(nlp):
    found = blamed_on(_verb(nlp, "Officials blamed the blast on poorly stored chemicals."))
    assert found is not None and found.text == "chemicals" and not names_party(found)


@pytest.mark.parametrize("text, expected", [
    ("Russia blamed the West for rising food prices.", True),
    ("The president accused the opposition of treason.", True),
    ("The Sudan Doctors Network blamed the Rapid Support Forces.", False),  # bare: the deed told before
    ("Police blamed the party of cooperating in the attack.", False),      # for a deed
    ("He blamed the ultraleftist groups for it.", False),                   # for the deed told before
])
def test_a_blame_for_something_named_that_is_no_deed(nlp, text, expected):
    assert blames_for_named(next(nlp(text).sents)) is expected


def test_an_of_phrase_inside_the_blamed_name_says_nothing_of_what_for(nlp):
    text = "Police blamed the Communist Party of Spain of cooperating in the attack."
    assert blames_for_named(next(nlp(text).sents)) is False
