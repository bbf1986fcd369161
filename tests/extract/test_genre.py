"""Report or commentary (pages written for these tests)."""
import pytest

from eventwire.extract.genre import MIN_WORDS, GenreClassifier

REPORT = ("Drones struck a fuel depot in the port overnight, the regional governor said. "
          "Two workers were injured, officials told reporters, and firefighters put out the blaze by morning. "
          "The air force said it shot down nine of twelve drones, according to a statement. ")
ARGUED = ("We should ask what victory would mean for a leader who might never admit defeat. "
          "Perhaps the answer is that he could simply declare it, and I suspect our governments would accept that. "
          "It may be that the war must end in a stalemate nobody wants. ")


@pytest.fixture(scope="module")
def genre():
    return GenreClassifier()


def long(text: str) -> str:
    return (text * (MIN_WORDS // len(text.split()) + 2)).strip()


def test_section_in_the_address_marks_commentary(genre):
    g = genre.classify("Victory is not in sight", "https://news.example/2024/03/opinion/victory-not-in-sight", REPORT)
    assert g.commentary and "opinion" in g.reason
    assert not genre.classify("Depot hit", "https://news.example/world/2024/03/depot-hit", REPORT).commentary


def test_headline_label_or_question_marks_commentary(genre):
    assert genre.classify("Analysis: what the raid tells us", None, REPORT).commentary
    assert genre.classify("Can sanctions really stop the war? - Example Times", None, REPORT).commentary
    assert not genre.classify("Drones hit fuel depot, two injured", None, REPORT).commentary
    # a question mark is not enough: the question has to open like one
    assert not genre.classify("'Where is my son?' mothers ask after strike", None, REPORT).commentary


def test_argued_body_is_commentary_and_attributed_body_is_a_report(genre):
    assert genre.classify(None, None, long(ARGUED)).commentary
    assert not genre.classify(None, None, long(REPORT)).commentary


def test_short_bodies_are_not_judged_by_their_words(genre):
    assert not genre.classify(None, None, ARGUED).commentary


def test_capital_us_is_the_country_not_first_person(genre):
    listing = "Sergeant J. Smith, U.S. Air Force, US Bomb. Sergeant K. Lee, U.S. Army, US Bomb. " * 40
    assert not genre.classify(None, None, listing).commentary
