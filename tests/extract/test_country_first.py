"""A country's name is the country unless the text says otherwise (sentences written for these tests)."""
import pytest

from eventwire.extract.country_first import country_readings
from eventwire.extract.factories import build_place_finder
from eventwire.extract.gazetteer import ADMIN1, COUNTRY


@pytest.fixture(scope="module")
def finder():
    return build_place_finder()


def test_country_name_keeps_its_country_reading_only(finder):
    gaz = finder.gaz
    ids = gaz.lookup("Poland")
    assert any(gaz.kind[i] == COUNTRY for i in ids) and any(gaz.kind[i] != COUNTRY for i in ids)
    kept = country_readings(gaz, ids, set())
    assert kept and all(gaz.kind[i] == COUNTRY for i in kept)


def test_a_state_survives_when_another_place_lies_in_it(finder):
    gaz = finder.gaz
    ids = gaz.lookup("Georgia")
    state = next(i for i in ids if gaz.kind[i] == ADMIN1 and gaz.cc[i] == "US")
    kept = country_readings(gaz, ids, {(gaz.cc[state], gaz.a1[state])})
    assert state in kept and any(gaz.kind[i] == COUNTRY for i in kept)


def test_a_name_without_a_country_reading_is_left_to_voting(finder):
    gaz = finder.gaz
    assert country_readings(gaz, gaz.lookup("Springfield"), set()) is None


def test_american_context_does_not_move_a_country_to_a_village(finder):
    text = ("Officials in Washington, Ohio and Michigan met on Monday. Senators from Ohio, Texas and Florida "
            "spoke in Washington. Russia shelled Kharkiv, and Poland sent aid to Lviv.")
    got = {p.surface: p for p in finder.find(text)}
    assert got["Russia"].country == "RU" and got["Russia"].precision == "country"
    assert got["Poland"].country == "PL" and got["Poland"].precision == "country"


def test_a_qualified_name_keeps_the_qualifier(finder):
    got = {p.surface: p for p in finder.find("A storm hit Poland, Ohio, on Monday.")}
    assert got["Poland"].country == "US"
