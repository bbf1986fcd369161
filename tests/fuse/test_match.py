"""Whether two reports can be one happening: families, sub-types, dates, places, references."""
from datetime import date

from dataclasses import replace

from eventwire.fuse.match import (dates_compatible, family, match_score, place_named, places_compatible,
                                  reference_words, same_place, shared_reference, subtypes_compatible)
from eventwire.model import DateSpan, Evidence, Mention, Place

KYIV = Place("Kyiv", "UA", "Kyiv City", 50.45, 30.52, "town", 1, surface="Kyiv")
IRPIN = Place("Irpin", "UA", "Kyiv Oblast", 50.52, 30.25, "town", 2, surface="Irpin")  # ~21 km away
LVIV = Place("Lviv", "UA", "Lviv", 49.84, 24.03, "town", 3, surface="Lviv")
KYIV_REGION = Place("Kyiv Oblast", "UA", "Kyiv City", 50.3, 30.6, "region", 4)
RUSSIA = Place("Russia", "RU", None, 61.0, 99.0, "country", 5)


def day(d: int, precision: str = "day") -> DateSpan:
    return DateSpan(date(2024, 3, d), date(2024, 3, d), precision, "on Tuesday")


def m(sentence: str, place: Place | None, when: DateSpan | None, sub: str = "Air/drone strike",
      etype: str = "Explosions/Remote violence", trigger: str = "strike", doc: str = "d_x", entry: str = "") -> Mention:
    return Mention(doc, Evidence(doc, sentence, 0, len(sentence)), etype, sub, trigger, when, place, entry=entry)


def test_families_join_a_drone_strike_and_its_interception_and_keep_battles_apart():
    assert family("Explosions/Remote violence", "Air/drone strike") == family("Strategic developments",
                                                                             "Disrupted weapons use")
    assert family("Protests", "Peaceful protest") == family("Riots", "Violent demonstration")
    assert family("Battles", "Armed clash") != family("Explosions/Remote violence", "Air/drone strike")
    assert subtypes_compatible("Armed clash", "Government regains territory")
    assert not subtypes_compatible("Air/drone strike", "Shelling/artillery/missile attack")


def test_dates_allow_a_day_either_side_only_between_day_dates():
    assert dates_compatible(day(12), day(13))
    assert not dates_compatible(day(12), day(14))
    month = DateSpan(date(2024, 3, 1), date(2024, 3, 31), "month", "in March")
    assert dates_compatible(day(12), month)
    assert not dates_compatible(DateSpan(date(2024, 4, 1), date(2024, 4, 30), "month", "in April"), day(31))
    assert not dates_compatible(None, day(12))


def test_places_by_distance_region_and_country():
    assert places_compatible(KYIV, IRPIN)
    assert not places_compatible(KYIV, LVIV)
    assert places_compatible(KYIV, KYIV_REGION)  # a town inside the region it names
    assert not places_compatible(KYIV, RUSSIA)
    assert not places_compatible(KYIV, None)


def test_match_score_prefers_the_same_place_and_splits_neighbouring_towns_on_different_days():
    a = m("Drones struck Kyiv.", KYIV, day(12))
    assert match_score(a, m("A drone strike hit Kyiv.", KYIV, day(13))) == 3
    assert match_score(a, m("Drones struck Irpin.", IRPIN, day(12))) == 1
    assert match_score(a, m("Drones struck Irpin.", IRPIN, day(13))) == 0
    assert match_score(a, m("Shells hit Kyiv.", KYIV, day(12), sub="Shelling/artillery/missile attack", doc="d_y")) == 0
    assert match_score(a, m("Drones struck Kyiv Oblast.", KYIV_REGION, day(12))) == 2


def test_deeds_in_two_villages_the_gazetteer_does_not_know_are_two_places_of_one_region():
    # extract.components.places places a village it cannot find at its region, carrying the village's name
    upper = replace(KYIV_REGION, feature="locality", surface="Verkhnie Pole")
    lower = replace(KYIV_REGION, feature="locality", surface="Nyzhnie Pole")
    assert not same_place(upper, lower) and same_place(upper, replace(upper))
    assert same_place(upper, KYIV_REGION)  # the region itself, no village named: may be either
    a = m("Drones struck the village of Verkhnie Pole.", upper, day(12))
    assert match_score(a, m("Drones hit Verkhnie Pole village.", upper, day(12))) == 3
    assert match_score(a, m("A drone hit Kyiv Oblast.", KYIV_REGION, day(12))) == 3
    # another village: one happening only on the same day with the same weapon, as for two towns
    assert match_score(a, m("Drones struck Nyzhnie Pole.", lower, day(12))) == 1
    assert match_score(a, m("Drones struck Nyzhnie Pole.", lower, day(13))) == 0
    assert match_score(a, m("Shells hit Nyzhnie Pole.", lower, day(12), sub="Shelling/artillery/missile attack")) == 0


def test_one_article_tells_one_happening_of_a_family_a_day_in_one_place_whatever_its_words():
    a = m("Shelling of Kyiv killed two.", KYIV, day(12), sub="Shelling/artillery/missile attack")
    strike = m("Images of Kyiv after the strike.", KYIV, day(12))
    assert match_score(a, strike) == 3  # one article: the shelling and 'the strike' are one attack
    assert match_score(a, m("Drones were shot down over Irpin.", IRPIN, day(12), sub="Disrupted weapons use")) == 1
    assert match_score(a, m("Images of Kyiv after the strike.", KYIV, day(12), doc="d_y")) == 0  # two outlets' words
    assert match_score(a, m("Drones struck Kyiv.", KYIV, day(14))) == 0  # another day
    assert match_score(a, m("Troops clashed in Kyiv.", KYIV, day(12), sub="Armed clash", etype="Battles")) == 0
    assert match_score(a, m("Drones struck Kyiv the day after.", KYIV, day(13))) == 0  # one day only
    # a region is too wide: its drone strike and its shelling in one article may be two deeds
    region = m("The region was shelled.", KYIV_REGION, day(12), sub="Shelling/artillery/missile attack")
    assert match_score(region, m("Drones struck the region.", KYIV_REGION, day(12))) == 0
    # a live page is one report per entry
    morning = m("Shelling of Kyiv.", KYIV, day(12), sub="Shelling/artillery/missile attack", entry="08:01 GMT")
    assert match_score(morning, m("Drones struck Kyiv.", KYIV, day(12), entry="14:30 GMT")) == 0
    assert match_score(morning, m("Drones struck Kyiv.", KYIV, day(12), entry="08:01 GMT")) == 3


def test_a_place_is_named_only_when_its_own_sentence_says_it():
    assert place_named(m("Drones struck Kyiv overnight.", KYIV, day(12)))
    assert not place_named(m("Drones struck a depot overnight.", KYIV, day(12)))
    assert not place_named(m("Drones struck a depot overnight.", None, day(12)))


def test_a_reference_names_its_event_by_the_words_beside_the_event_word():
    ref = m("The minister condemned the murder of six journalists in the capital.", None, day(20),
            sub="Attack", etype="Violence against civilians", trigger="murder")
    assert {"six", "journalist"} <= reference_words(ref)
    told = m("Gunmen shot six journalists at the printing works.", KYIV, day(3), sub="Attack",
             etype="Violence against civilians", trigger="shot")
    other = m("Gunmen shot a farmer near the market.", KYIV, day(3), sub="Attack",
              etype="Violence against civilians", trigger="shot")
    assert shared_reference(ref, [told]) >= 2
    assert shared_reference(ref, [other]) == 0
    assert shared_reference(ref, [told], common=frozenset({"six", "journalist"})) == 0


def test_telling_words_token_by_token_are_the_sentence_rule():
    """``telling_words`` tests each token once a process (``_telling_stem``): the words must be those of
    the rule applied to the sentence's tokens, capitals, possessives, plurals, numbers and stop words."""
    from eventwire.fuse import match as mt

    def rule(sentence):
        return frozenset(mt._stem(w) for w in mt._TOKEN.findall(sentence) if w[0].isalnum() and mt._telling(w))

    sentences = ["The Jesuits' house was shelled, killing six priests in San Salvador on 16 November.",
                 "JESUIT priests' killers: the army's Atlacatl battalion, 1989.", "It was a the of and",
                 "Troops shelled the Hrytsenko grain depot in Aleppo on Friday.", "Gunmen’s bus attack — 12 dead",
                 ""]
    for s in sentences + [s.upper() for s in sentences] + [s.lower() for s in sentences]:
        mt.telling_words.cache_clear()
        assert mt.telling_words(s) == rule(s)
    assert mt.telling_words(sentences[0]) != mt.telling_words(sentences[1])


def test_places_latitudes_apart_are_left_out_only_when_the_haversine_would_say_so():
    """``close`` skips the haversine for places whose latitudes alone are too far apart: over random pairs
    across the threshold, at every latitude and with every longitude apart, it answers as the haversine."""
    import random

    from eventwire.fuse.match import SAME_PLACE_KM, close, km

    rng = random.Random(4)
    seen = {True: 0, False: 0}
    for _ in range(20000):
        lat = rng.uniform(-89.5, 89.5)
        a = Place("a", None, None, lat, rng.uniform(-180, 180), "town")
        b = Place("b", None, None, max(-90.0, min(90.0, lat + rng.uniform(-0.6, 0.6))),
                  a.lon + rng.choice([0.0, rng.uniform(-0.8, 0.8)]), "town")
        want = km(a, b) <= SAME_PLACE_KM
        assert close(a, b) == want
        seen[want] += 1
    assert min(seen.values()) > 1000
