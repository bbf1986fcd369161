"""The gazetteer: names, regions, country centres, stop words."""
from __future__ import annotations

import pytest

from eventwire.extract.gazetteer import ADMIN1, ADMIN2, COUNTRY, Gazetteer, load
from eventwire.geo import km


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load()  # lru_cached: one load per session


def test_region_with_suffix_is_admin1(gaz):
    ids = gaz.lookup("Kursk region")
    assert ids and all(gaz.kind[i] == ADMIN1 and gaz.cc[i] == "RU" for i in ids)
    assert {gaz.kind[i] for i in gaz.lookup("Belgorod Oblast")} == {ADMIN1}


@pytest.mark.parametrize("name, country", [
    ("Negros Occidental province", "PH"),  # GeoNames: "Province of Negros Occidental"
    ("Oudalan province", "BF"),  # "Province de l'Oudalan"
])
def test_a_division_named_with_its_word_first_is_found_as_english_writes_it(gaz, name, country):
    ids = gaz.lookup(name)
    assert ids and all(gaz.kind[i] == ADMIN2 and gaz.cc[i] == country for i in ids)
    assert not gaz.lookup(name.rsplit(" ", 1)[0])  # the bare name alone stays unindexed


@pytest.mark.parametrize("name, country", [
    ("Bekaa Valley", "LB"), ("North Darfur state", "SD"), ("Lower Shabelle region", "SO"), ("Oromia", "ET"),
    ("North Waziristan district", "PK"), ("Baydha", "YE"), ("Amran province", "YE"), ("Saada governorate", "YE"),
])
def test_english_names_of_regions_geonames_spells_otherwise(gaz, name, country):
    assert {gaz.cc[i] for i in gaz.lookup(name)} == {country}


def test_the_english_name_is_the_one_given(gaz):
    assert any(gaz.name[i] == "Sagaing" for i in gaz.lookup("Sagaing region"))


def test_bare_region_named_after_its_city_is_the_city(gaz):
    # "Kursk" alone is the city; the region needs "region"/"Oblast"
    assert ADMIN1 not in {gaz.kind[i] for i in gaz.lookup("Kursk")}


def test_a_hand_alias_a_big_town_of_its_region_bears_needs_its_division_word(gaz):
    # 'Amran' is one of '‘Amrān''s spellings: bare, the town; 'Amran province', the governorate
    assert {gaz.kind[i] for i in gaz.lookup("Amran")} == {"city"}
    assert {gaz.kind[i] for i in gaz.lookup("Amran province")} == {ADMIN1}
    # GeoNames' own region names keep their bare form ('New York' is also a spelling of New York City)
    assert ADMIN1 in {gaz.kind[i] for i in gaz.lookup("New York")}


def test_admin1_point(gaz):
    lat, lon = gaz.admin1_point("RU", "Belgorod region")
    assert km(lat, lon, 50.7, 37.4) < 120
    lat, lon = gaz.admin1_point("US", "ohio")
    assert km(lat, lon, 40.3, -82.8) < 100
    assert gaz.admin1_point("US", "Atlantis") is None


def test_region_across_the_dateline_is_not_in_the_atlantic(gaz):
    lat, lon = gaz.admin1_point("RU", "Chukotskiy Avtonomnyy Okrug")
    assert lon > 160 or lon < -170


def test_country_centre_is_not_the_capital(gaz):
    (i,) = [i for i in gaz.lookup("Ukraine") if gaz.kind[i] == COUNTRY]
    assert km(gaz.lat[i], gaz.lon[i], 50.45, 30.52) > 100  # Kyiv
    lat, lon = gaz.country_point("US")
    assert km(lat, lon, 39.8, -98.6) < 50


def test_stop_words_and_demonyms_are_not_names(gaz):
    for w in ("March", "Will", "Mobile", "Reading", "May", "Of", "Russian", "American", "From"):
        assert gaz.lookup(w) == (), w
    assert gaz.lookup("US")  # the stop word "us" does not block the country code


def test_alternate_and_folded_names(gaz):
    assert any(gaz.cc[i] == "UA" for i in gaz.lookup("Kyiv"))
    assert any(gaz.cc[i] == "UA" for i in gaz.lookup("Kiev"))
    assert any(gaz.cc[i] == "US" for i in gaz.lookup_folded("CHARLESTON"))


def test_admin1_names_are_english_with_their_type(gaz):
    assert gaz.admin1_name("RU", "62") == "Ryazan Oblast"
    assert gaz.admin1_name("RU", "09") == "Belgorod Oblast"
    assert gaz.admin1_name("UA", "12") == "Kyiv City"
    assert gaz.admin1_name("UA", "11") == "Crimea"
    # the old transliteration stays searchable
    assert any(gaz.kind[i] == ADMIN1 for i in gaz.lookup("Rjazan"))
    assert {gaz.kind[i] for i in gaz.lookup("Ryazan Oblast")} == {ADMIN1}


def test_demonyms_map_to_countries(gaz):
    d = gaz.demonyms
    assert gaz.cc[d["Russian"]] == gaz.cc[d["Russians"]] == "RU"
    assert gaz.cc[d["American"]] == "US" and gaz.cc[d["Chinese"]] == "CN"
    assert "Chineses" not in d and "Indian" not in d  # no plural; ambiguous in US news
    assert gaz.kind[d["Chechen"]] == ADMIN1
