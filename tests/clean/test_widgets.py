"""Caption labels and comment-thread headers (clean/widgets.py), judged by the line rules alone."""
import pytest

from eventwire.clean.blocks import Unit
from eventwire.clean.boilerplate import judge
from eventwire.clean.lexicon import load_lexicon

GO = [
    "Image caption, Rescue workers search the rubble on Saturday",
    "Media captionFootage filmed by a resident shows the blast",
    "Image source, Getty Images",
    "Image copyright AFP",
    "14 thoughts on “Why the bridge matters”",
    "3 Responses to Drone debris found near the school",
    "Olena P. says:",
    "Rate this article",
    "Next page »",
    "Posted in World | Bookmark the permalink.",
    "These links will open in a new window",
]
STAY = [
    "Image sources on social media showed smoke over the port, the agency said.",
    "The caption on the photo gave the wrong date, the newspaper later admitted.",
    "Three responses to the attack were discussed at the meeting, officials said.",
    "The minister says:",
    "Thoughts on the ceasefire differ between the two capitals.",
    "The next page of the report lists the damaged buildings.",
]


@pytest.mark.parametrize("line", GO)
def test_widget_line_goes(line):
    assert not judge(Unit(line, 0, True), load_lexicon()).keep


@pytest.mark.parametrize("line", STAY)
def test_reporting_line_stays(line):
    assert judge(Unit(line, 0, True), load_lexicon()).keep
