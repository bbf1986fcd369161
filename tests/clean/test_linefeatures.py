"""The line model's inputs: one unit's shape and its neighbours', on lines written for the test."""
import pytest

from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.linefeatures import COUNTER, FEATURE_NAMES, WEATHER_OR_CLOCK, own_features, page_features

LEX = load_lexicon()


def _row(vectors, i):
    return dict(zip(FEATURE_NAMES, vectors[i]))


def test_vector_has_one_value_per_feature_name():
    texts = ["Menu", "Shelling damaged a school in the town on Monday, the mayor said.", "12 Comments"]
    vectors = page_features(texts, [True, False, False], LEX)
    assert len(vectors) == 3
    assert all(len(v) == len(FEATURE_NAMES) for v in vectors)
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)


def test_sentence_and_label_differ_in_shape():
    sentence = own_features("Rescuers were still searching the rubble of the building on Tuesday evening.", LEX, False, False)
    label = own_features("Remind Me Later", LEX, False, False)
    assert sentence["prose"] == 1.0 and label["prose"] == 0.0
    assert sentence["function_share"] > label["function_share"]
    assert sentence["has_auxiliary"] == 1.0 and label["has_auxiliary"] == 0.0
    assert label["title_share"] == 1.0 and label["short"] == 1.0
    assert label["lex_block"] > 0


def test_currency_counter_and_weather_shapes():
    assert own_features("$25", LEX, False, False)["currency"] == 1.0
    assert own_features("Give €10 a month", LEX, False, False)["currency"] == 1.0
    assert COUNTER.match("12 Comments") and COUNTER.match("1.2K shares") and COUNTER.match("Likes (45)")
    assert not COUNTER.match("Two drones were shot down.")
    assert WEATHER_OR_CLOCK.search("Lviv 14°C") and WEATHER_OR_CLOCK.search("Updated 10:45 AM")
    assert not WEATHER_OR_CLOCK.search("Three people were hurt.")


def test_neighbours_and_position_are_seen():
    texts = [
        "Home",
        "The regional governor said two drones hit an oil depot overnight and a fire broke out.",
        "Firefighters brought the blaze under control by morning, the emergency service said.",
        "Most Popular",
    ]
    vectors = page_features(texts, [True, False, False, False], LEX)
    first_prose = _row(vectors, 1)
    assert first_prose["prev_rule_drop"] == 1.0  # "Home" was dropped by the rules
    assert first_prose["next_prose"] == 1.0
    last = _row(vectors, 3)
    assert last["prose_after"] == 0.0 and last["prose_before"] == pytest.approx(1.0)
    assert first_prose["in_prose_span"] == 1.0 or first_prose["prose_before"] == 0.0
    assert _row(vectors, 0)["prose_before"] == 0.0 and _row(vectors, 0)["prose_after"] == pytest.approx(1.0)


def test_repeated_line_is_marked():
    texts = ["Subscribe", "A bridge was damaged by shelling on Sunday, officials said.", "Subscribe"]
    vectors = page_features(texts, [False, False, False], LEX)
    assert _row(vectors, 0)["repeated"] == 1.0
    assert _row(vectors, 1)["repeated"] == 0.0


def test_block_features_see_runs_footers_and_continuations():
    texts = [
        "Two drones struck a fuel depot on the outskirts of the town early on Friday, the governor said.",
        "Photo: Jan Novak",
        "The investigation continues.",
        "© 2024 Example News",
        "$5",
        "$15",
        "Monthly",
        "Remind Me Later",
    ]
    vectors = page_features(texts, [False, True, False, True, False, False, False, False], LEX)
    rows = [_row(vectors, i) for i in range(len(texts))]
    # the closing sentence follows prose across the dropped credit; the option lines follow nothing of the kind
    assert rows[2]["continues_prose"] == 1.0
    assert rows[0]["continues_prose"] == 0.0 and rows[5]["continues_prose"] == 0.0
    # everything after the copyright line is footer, nothing before it
    assert [r["after_footer"] for r in rows] == [0.0] * 4 + [1.0] * 4
    # the option lines sit in one run of short units; the paragraph in none
    assert rows[0]["short_run"] == 0.0
    assert rows[5]["short_run"] == rows[7]["short_run"] > 0.0


def test_sentence_speaking_to_the_reader_does_not_continue_prose():
    texts = [
        "Two drones struck a fuel depot on the outskirts of the town early on Friday, the governor said.",
        "Thank you for reading our journalism.",
    ]
    vectors = page_features(texts, [False, False], LEX)
    assert _row(vectors, 1)["continues_prose"] == 0.0
