"""Two-word numbers: the units token carries the number, the tens token none."""
import spacy
import pytest

from eventwire.data import load_json
from eventwire.extract.number_words import compound_value, starts_compound

NUMBERS = load_json("lexicons", "claims.json")["number_words"]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text, at, value", [
    ("Twenty-two were wounded", 2, 22),
    ("thirty five people died", 1, 35),
    ("ninety-nine homes", 2, 99),
    ("two were wounded", 0, None),           # alone: the lexicon's value, not a compound
    ("twenty - two", 2, None),                # spaced hyphen: a range or a dash, not one number
    ("twenty both sides", 1, None),           # 'both' counts but names no number
])
def test_compound_value(nlp, text, at, value):
    assert compound_value(nlp(text)[at], NUMBERS) == value


@pytest.mark.parametrize("text, at, starts", [
    ("Twenty-two were wounded", 0, True),
    ("forty two fled", 0, True),
    ("twenty people", 0, False),
    ("twenty - two", 0, False),
])
def test_starts_compound(nlp, text, at, starts):
    assert starts_compound(nlp(text)[at]) is starts
