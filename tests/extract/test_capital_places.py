"""A capital named by its role (sentences written for these tests)."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate


def place_of(extractor, text: str) -> str | None:
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2026, 11, 23), "metadata", 1.0), "en", text)
    (m, *_) = extractor.extract(doc)
    return m.place.name if m.place else None


@pytest.mark.parametrize("text, place", [
    # a report filed from a capital means that city by 'the capital'
    ("TBILISI (Wire) — Tens of thousands of people marched through the capital on Sunday evening.", "Tbilisi"),
    ("TBILISI, Nov 23 — Thousands of people marched through the capital on Sunday evening.", "Tbilisi"),
    # filed elsewhere, 'the capital' names no city this rule can know
    ("BATUMI (Wire) — Tens of thousands of people marched through the capital on Sunday evening.", None),
    ("Tens of thousands of people marched through the capital on Sunday evening.", None),
    # a capital named by its country is that country's capital
    ("Thousands of people marched through the Russian capital on Sunday evening.", "Moscow"),
])
def test_the_capital(extractor, text, place):
    assert place_of(extractor, text) == place
