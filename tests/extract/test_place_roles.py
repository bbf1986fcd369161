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


def test_a_place_after_a_ship_and_a_preposition_is_where_the_ship_was(extractor):
    assert place_of(extractor, "Sea drones attacked a Russian warship off Sevastopol on Wednesday.") == "Sevastopol"
    assert place_of(extractor, "Sea drones attacked a Russian warship near Sevastopol on Wednesday.") == "Sevastopol"


def test_the_city_doing_the_deed_is_not_where_it_happened(extractor):
    assert place_of(extractor, "He said Kyiv had staged a drone attack on the village on Thursday.") != "Kyiv"
    assert place_of(extractor, "Russian missiles hit Kyiv on Tuesday.") == "Kyiv"


def test_a_city_holding_a_view_is_its_government(extractor):
    assert place_of(extractor, "An official said Washington does not believe the rebels shelled the town.") is None
    assert place_of(extractor, "Her aide said Paris doubts the rebels started the fighting.") is None
    assert place_of(extractor, "Militants fired rockets at a depot in Washington on Monday, police said.") == "Washington"


def test_a_place_that_begins_an_organisations_name_is_its_seat():
    from eventwire.extract.place_roles import names_organisation

    text = ("She told Princeton's Bendheim Center for Finance, the Washington Post and the London-based Chatham "
            "House that the shelling of Kharkiv on Friday was heavy. Kharkiv Mayor Ihor Terekhov agreed.")
    seat = {w: names_organisation(text, text.index(w) + len(w)) for w in ("Princeton", "Washington", "London")}
    assert seat == {"Princeton": True, "Washington": True, "London": True}
    assert not names_organisation(text, text.index("Kharkiv") + len("Kharkiv"))  # "Kharkiv on Friday"
    assert not names_organisation(text, text.rindex("Kharkiv") + len("Kharkiv"))  # "Kharkiv Mayor Ihor Terekhov"


def test_where_someone_was_going_is_not_where_it_happened(extractor):
    assert place_of(extractor, "A drone hit a bus that was about to leave for Kyiv on Thursday.") != "Kyiv"
    assert place_of(extractor, "Shelling hit a train bound for Lviv on Thursday.") != "Lviv"
    assert place_of(extractor, "A drone hit a bus in Kyiv on Thursday.") == "Kyiv"
    assert place_of(extractor, "Fighters looted the market on Monday and residents fled toward Kosti.") != "Kosti"
    assert place_of(extractor, "Fighters looted the market on Monday and residents escaped to Kosti.") != "Kosti"
    assert place_of(extractor, "Fighters looted the market in Kosti on Monday.") == "Kosti"


def test_where_a_road_leads_is_not_where_it_happened(extractor):
    assert place_of(extractor, "Gunmen kidnapped a merchant on the highway to Damascus on Friday.") != "Damascus"
    assert place_of(extractor, "Militants ambushed a convoy on the road to Kayes on Friday.") != "Kayes"
    assert place_of(extractor, "Gunmen kidnapped a merchant in Damascus on Friday.") == "Damascus"


def test_a_forces_country_is_its_side_not_its_scene(extractor):
    text = "A source in Ukraine's SBU security service said its drones had hit the refinery on Monday."
    assert place_of(extractor, text) is None
    assert place_of(extractor, "Israel's military said its jets struck a car in Bint Jbeil on Friday.") == "Bint Jbeil"
    assert place_of(extractor, "Shelling hit Ukraine's second city on Monday.") == "Ukraine"


def test_a_movements_branch_is_not_where_it_acted(extractor):
    text = "JNIM, the Sahel branch of al-Qaeda, said on Monday that its fighters had seized dozens of rifles."
    assert place_of(extractor, text) is None


def test_a_place_past_a_semicolon_is_another_clauses(extractor):
    assert place_of(extractor, "Governor says shelling killed a woman in Glotovo; Kyiv silent") != "Kyiv"
    assert place_of(extractor, "Governor says Ukrainian shelling killed a woman; Kyiv silent") != "Kyiv"


@pytest.mark.parametrize("text, spoken", [
    ("A spokeswoman told reporters in Geneva that the siege went on.", True),
    ("The minister said at a news conference in Kyiv that drones had struck.", True),
    ("Drones struck a depot in Kyiv on Monday.", False),
])
def test_where_someone_spoke_is_no_scene(text, spoken):
    from eventwire.extract.place_roles import where_spoken

    start = text.index("Geneva") if "Geneva" in text else text.index("Kyiv")
    assert where_spoken(text, start) is spoken


def test_a_deed_after_a_speakers_seat_borrows_the_scene_named_before_it(extractor):
    from datetime import date

    from eventwire.model import Document, PublishedDate
    text = ("At least 200 civilians were killed in and around El Fasher in May, the office said.\n\n"
            "A spokeswoman told reporters in Geneva that the situation was catastrophic.\n\n"
            "On Saturday, gunmen attacked the city's main hospital, a charity said.")
    doc = Document("d_spoken", "0" * 64, None, None, "Wire", None, PublishedDate(date(2024, 6, 14), "metadata", 1.0),
                   "en", text)
    (m,) = [m for m in extractor.extract(doc) if not m.landmark]
    assert m.place is not None and m.place.name == "El Fasher", m.reason


def test_a_town_opening_a_committees_name_is_its_seat():
    from eventwire.extract.place_roles import names_organisation

    text = "the Wad Madani Resistance Committee said in a statement"
    assert names_organisation(text, text.index(" Resistance"))
