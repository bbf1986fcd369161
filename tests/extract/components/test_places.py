"""The place components: the article's places (reader) and the context place of an event."""
from dataclasses import replace
from datetime import date

import pytest

from eventwire.extract.components.places import (COUNTRY_OF_DEED, LOCALITY, NAMED_LOCALITY, NEW_LOCALITY, at_locality,
                                                 capitals, context_place, group_short_names)
from eventwire.extract.concreteness import IN_SENTENCE
from eventwire.extract.factories import build_reader
from eventwire.model import DateSpan, Document, Evidence, Mention, Place, PublishedDate

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


@pytest.mark.parametrize("text, capital", [
    ("Drones struck the Russian capital overnight.", "Moscow"),
    ("Thousands marched through the centre of Colombia's capital on Saturday.", "Bogota"),
])
def test_a_country_named_by_its_capital_is_that_city(reader, text, capital):
    places = reader(text)._.places
    assert [p.name for p in places] == [capital]  # and not the country whose name the phrase holds


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


# ------------------------------------------------------------ localities the gazetteer does not know
KHARKIV = Place("Kharkiv", "UA", "Kharkiv Oblast", 50.0, 36.25, "town", 706483, surface="Kharkiv")


def _at(text: str, place: Place, word: str) -> Place:
    start = text.index(word)
    return replace(place, start=start, end=start + len(word))


def test_a_town_heading_a_longer_foreign_name_is_no_event_place(parse, extractor):
    text = "Russian shells fell on the Dolyna Zhurby nature park in Kharkiv on Tuesday."
    dolyna = _at(text, Place("Dolyna", "UA", "Ivano-Frankivsk Oblast", 48.97, 23.97, "town", 1, surface="Dolyna"), "Dolyna")
    kharkiv = _at(text, KHARKIV, "Kharkiv")
    doc = parse(text, places=[dolyna, kharkiv])
    (sent,) = doc.sents
    ((place, why),) = sent._.hit_places
    assert place.name == "Kharkiv" and "in the sentence" in why  # "Dolyna Zhurby" is a name of its own
    usable = extractor.nlp.get_pipe("eventwire_event_places").usable
    assert usable(sent, 0, dolyna) is False and usable(sent, 0, kharkiv) is True


def test_a_village_named_with_a_known_region_rides_on_the_region(parse):
    text = "A drone set a barn on fire in the village of Lisove Ozero in the Kharkiv region on Tuesday."
    region = _at(text, Place("Kharkiv Oblast", "UA", "Kharkiv Oblast", 49.5, 36.5, "region", 706482,
                             surface="Kharkiv region"), "Kharkiv region")
    (sent,) = parse(text, places=[region]).sents
    ((place, why),) = sent._.hit_places
    assert (place.name, place.precision, place.feature, place.surface) == ("Kharkiv Oblast", "region", "locality",
                                                                           "Lisove Ozero")
    assert "a locality the gazetteer does not know" in why
    assert why.endswith(IN_SENTENCE)  # a place named in the deed's own sentence (extract.concreteness)


def test_a_country_the_deed_is_tied_to_is_said_so_a_country_named_in_passing_is_not(parse):
    text = "Russian forces shelled a hospital in Ukraine's east on Wednesday."
    ukraine = _at(text, Place("Ukraine", "UA", None, 49.0, 32.0, "country", 690791, surface="Ukraine"), "Ukraine")
    ((place, why),) = next(iter(parse(text, places=[ukraine]).sents))._.hit_places
    assert place.name == "Ukraine" and COUNTRY_OF_DEED in why and why.endswith(IN_SENTENCE)
    text = "The ministry said the attack was repelled and that the surviving attackers withdrew to Ukraine."
    ukraine = _at(text, ukraine, "Ukraine")
    ((place, why),) = next(iter(parse(text, places=[ukraine]).sents))._.hit_places
    assert place.name == "Ukraine" and COUNTRY_OF_DEED not in why  # where they went, not where they fought
    text = "Fighters took control of several settlements close to the border with Ukraine on Monday."
    ukraine = _at(text, ukraine, "Ukraine")
    ((place, why),) = next(iter(parse(text, places=[ukraine]).sents))._.hit_places
    assert COUNTRY_OF_DEED not in why  # the country across the border, though the settlements hang from the deed


def test_a_village_of_a_city_is_in_the_region_named_after_the_city(parse):
    text = "A house was destroyed by shelling in Lisove Ozero village of Kharkiv on Tuesday."
    (sent,) = parse(text, places=[_at(text, KHARKIV, "Kharkiv")]).sents
    ((place, why),) = sent._.hit_places
    assert (place.name, place.precision, place.surface) == ("Kharkiv Oblast", "region", "Lisove Ozero")


def test_context_place_borrows_nothing_from_before_the_live_entry():
    odesa = Place("Odesa", "UA", None, 46.48, 30.74, "town", 698740, start=10, end=15, surface="Odesa")
    earlier = _mention(odesa)
    assert context_place(400, [odesa], [earlier], since=0)[0] is odesa
    assert context_place(400, [odesa], [earlier], since=300) == (None, "")


def test_at_locality_keeps_a_village_at_the_region_of_the_scene_and_a_new_site_in_its_country():
    named = Place("", None, None, None, None, LOCALITY, surface="Lisove Ozero", feature=NAMED_LOCALITY, start=50, end=62)
    place, why = at_locality(named, KHARKIV, "'Kharkiv' of the article's previous event")
    assert (place.name, place.precision, place.surface, place.feature) == ("Kharkiv Oblast", "region", "Lisove Ozero",
                                                                           "locality")
    assert place.lat is not None and "previous event" in why
    assert at_locality(named, None, "")[0] is None  # no scene: not placed
    russia = Place("Russia", "RU", None, 60.0, 100.0, LOCALITY, 2017370, surface="a Russian airfield",
                   feature=NEW_LOCALITY)
    place, why = at_locality(russia, KHARKIV, "'Kharkiv' of the article's previous event")
    assert (place.name, place.precision) == ("Russia", "country") and "only its country" in why
    new = Place("", None, None, None, None, LOCALITY, surface="a nearby village", feature=NEW_LOCALITY)
    place, _ = at_locality(new, KHARKIV, "'Kharkiv' of the article's previous event")
    assert (place.name, place.precision, place.feature) == ("Kharkiv Oblast", "region", "")
    told = replace(place, feature=NAMED_LOCALITY, surface="Lisove Ozero")  # the scene: a village told before
    place, _ = at_locality(new, told, "'Kharkiv Oblast' of the article's previous event")
    assert (place.name, place.feature) == ("Kharkiv Oblast", "")  # another village, not that one


def test_the_city_pointed_back_at_is_a_town_not_the_previous_deeds_region():
    sumy = Place("Sumy", "UA", "Sumy", 50.91, 34.80, "town", 692194, start=10, end=14, surface="Sumy")
    kursk = Place("Kursk Oblast", "RU", "Kursk", 51.5, 36.0, "region", 538555, start=60, end=72, surface="Kursk region")
    earlier = [_mention(sumy), _mention(kursk)]
    assert context_place(100, [sumy, kursk], earlier)[0] is kursk  # the nearest deed's place
    place, why = context_place(100, [sumy, kursk], earlier, town=True)  # "... in the city"
    assert place is sumy and "previous event" in why
    # with no town before it, the region still stands
    assert context_place(100, [kursk], [_mention(kursk)], town=True)[0] is kursk


@pytest.mark.parametrize("text, country", [
    ("An air strike on a house in the southern Lebanese village of Aitaroun killed five people on Thursday.", "LB"),
    ("Gunmen killed five people in the Nigerian village of Kutaru on Thursday.", "NG"),
])
def test_a_village_the_gazetteer_lacks_is_in_the_country_its_adjective_names(extractor, text, country):
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2025, 7, 8), "metadata", 1.0), "en", text)
    (m,) = extractor.extract(doc)
    assert (m.place.country, m.place.precision) == (country, "country")


def test_a_union_of_states_places_no_deed(extractor):
    text = "Riot police detained 40 demonstrators protesting against the decision to suspend talks on joining the " \
           "European Union."
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2024, 12, 5), "metadata", 1.0), "en", text)
    assert all(m.place is None or m.place.name != "European Union" for m in extractor.extract(doc))


def test_a_clause_with_a_subject_of_its_own_is_placed_by_its_own_place(extractor):
    # the rockets of the 'hours after' clause were fired at Israel, not at the villages the jets struck
    text = ("Israeli warplanes struck several villages in southern Lebanon on Friday, killing three people, the "
            "ministry said, hours after Hezbollah fired a barrage of rockets at northern Israel.")
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2026, 11, 27), "metadata", 1.0), "en", text)
    placed = {m.sub_event_type: m.place.country for m in extractor.extract(doc) if m.place}
    assert placed == {"Air/drone strike": "LB", "Shelling/artillery/missile attack": "IL"}, placed
