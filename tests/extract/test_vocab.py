from eventwire.extract import vocab


def test_lists_sets_orders_and_tables():
    assert "in" in vocab.words("place_words", "locative_prepositions")
    assert vocab.ordered("place_words", "suffixed_region_words")[:2] == ("state", "State")
    assert vocab.table("place_words", "plural_division_nouns")["counties"] == "County"


def test_person_titles_by_use():
    assert "Sen" in vocab.titles("before_names") and "Sen" not in vocab.titles("speakers")
    assert "spokesman" in vocab.titles("speakers")
    assert "monsignor" in vocab.titles("in_caps_copy")
