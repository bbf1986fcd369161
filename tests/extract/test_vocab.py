from eventwire.extract import vocab


def test_lists_sets_orders_and_tables():
    assert "in" in vocab.words("place_words", "locative_prepositions")
    assert vocab.ordered("place_words", "division_words", use="admin1_suffix")[:3] == ("region", "Region", "oblast")
    assert vocab.table("place_words", "plural_division_nouns")["counties"] == "County"


def test_person_titles_by_use():
    assert "Sen" in vocab.titles("before_names") and "Sen" not in vocab.titles("speakers")
    assert "spokesman" in vocab.titles("speakers")
    assert "monsignor" in vocab.titles("in_caps_copy")


def test_one_concept_one_table_read_by_use():
    """Place nouns and division words are one table each; every rule reads its part of it."""
    caps = vocab.words("place_words", "place_nouns", use="of_name_in_caps")
    naming = vocab.words("place_words", "place_nouns", use="after_name_in_caps")
    territory = vocab.words("place_words", "place_nouns", use="territory_object")
    assert "department" in naming <= caps and "village" in caps & territory and "airbase" in territory - caps
    assert vocab.words("place_words", "place_nouns") == caps | territory
    suffixed = vocab.words("place_words", "division_words", use="suffixed_region")
    assert {"Oblast", "Republic"} <= suffixed and "Province" not in suffixed
    assert "county" in vocab.words("place_words", "division_words", use="continues_name")
    assert "Borough" in vocab.ordered("place_words", "division_words", use="admin2_suffix")


def test_no_word_list_is_written_twice_in_a_lexicon():
    """Two lists of one file with the very same words are one concept written twice."""
    from eventwire.data import load_json

    for name in ("place_words", "function_words", "event_words", "claims", "person_titles"):
        lex = load_json("lexicons", f"{name}.json")
        seen: dict[frozenset, str] = {}
        for key, value in lex.items():
            if key.startswith("_") or not isinstance(value, dict) or "words" not in value:
                continue
            words = frozenset(value["words"])
            assert words not in seen, f"{name}: {key} repeats {seen[words]}"
            seen[words] = key


def test_no_data_file_names_a_key_twice():
    """json.loads keeps the last of two equal keys, so a list added under a name already taken would
    silently replace the other rule's words."""
    import json
    from pathlib import Path

    import eventwire.data

    def no_repeats(pairs):
        keys = [k for k, _ in pairs]
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, f"{path}: {sorted(repeated)} written twice"
        return dict(pairs)

    files = sorted(p for p in Path(eventwire.data.__file__).parent.rglob("*.json") if p.stat().st_size < 5_000_000)
    assert files
    for path in files:
        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_repeats)
