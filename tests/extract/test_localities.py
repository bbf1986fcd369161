"""Localities a sentence names that no gazetteer entry places: named ones in a locality slot, unnamed ones."""
import pytest

from eventwire.extract.localities import named_localities, settlement_told_before, unnamed_localities


@pytest.fixture(scope="module")
def sent(nlp):
    return lambda text: next(nlp(text).sents)


KNOWN = {"Kharkiv", "Ukraine", "Russia", "Belgorod"}


def known(tok) -> bool:
    return tok.text in KNOWN


@pytest.mark.parametrize("text, name, noun", [
    ("A shell set fire to a barn in the village of Zelenyi Hai on Monday.", "Zelenyi Hai", "village"),
    ("Dubrivka village came under mortar fire overnight.", "Dubrivka", "village"),
    ("Gunmen took hostages in Vysoke, officials said.", "Vysoke", ""),
    ("Drones attacked Kharkiv and the settlement of Kozache.", "Kozache", "settlement"),
])
def test_a_name_in_a_locality_slot_is_a_locality(sent, text, name, noun):
    (loc,) = named_localities(sent(text), known)
    assert (loc.name, loc.noun) == (name, noun)
    assert text[loc.start:loc.end] == name


@pytest.mark.parametrize("text", [
    "Shelling hit Kharkiv in March, officials said.",  # a month is an English word
    "The news spread on Telegram within minutes.",  # so is a service's name
    "Drones struck Belgorod, the governor said.",  # a name the gazetteer found
    "Mayor Ivanenko said shelling went on in Ukraine's east.",  # no slot
    "Kyiv City Council said the shelling stopped.",  # "City" capitalised is part of a name
])
def test_other_capitalised_words_are_no_locality(sent, text):
    assert named_localities(sent(text), lambda t: t.text in KNOWN | {"Kyiv"}) == []


def test_a_possessive_after_a_preposition_names_someone_not_a_place(sent):
    assert named_localities(sent("The strike came on Shevchuk's orders."), known) == []


def test_a_village_or_a_site_told_for_the_first_time_is_an_unnamed_locality(sent):
    (loc,) = unnamed_localities(sent("Artillery pounded a nearby village overnight."))
    assert (loc.name, loc.noun, loc.demonym) == ("", "village", None)
    (base,) = unnamed_localities(sent("Drones damaged hangars at a Russian airbase on Tuesday."))
    assert base.noun == "airbase" and base.demonym.text == "Russian"
    # "the village" points back at one already told
    assert unnamed_localities(sent("Artillery pounded the village overnight.")) == []


def test_a_name_the_article_writes_after_a_first_name_or_title_is_a_person(sent):
    text = "Governor Oleh Vasylenko said. Gunmen opened fire on Vasylenko near his home."
    s = sent("Gunmen opened fire on Vasylenko near his home.")
    assert named_localities(s, known, text) == []
    assert [x.name for x in named_localities(s, known, "Gunmen opened fire on Vasylenko near his home.")] == ["Vasylenko"]
    # a place written after a word that names no person stays a place
    assert [x.name for x in named_localities(s, known, "In Vasylenko, houses burned.")] == ["Vasylenko"]


@pytest.mark.parametrize("text, told", [
    ("Last month a missile strike on a building in the city killed 11 people.", True),
    ("Drones struck a depot near the town overnight.", True),
    ("Drones struck a depot in the town of Lgov overnight.", False),  # named: a locality of its own
    ("Drones struck a depot in a town near the border.", False),  # told for the first time
    ("Drones struck a depot in the village overnight.", False),  # a village may be one no gazetteer lists
])
def test_the_city_with_no_name_points_back_at_a_town(sent, text, told):
    assert settlement_told_before(sent(text)) is told


def test_a_hyphened_name_is_one_word(sent):
    (loc,) = named_localities(sent("Gang members killed 20 people in the town of Pont-Sonde overnight."), known)
    assert (loc.name, loc.noun) == ("Pont-Sonde", "town")
