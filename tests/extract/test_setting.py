"""An article's setting, and far places that may not place its deeds (texts written for these tests)."""
from datetime import date

from eventwire.extract.setting import continent, Setting
from eventwire.model import ActorRef, Document, Place, PublishedDate


def place(name: str, country: str, start: int = 0, precision: str = "town", gid: int | None = None,
          feature: str = "", reason: str = "") -> Place:
    return Place(name, country, None, 1.0, 1.0, precision, gid, start, start + len(name), name, reason, feature)


def test_continents_join_the_americas_and_know_unknowns():
    assert (continent("UA"), continent("RU"), continent("SY")) == ("EU", "EU", "AS")
    assert continent("US") == continent("CO") == continent("SV") == "AM"
    assert continent(None) is None and continent("XX") is None


def test_the_setting_is_where_most_places_are_named():
    war = [place("Kharkiv", "UA", i) for i in range(6)] + [place("Denver", "US", 100)]
    s = Setting.of(war)
    assert s.main == {"EU"}
    assert s.inside(place("Izium", "UA")) and not s.inside(place("Denver", "US"))
    assert s.inside(place("Nowhere", None))  # no continent: no evidence against it


def test_two_continents_in_near_balance_are_both_the_setting():
    s = Setting.of([place("Kyiv", "UA", i) for i in range(5)] + [place("Boston", "US", 10 + i) for i in range(4)])
    assert s.main == {"EU", "AM"}


def test_demonyms_weigh_half_and_a_dateline_weighs_more():
    demonyms = [place("Russian", "RU", i, "country", feature="demonym") for i in range(4)]
    s = Setting.of(demonyms + [place("Denver", "US", 50), place("Boston", "US", 60), place("Miami", "US", 70)])
    assert s.main == {"AM"}  # four demonyms (2.0) weigh less than three towns
    filed = Setting.of([place("Kyiv", "UA", 0), place("Denver", "US", 50), place("Boston", "US", 60)], [(0, 10)])
    assert filed.main == {"EU"}


def test_a_far_place_needs_strong_evidence():
    kyiv = [place("Kyiv", "UA", i) for i in range(8)]
    once = place("Denver", "US", 100, gid=5419384)
    assert Setting.of(kyiv + [once]).far_reason(once)
    thrice = [place("Denver", "US", 100 + i, gid=5419384) for i in range(3)]
    assert Setting.of(kyiv + thrice).far_reason(once) == ""
    qualified = place("Denver", "US", 100, reason="gazetteer 'Denver' (2 candidates), qualified by 'Colorado'")
    assert Setting.of(kyiv + [qualified]).far_reason(qualified) == ""
    assert Setting.of(kyiv + [once], [(100, 110)]).far_reason(once) == ""  # its dateline
    assert Setting.of(kyiv).far_reason(place("Lviv", "UA")) == ""


def test_a_borrowed_place_must_fit_the_actors_home():
    s = Setting.of([place("Kyiv", "UA", 0), place("Boston", "US", 10)])
    ukraine = (ActorRef("Military Forces of Ukraine (2019-)", "actor1", "ua-military"),)
    assert s.may_borrow(place("Boston", "US"))  # both continents are the setting
    assert not s.may_borrow(place("Boston", "US"), ukraine)
    assert s.may_borrow(place("Kyiv", "UA"), ukraine)
    assert s.may_borrow(place("Boston", "US"), (ActorRef("Civilians", "actor2", None),))  # no home: no evidence


def document(text: str) -> Document:
    return Document("d_setting", "0" * 64, None, None, "Test Wire", None,
                    PublishedDate(date(2024, 3, 14), "metadata", 0.9), "en", text)


WAR = ("Russian forces shelled Kharkiv and Izium on Monday, killing two people, the governor of Kharkiv said.\n\n"
       "Ukrainian troops repelled an assault near Izium on Tuesday, the army said.\n\n")


def test_a_far_town_named_in_passing_does_not_set_the_scene(extractor):
    text = ("Kharkiv and Izium have been front-line towns since 2022; the governor of Kharkiv visits Izium weekly.\n\n"
            "A researcher told a panel in Denver on Wednesday that Russia was short of shells.\n\n"
            "Shelling continued overnight, residents said.")
    last = extractor.extract(document(text))[-1]
    assert (last.trigger, last.sub_event_type) == ("Shelling", "Shelling/artillery/missile attack")
    assert last.place is None or last.place.country == "UA"
    assert "not borrowed" in last.reason and "far" in last.reason  # the refusal says why


def test_a_far_town_named_once_in_the_deeds_sentence_leaves_it_unplaced(extractor):
    text = WAR + "Protesters marched through Denver on Wednesday against the war, police said."
    (march,) = [m for m in extractor.extract(document(text)) if m.event_type == "Protests"]
    assert march.place is None and "another continent" in march.reason


def test_a_far_town_the_article_is_also_about_places_its_deeds(extractor):
    text = WAR + ("Protesters marched through Denver on Wednesday against the war, police said. "
                  "Organisers in Denver said 2,000 people came. Another rally in Denver is planned.")
    (march, *_) = [m for m in extractor.extract(document(text)) if m.event_type == "Protests"]
    assert march.place is not None and march.place.name == "Denver"


def test_an_organisations_seat_is_no_scene(extractor):
    text = ("Two officials spoke at Warsaw's Centre for Eastern Studies on Monday.\n\n"
            "Ukrainian troops repelled an attack overnight, the army said.")
    last = extractor.extract(document(text))[-1]
    assert last.place is None or last.place.name != "Warsaw"


def test_after_a_far_deed_the_next_sentence_does_not_skip_back_home(extractor):
    text = WAR + ("Protesters marched through Denver on Wednesday against the war, police said.\n\n"
                  "Police later arrested six protesters, a spokesman said.")
    arrest = extractor.extract(document(text))[-1]
    assert arrest.event_type == "Protests" or arrest.sub_event_type == "Arrests"
    assert arrest.place is None
