from eventwire.extract.gazetteer_build import TableBuilder


def test_index_keeps_the_folded_form_and_honours_the_stoplist():
    b = TableBuilder()
    i = b.add("city", "Tëtkino", "RU", "41", 51.27, 34.3, 3000, 1)
    b.index("Tëtkino", i)
    assert b.names["Tëtkino"] == [i] and b.names["Tetkino"] == [i]
    j = b.add("city", "March", "DE", "01", 50.0, 10.0, 5000, 2)
    b.index("March", j)  # a month name on the stoplist
    assert "March" not in b.names
    b.index("Tëtkino", i)  # indexed once
    assert b.names["Tëtkino"] == [i]


def test_a_hand_town_alias_goes_to_the_countrys_most_populous_town_of_that_name():
    from eventwire.extract.gazetteer import CITY, load

    g = load()
    hits = [i for i in g.lookup("Hodeidah") if g.kind[i] == CITY]
    assert [(g.cc[i], g.pop[i] > 500_000) for i in hits] == [("YE", True)]
    assert {g.name[i] for i in g.lookup("Qamishli")} == {g.name[i] for i in g.lookup("Qamishly")}


def test_a_hand_alias_reaches_a_town_too_small_for_its_alternate_names():
    """cities500 lists 'Bint Jbeil' among Bent Jbaïl's alternate names, but with no population given its
    alternates are not indexed (``ALT_MIN_POP``): the hand alias names it."""
    from eventwire.extract.gazetteer import CITY, load

    g = load()
    assert [(g.cc[i], g.kind[i]) for i in g.lookup("Bint Jbeil")] == [("LB", CITY)]


def test_the_compact_index_answers_every_name_as_the_built_tuples_do():
    """The gazetteer keeps a lone id bare (gazetteer.compact, a faster load); every lookup, exact and
    folded, from a fresh build and from the loaded cache, must give the ids the builder made."""
    from eventwire.extract.gazetteer import Gazetteer, compact_tables, fold, load

    raw = TableBuilder().build()
    for g in (Gazetteer(compact_tables(raw)), load()):
        assert all(g.lookup(k) == ids for k, ids in raw["names"].items())
        assert all(g.lookup_folded(k) == ids for k, ids in raw["folded"].items() if fold(k).casefold() == k)
        assert g.lookup("no such place at all") == () and g.lookup_folded("no such place at all") == ()
        assert len(g.names) == len(raw["names"]) and len(g._folded) == len(raw["folded"])


def test_a_border_crossing_is_a_place_of_its_country():
    """Torkham, the main crossing between Pakistan and Afghanistan, is in no cities500 list: a hand feature."""
    from eventwire.extract.gazetteer import load

    g = load()
    assert [g.cc[i] for i in g.lookup("Torkham")] == ["PK"]
