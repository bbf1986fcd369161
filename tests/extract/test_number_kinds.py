"""Dates and measures told apart from counts in a parse made without NER (as extraction parses)."""
import pytest

from eventwire.extract.number_kinds import NumberKinds


@pytest.fixture(scope="module")
def kinds():
    return NumberKinds()


def token(nlp, text, word, ner=False):
    doc = nlp(text) if ner else nlp(text, disable=["ner"])
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word", [
    ("Russia captured Crimea in 2014.", "2014"),
    ("The convoy drove 50 km to the border.", "50"),
    ("The strike destroyed equipment worth $21 million.", "21"),
    ("Shelling resumed on 12 March.", "12"),
    ("Turnout fell by 30 percent.", "30"),
])
def test_measures_and_dates_are_not_counts(nlp, kinds, text, word):
    assert kinds.is_measure(token(nlp, text, word))


@pytest.mark.parametrize("text, word", [
    ("Five soldiers and 12 civilians were killed.", "12"),
    ("The ministry said 2000 troops had crossed.", "2000"),  # a year-like number counting its noun
])
def test_counts_are_counts(nlp, kinds, text, word):
    assert not kinds.is_measure(token(nlp, text, word))


@pytest.mark.parametrize("text, expected", [
    ("Shelling resumed on 12 March near the port.", True),
    ("Talks are planned for March 2025.", True),
    ("The talks ended in March without a deal.", True),
    ("Thousands joined the March for Peace.", False),  # after "the", without a number: a name
    ("March organisers said the route was blocked.", False),
    ("Students held a march through the centre.", False),
])
def test_month_names(nlp, kinds, text, expected):
    word = next(w for w in text.replace(".", "").split() if w.lower() == "march")
    assert kinds.is_calendar(token(nlp, text, word)) is expected


def test_ner_labels_win_when_ner_ran(nlp, kinds):
    assert kinds.is_measure(token(nlp, "Russia captured Crimea in 2014.", "2014", ner=True))
    assert not kinds.is_measure(token(nlp, "Five soldiers and 12 civilians were killed.", "12", ner=True))


def test_a_time_entity_dates_only_its_calendar_words(nlp, kinds):
    """NER may run a TIME on past its time ('8 p.m. Protesters'): the word after it is no date."""
    from spacy.tokens import Span

    doc = nlp("At 8 p.m. Protesters marched on Monday.", disable=["ner"])
    doc.ents = [Span(doc, 1, 4, label="TIME"), Span(doc, 6, 7, label="DATE")]
    assert doc[3].text == "Protesters" and not kinds.is_calendar(doc[3])
    assert doc[6].text == "Monday" and kinds.is_calendar(doc[6])
