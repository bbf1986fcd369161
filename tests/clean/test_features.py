"""features.words / normalise: the page memo answers as the plain functions, and a page starts empty."""
import re

from eventwire.clean import features
from eventwire.clean.features import WORD, new_page, normalise, words
from eventwire.model import Record


def test_memo_answers_as_the_functions_and_hands_out_fresh_lists():
    new_page()
    line = "Officials said 3 people died — see www.example.com/x, e-mail: a.b@c.org. Don\u2019t share."
    for _ in range(2):
        assert words(line) == WORD.findall(line)
        assert normalise(line) == " ".join(re.sub(r"[^\w]+", " ", line.lower()).split())
    mine = words(line)
    mine.append("changed")
    assert words(line) == WORD.findall(line)


def test_each_page_starts_with_an_empty_memo(cleaner):
    words("A line of the last page")
    assert features._WORDS
    cleaner.clean(Record(source="t", text="Two drones struck a fuel depot on Friday, the governor said."))
    assert "A line of the last page" not in features._WORDS


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(features, "PAGE_MEMO_LIMIT", 3)
    new_page()
    for i in range(10):
        assert words(f"line {i}") == ["line", str(i)]
        assert normalise(f"Line {i}!") == f"line {i}"
    assert len(features._WORDS) <= 3 and len(features._NORMALISED) <= 3
