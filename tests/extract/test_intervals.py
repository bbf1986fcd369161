"""Landmarks dated by the interval English gives between them and the deed they date."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate


def _mentions(extractor, text: str, published: date):
    pub = PublishedDate(published, "metadata", 0.9)
    return extractor.extract(Document("d_iv", "0" * 64, None, None, "Test Wire", None, pub, "en", text))


@pytest.mark.parametrize("text, start, end", [
    # the day before the deed it dates, whose own mention need not exist
    ("The attack came a day after Russian missiles struck the city of Dnipro, killing four people.",
     date(2024, 5, 13), date(2024, 5, 13)),
    # a week before a dated deed: that week, give or take half of one
    ("The attack in Kabul on Monday came a week after a suicide bombing at a mosque killed 50 people.",
     date(2024, 5, 3), date(2024, 5, 9)),
])
def test_a_landmark_is_dated_by_its_interval(extractor, text, start, end):
    (m,) = [m for m in _mentions(extractor, text, date(2024, 5, 14)) if m.landmark]
    assert (m.date.start, m.date.end) == (start, end), m.reason


def test_a_vague_count_dates_nothing(extractor):
    text = "The attack came days after Russian missiles struck the city of Dnipro, killing four people."
    (m,) = [m for m in _mentions(extractor, text, date(2024, 5, 14)) if m.landmark]
    assert m.date.start == date(2024, 5, 14)  # the page's day, as before: no interval read
