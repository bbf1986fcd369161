"""The one alternation builder: longest phrase first, escaped, notes skipped."""
import re

from eventwire.phrases import alternation


def test_the_longest_phrase_wins():
    pattern = re.compile(rf"\b(?:{alternation(['the day before', 'the day before yesterday', 'the day'])})\b")
    assert pattern.search("on the day before yesterday it rained").group() == "the day before yesterday"


def test_phrases_are_escaped_and_notes_skipped():
    alt = alternation(["u.s.", "a+b", "_about", "u.s."])
    assert re.fullmatch(alt, "u.s.") and re.fullmatch(alt, "a+b")
    assert not re.fullmatch(alt, "uxsx") and not re.fullmatch(alt, "_about")


def test_any_space_matches_wrapped_phrases():
    assert re.fullmatch(alternation(["last night"], any_space=True), "last \n night")
    assert not re.fullmatch(alternation(["last night"]), "last \n night")
