"""Features that copies share: sentences, stems, names, numbers, the LSH sketch."""
from prov_texts import CHROME, DUPLICATE, ORIGINAL, SPUN

from eventwire.provenance import shingles
from eventwire.provenance.shingles import (Sketcher, containment, duplicate_key, entity_key, features, jaccard,
                                           load_lexicon, number_value, split_sentences, stem)


def test_duplicate_key_ignores_case_punctuation_and_spacing():
    assert duplicate_key(ORIGINAL) == duplicate_key(DUPLICATE)
    assert duplicate_key(ORIGINAL) != duplicate_key(SPUN)


def test_sentences_do_not_split_after_abbreviations_or_initials():
    text = "Mr. Smith met Gen. Jones in the U.S. capital. They spoke for an hour."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Mr. Smith met Gen. Jones in the U.S. capital.", "They spoke for an hour."]


def test_stems_and_name_keys_make_spellings_meet():
    assert stem("damaged") == stem("damage")
    assert stem("military") != stem("militant")
    assert entity_key("Russia's") == entity_key("Russian") == entity_key("Russia")


def test_numbers_are_normalised_to_digits():
    lex = load_lexicon()
    assert number_value("50,000", lex) == "50000"
    assert number_value("four", lex) == "4"
    assert number_value("depot", lex) is None


def test_a_chrome_wrapped_copy_keeps_its_shingles_and_a_spun_one_its_content_words():
    orig, wrapped, spun = features(ORIGINAL), features(CHROME + ORIGINAL), features(SPUN)
    assert containment(orig.shingles, wrapped.shingles) > 0.95
    assert jaccard(orig.shingles, spun.shingles) < 0.3
    assert jaccard(orig.units, spun.units) > jaccard(orig.shingles, spun.shingles)


def test_the_sketch_agrees_with_the_full_features_and_its_caches_are_bounded(monkeypatch):
    sk = Sketcher()
    s = sk.sketch(ORIGINAL)
    assert s.dup_key == duplicate_key(ORIGINAL)
    assert s.shingles == features(ORIGINAL).shingles
    monkeypatch.setattr(shingles, "WORD_CACHE_SIZE", 5)
    other = Sketcher()
    assert other.sketch(ORIGINAL) == s  # a cache emptied as it fills changes no sketch
    assert len(other._units) <= 5 and len(sk._units) > 5  # each sketcher keeps its own words
