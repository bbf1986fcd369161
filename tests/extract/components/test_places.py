"""The place components: the article's places (reader) and the context place of an event."""
from datetime import date

import pytest

from eventwire.extract.components.places import capitals, context_place, group_short_names
from eventwire.extract.factories import build_reader
from eventwire.model import DateSpan, Evidence, Mention, Place

WAGNER = Place("Wagner", "US", "South Dakota", 43.08, -98.29, "town", 5769288, surface="Wagner")
AZOV = Place("Azov", "RU", "Rostov", 47.11, 39.42, "town", 583673, surface="Azov")


@pytest.fixture(scope="module")
def reader():
    return build_reader()


def test_a_groups_short_name_is_no_town_when_the_text_names_the_group(reader):
    places = reader.get_pipe("eventwire_places")
    text = "The Wagner Group is under sanctions. The leaders get military muscle from Wagner."
    assert places._not_group_names([WAGNER, AZOV], text) == [AZOV]
    # without the group's longer name the town stands
    assert places._not_group_names([WAGNER], "Floods hit Wagner, South Dakota.") == [WAGNER]


def test_the_reader_drops_the_dateline_place(reader):
    text = "KHARKIV, 14 March 2024 — Drones struck a depot in Odesa."
    doc = reader(text)
    assert any(p.name == "Kharkiv" for p in doc._.toponyms)
    names = [p.name for p in doc._.places]
    assert "Odesa" in names and "Kharkiv" not in names  # where the report was filed


def test_the_shared_data_tables():
    assert capitals()["Russian"] == "Moscow"
    assert "wagner group" in group_short_names()["wagner"]


def _mention(place: Place | None) -> Mention:
    ev = Evidence("d", "s", 0, 1)
    return Mention("d", ev, "Battles", "Armed clash", "clashed", DateSpan(date(2024, 1, 1), date(2024, 1, 1), "day", "", ""),
                   place, (), (), None, "")


def test_context_place_prefers_the_previous_event_then_a_recent_place():
    odesa = Place("Odesa", "UA", None, 46.48, 30.74, "town", 698740, start=10, end=15, surface="Odesa")
    ukraine = Place("Ukraine", "UA", None, 49.0, 32.0, "country", 690791, start=20, end=27, surface="Ukraine")
    place, why = context_place(100, [odesa, ukraine], [_mention(odesa)])
    assert place is odesa and "previous event" in why
    place, why = context_place(100, [odesa, ukraine], [_mention(ukraine)])
    assert place is odesa and "named earlier" in why  # a country does not place an event
    assert context_place(5000, [odesa], []) == (None, "")  # too far back
