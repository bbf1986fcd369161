"""Place names that do not locate the event (sentences written for these tests)."""
from datetime import date

import pytest

from eventwire.extract.factories import build_extractor
from eventwire.model import Document, PublishedDate


@pytest.fixture(scope="module")
def extractor():
    return build_extractor()


def place_of(extractor, text: str):
    doc = Document("d_test", "0" * 64, None, None, "Test Wire", None,
                   PublishedDate(date(2024, 3, 14), "metadata", 0.9), "en", text)
    (m, *_) = extractor.extract(doc)
    return m.place.name if m.place else None


def test_a_source_is_not_a_place(extractor):
    assert place_of(extractor, "According to Baza, a substation exploded in the village on Thursday.") != "Baza"
    assert place_of(extractor, "According to Baza, a substation exploded in Kharkiv on Thursday.") == "Kharkiv"


def test_a_ship_named_after_a_city_is_not_the_city(extractor):
    assert place_of(extractor, "Ukraine says it hit the cruiser Moskva with an anti-ship missile on Wednesday.") is None
    assert place_of(extractor, "A missile hit Moskva on Wednesday, officials said.") == "Moscow"


def test_the_city_doing_the_deed_is_not_where_it_happened(extractor):
    assert place_of(extractor, "He said Kyiv had staged a drone attack on the village on Thursday.") != "Kyiv"
    assert place_of(extractor, "Russian missiles hit Kyiv on Tuesday.") == "Kyiv"
