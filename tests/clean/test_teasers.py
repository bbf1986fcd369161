"""Teasers of other articles above read-more buttons (clean/teasers.py). Pages written for the test."""
from eventwire.clean import Cleaner
from eventwire.model import Record

ARTICLE = [
    "Two drones struck a fuel depot on the edge of the town early on Friday, the regional governor said.",
    "A fire broke out at one of the tanks and was put out by firefighters within three hours, the emergency service said.",
    "Residents of two nearby streets were moved to a school while the fire burned, according to the local council.",
]
TEASERS = [
    "The Long Road Home",
    "“We did not recognise our street,” one woman told us as her family returned to a village shelled for a year.",
    "Read more",
    "Counting the Cost of the Floods",
    "Farmers along the river say the water took their seed stock; economists expect prices to rise, they said.",
    "Read More",
]


def _text(lines):
    return Cleaner().clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines))).text


def test_teasers_above_read_more_buttons_go():
    text = _text(ARTICLE + TEASERS)
    assert "did not recognise our street" not in text
    assert "took their seed stock" not in text
    for line in ARTICLE:
        assert line in text


def test_one_button_under_the_article_leaves_it_alone():
    text = _text(ARTICLE + ["Read more"])
    for line in ARTICLE:
        assert line in text


def test_a_paragraph_under_a_paragraph_is_no_teaser():
    # two buttons, but the unit above the first sits under prose, not under a title: the article's own
    text = _text(ARTICLE + ["Read more"] + TEASERS[3:])
    assert ARTICLE[-1] in text
