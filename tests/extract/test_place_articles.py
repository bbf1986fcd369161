"""Place names led by the Arabic article (sentences written for these tests)."""
from __future__ import annotations

import pytest

from eventwire.extract.gazetteer import load
from eventwire.extract.place_articles import article_spellings, starts_with_article
from eventwire.extract.places import PlaceFinder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(load())


def test_the_spellings_of_a_name_with_its_article():
    assert article_spellings("al-Fashir")[:2] == ["Al-Fashir", "Al Fashir"]
    assert "Deir el-Balah" in article_spellings("Deir al-Balah")
    assert article_spellings("Kyiv") == [] and article_spellings("Rostov-on-Don") == []


def test_a_lower_case_article_starts_a_name_only_before_a_capital():
    text = "fighting in al-Fashir and a well-known at-risk area"
    assert starts_with_article(text, text.index("al-"))
    assert not starts_with_article(text, text.index("at-"))


@pytest.mark.parametrize("text, surface, country", [
    ("Drones struck a market in al-Fashir on Sunday.", "al-Fashir", "SD"),
    ("Shelling killed four people in el-Fasher on Sunday.", "el-Fasher", "SD"),
    ("An air strike hit a school in Deir al-Balah on Monday.", "Deir al-Balah", "PS"),
    ("A roadside bomb hit a convoy near the city of Deir ez-Zor.", "Deir ez-Zor", "SY"),
    ("Clashes broke out in ad-Damazin, the capital of Blue Nile state.", "ad-Damazin", "SD"),
    ("Turkish drones struck Ras al-Ain on Friday.", "Ras al-Ain", "SY"),
])
def test_a_name_with_its_article_is_found(finder, text, surface, country):
    found = {p.surface: p.country for p in finder.find(text)}
    assert found.get(surface) == country, found


def test_the_article_ending_a_longer_name_is_no_place(finder):
    found = [p.surface for p in finder.find("Fighters of Hayat Tahrir al-Sham attacked a checkpoint on Monday.")]
    assert found == []
