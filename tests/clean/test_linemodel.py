"""The shipped line model: it loads from package data, and the cleaner uses it on widget blocks.

Pages here are written for the test (never taken from the eval sets): an
article of ordinary reporting with page furniture of one kind around it.
"""
import json
import math
from importlib import resources

import pytest

from eventwire.clean import Cleaner
from eventwire.clean.blockmodel import (
    CONTINUATION_CAP, HEADING_RUN_MAX, REASON, RESTORE_BELOW, guarded, last_prose, numbered_sections, restorable,
    subheadings,
)
from eventwire.clean.boilerplate import CTA_REASON, Verdict, judge_all
from eventwire.clean.blocks import Unit
from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.linefeatures import FEATURE_NAMES
from eventwire.clean.linemodel import MODEL_FILE, MODEL_PACKAGE, LineModel, load_line_model
from eventwire.model import Record

ARTICLE = [
    "Two drones struck a fuel depot on the edge of the town early on Friday, the regional governor said.",
    "A fire broke out at one of the tanks and was put out by firefighters within three hours, the emergency service said.",
    "Residents of two nearby streets were moved to a school while the fire burned, according to the local council.",
    "The defence ministry said air defences destroyed a third drone over the region before dawn.",
    "Police cordoned off the area.",
]


def _clean(cleaner, lines):
    return cleaner.clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines)))


def test_shipped_model_loads_as_plain_json():
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    model = load_line_model()
    assert model.features == FEATURE_NAMES
    assert tuple(raw["features"]) == FEATURE_NAMES
    assert 0.5 <= model.threshold < 1.0
    assert len(model.coef) == len(FEATURE_NAMES)


def test_model_refuses_other_features():
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    raw["features"] = raw["features"][:-1] + ["something_else"]
    with pytest.raises(ValueError, match="retrain"):
        LineModel.from_json(raw)
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    raw["coef"] = raw["coef"][:-1]
    with pytest.raises(ValueError, match="differ in length"):
        LineModel.from_json(raw)


def test_probability_is_the_logistic_of_standardised_weights():
    n = len(FEATURE_NAMES)
    model = LineModel(FEATURE_NAMES, (1.0,) * n, (2.0,) * n, (0.5,) + (0.0,) * (n - 1), -1.0, 0.7)
    vector = [5.0] + [0.0] * (n - 1)
    assert model.probability(vector) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.5 * (5.0 - 1.0) / 2.0))))


def test_donation_widget_goes_as_a_block(cleaner):
    widget = [
        "Independent reporting from the front line depends on readers like you.",
        "$5",
        "$15",
        "$50",
        "Monthly",
        "One-Time",
        "Give Now",
        "Remind Me Later",
    ]
    doc = _clean(cleaner, ARTICLE + widget)
    for line in widget[1:]:
        assert line not in doc.text.split("\n\n"), line
    for line in ARTICLE:
        assert line in doc.text


def test_popular_list_and_counters_go(cleaner):
    tail = [
        "Most Popular",
        "Heatwave Breaks Records Across The South",
        "Ten Recipes For A Quick Weeknight Dinner",
        "Local Team Wins Cup After Penalty Shootout",
        "27 Comments",
        "143 Likes",
    ]
    doc = _clean(cleaner, ARTICLE + tail)
    kept = doc.text.split("\n\n")
    assert not set(tail) & set(kept)
    assert kept == ARTICLE


def test_article_without_furniture_is_untouched(cleaner):
    doc = _clean(cleaner, ARTICLE)
    assert doc.text.split("\n\n") == ARTICLE
    assert doc.removed == ()


def test_model_drops_are_named(cleaner):
    doc = _clean(cleaner, ["Lviv 14°C", "Kyiv 12°C", "Odesa 17°C"] + ARTICLE)
    assert "Kyiv 12°C" not in doc.text
    assert "Kyiv 12°C" in doc.removed


def test_rules_alone_keep_what_the_model_drops():
    lines = ARTICLE + ["$5", "$15", "Monthly", "One-Time"]
    rules_only = Cleaner(line_model=False)
    doc = rules_only.clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines)))
    assert "Monthly" in doc.text  # the block is the model's catch, not a rule's
    assert "Monthly" not in Cleaner().clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines))).text


def _verdict(text, keep=True):
    return Verdict(Unit(text, 0, True), keep=keep, text=text if keep else "")


def test_guard_protects_reporting_and_sentences_after_prose():
    vs = [
        _verdict(ARTICLE[0]),
        _verdict("Photo: Jan Novak", keep=False),
        _verdict("The investigation continues."),
        _verdict("Sign up for updates."),
        _verdict("Menu"),
        _verdict("Nobody was hurt, police said."),
    ]
    safe = guarded(vs)
    assert safe[2] is True  # a plain sentence after prose (the dropped credit is skipped)
    assert safe[4] is False  # a label is never guarded
    assert safe[5] is True  # attributed
    assert REASON


# Widget blocks written for the test; each must go whole and leave the article intact.
BLOCKS = {
    "comment form": ["Leave a Reply", "Your email address will not be published.", "Required fields are marked *",
                     "Comment", "Name *", "Email *", "Website", "Post Comment"],
    "payment badges": ["We Accept", "Visa", "Mastercard", "PayPal", "Apple Pay"],
    "source link": ["Source link"],
    "login form": ["Sign In", "Username", "Password", "Forgot your password?", "Log In"],
    "trending list": ["Trending Now", "Storm Leaves Thousands Without Power", "City Council Approves New Budget",
                      "Five Things To Watch This Weekend"],
    "contributor note": ["Contributor", "Maria Lind is a freelance writer based in Oslo."],
    "subscription box": ["Get the morning briefing in your inbox.", "Email address", "Sign Up", "No thanks"],
}


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_widget_block_after_the_article_goes(cleaner, kind):
    doc = _clean(cleaner, ARTICLE + BLOCKS[kind])
    assert doc.text.split("\n\n") == ARTICLE, kind


@pytest.mark.parametrize("kind", ["comment form", "payment badges", "source link", "login form"])
def test_widget_block_before_the_article_goes(cleaner, kind):
    doc = _clean(cleaner, BLOCKS[kind] + ARTICLE)
    assert doc.text.split("\n\n") == ARTICLE, kind


def test_guard_lets_the_model_drop_a_follower_it_is_sure_of():
    vs = [_verdict(ARTICLE[0]), _verdict("The investigation continues.")]
    assert guarded(vs, [0.1, CONTINUATION_CAP - 0.01])[1] is True
    assert guarded(vs, [0.1, CONTINUATION_CAP])[1] is False


def test_prose_the_rules_dropped_comes_back_when_the_model_is_sure():
    # an article about a privacy rule: the legal-line rule takes its sentences on the word alone
    article = [
        "The regulator ruled on Monday that the ministry broke the data protection law when it collected the records.",
        "Every agency that collects data on residents must now publish its privacy policy online within a month.",
        "The ministry plans to appeal the ruling within two weeks, according to a statement on its website.",
    ]
    rules_only = Cleaner(line_model=False).clean(Record(source="t", title="Privacy ruling", text="\n".join(article)))
    dropped = [line for line in article if line not in rules_only.text]
    assert dropped, "the rules no longer take any of these sentences: the test tests nothing"
    doc = Cleaner().clean(Record(source="t", title="Privacy ruling", text="\n".join(article)))
    assert doc.text.split("\n\n") == article


BRIEF = [
    "The head of the national church has backed the war in full, although it is killing many of the church's own parishioners.",
    "Source: CNN",
]


def test_a_brief_beside_a_credit_is_not_emptied(cleaner):
    # a video's blurb: one sentence and a credit; every neighbour of the sentence is furniture
    model = load_line_model()
    units = judge_all([Unit(t, i, True) for i, t in enumerate(BRIEF)], load_lexicon())
    probs = model.page_probabilities(BRIEF, [not v.keep for v in units], load_lexicon())
    assert units[0].keep and probs[0] >= model.threshold, "the model keeps the brief anyway: the test tests nothing"
    doc = cleaner.clean(Record(source="t", title="Church backs the war", text="\n\n".join(BRIEF)))
    assert doc.text == BRIEF[0]


def test_numbered_sections_of_a_listicle_stay():
    blurb = "She covers the league for a national broadcaster and writes a weekly column. Twitter: @someone"
    vs = [_verdict("Our picks"), _verdict("1. Jane Roe"), _verdict(blurb), _verdict(blurb), _verdict("2.John Doe"),
          _verdict(blurb), _verdict("3. The Third One"), _verdict(blurb), _verdict("Keep reading")]
    assert numbered_sections(vs) == [False, True, True, True, True, True, True, False, False]
    # a unit the rules dropped inside stays dropped
    vs[2] = _verdict(blurb, keep=False)
    assert numbered_sections(vs) == [False, True, False, True, True, True, True, False, False]


def test_numbered_lists_without_paragraphs_are_no_listicle():
    most_read = [_verdict("Most read"), _verdict("1. Drones hit fuel depot"), _verdict("2. Mayor resigns"),
                 _verdict("3. Bridge reopens after repairs"), _verdict("4. Storm warning for the coast")]
    assert not any(numbered_sections(most_read))
    blurb = "She covers the league for a national broadcaster and writes a weekly column."
    skipping = [_verdict("1. Jane Roe"), _verdict(blurb), _verdict("3. John Doe"), _verdict(blurb), _verdict("4. X Y")]
    assert not any(numbered_sections(skipping))  # 1, 3, 4: no run of three consecutive numbers


def test_last_prose_only_when_the_model_leaves_none():
    vs = [_verdict(ARTICLE[0]), _verdict("Most popular"), _verdict(ARTICLE[1], keep=False)]
    assert last_prose(vs, [False, False, False]) == [True, False, False]
    assert last_prose(vs, [True, False, False]) == [False, False, False]


def test_an_appeal_between_paragraphs_stays_out(cleaner):
    appeal = "Want this roundup in your inbox every evening? Sign up for our daily politics newsletter here."
    lines = [ARTICLE[0], appeal, *ARTICLE[1:4]]
    probs = load_line_model().page_probabilities(lines, [line == appeal for line in lines], load_lexicon())
    assert probs[1] < RESTORE_BELOW, "the model no longer reads the appeal as content: the test tests nothing"
    assert appeal not in _clean(cleaner, lines).text


def test_a_copyright_notice_is_not_restored(cleaner):
    notice = ("Copyright 2024 Example Media Inc. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed.")
    assert not restorable(Verdict(Unit(notice, 0, True), keep=False, text="", reason="share, cookie or legal line"), load_lexicon())
    lines = [*ARTICLE[:2], notice, *ARTICLE[2:4]]
    probs = load_line_model().page_probabilities(lines, [line == notice for line in lines], load_lexicon())
    assert probs[2] < RESTORE_BELOW, "the model no longer reads the notice as content: the test tests nothing"
    assert notice not in _clean(cleaner, lines).text


def test_restorable_is_whole_prose_only():
    sentence = "The regulator said on Monday that the new privacy policy breaks the data protection law of the country."
    assert restorable(_verdict(sentence, keep=False), load_lexicon())
    # what an appeal rule took speaks to the reader: it stays out, however well its neighbours read
    appeal = "Want this roundup in your inbox every evening? Sign up for our daily politics newsletter here."
    assert judge_all([Unit(appeal, 0, True)], load_lexicon())[0].reason == CTA_REASON
    assert not restorable(Verdict(Unit(appeal, 0, True), keep=False, text="", reason=CTA_REASON), load_lexicon())
    assert restorable(Verdict(Unit(sentence, 0, True), keep=False, text="", reason="share, cookie or legal line"), load_lexicon())
    assert not restorable(_verdict("Privacy Policy", keep=False), load_lexicon())
    assert not restorable(_verdict(sentence), load_lexicon())  # kept already
    # an appeal another rule took first (here the contact rule, for its address) is an appeal still
    prompt = "We want to hear what you think about this article. Write to the editors at letters@example.org."
    assert judge_all([Unit(prompt, 0, True)], load_lexicon())[0].reason == "contact line"
    assert not restorable(Verdict(Unit(prompt, 0, True), keep=False, text="", reason="contact line"), load_lexicon())
    # nor a note on where a copy came from: a sentence, and never the article's
    note = "This article was originally published on Frontier Daily, a partner site. Read the original article."
    assert not restorable(Verdict(Unit(note, 0, True), keep=False, text="", reason="syndication note"), load_lexicon())


def test_subheadings_between_kept_prose_are_protected():
    vs = [
        _verdict(ARTICLE[0]),
        _verdict("Damage to the depot"),
        _verdict("1. The north tanks"),
        _verdict(ARTICLE[1]),
        _verdict("Most popular"),
        _verdict(ARTICLE[2]),
    ]
    stay = [True] * len(vs)
    assert subheadings(vs, stay) == [False, True, True, False, True, False]
    # a short line next to prose the model drops (a teaser's summary) is not protected
    assert subheadings(vs, [True, True, True, True, True, False])[4] is False
    # a sentence is not a heading, and a longer run of short lines is a list, not a heading
    assert subheadings([vs[0], _verdict("Nobody was hurt."), vs[3]], [True] * 3)[1] is False
    run = [vs[0]] + [_verdict(f"Section {i}") for i in range(HEADING_RUN_MAX + 1)] + [vs[3]]
    assert not any(subheadings(run, [True] * len(run)))


def test_subheading_inside_an_article_survives_the_model(cleaner):
    # on a page with a menu and a share bar the model alone scores the heading as furniture
    lines = ["Menu", "Home", ARTICLE[0], ARTICLE[1], "Air Defence", ARTICLE[2], "Share", "Most read"]
    model = load_line_model()
    units = [Unit(t, i, True) for i, t in enumerate(lines)]
    lex = load_lexicon()
    verdicts = judge_all(units, lex)
    probs = model.page_probabilities(lines, [not v.keep for v in verdicts], lex)
    assert probs[4] >= model.threshold, "the model keeps the heading by itself: the test tests nothing"
    doc = _clean(cleaner, lines)
    assert "Air Defence" in doc.text


def test_list_announced_by_the_article_stays(cleaner):
    # the items are capitalised and have no full stop: without the rule they read as a related-link list
    lines = ["Menu", "Home", ARTICLE[0], ARTICLE[1],
             "The council listed the places residents can go to for shelter during the night:",
             "The sports hall on Mill Road",
             "The library next to the station",
             "Two church halls in the old town",
             ARTICLE[2], "Share", "Most read"]
    rules_only = Cleaner(line_model=False).clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines)))
    assert "The library next to the station" not in rules_only.text, "the link-run rule keeps them: nothing tested"
    doc = _clean(cleaner, lines)
    for item in lines[5:8]:
        assert item in doc.text


def test_announced_list_ends_at_prose_and_at_what_the_rules_dropped():
    from eventwire.clean.blockmodel import announced_lists
    vs = [_verdict(ARTICLE[0]), _verdict("These are the three districts the shelling hit on Tuesday:"),
          _verdict("Northern Heights"), _verdict("Old Port"), _verdict("Share", keep=False), _verdict("Riverside"),
          _verdict(ARTICLE[1]), _verdict("Filed under:"), _verdict("Politics")]
    got = announced_lists(vs, [True] * len(vs), [0.5] * len(vs))
    assert got == [False, False, True, True, False, False, False, False, False]
    # the announcing sentence must stay, and an item the model is nearly sure of goes
    assert not any(announced_lists(vs, [False] * len(vs), [0.5] * len(vs)))
    probs = [0.5, 0.5, 0.5, 0.95, 0.5, 0.5, 0.5, 0.5, 0.5]
    assert announced_lists(vs, [True] * len(vs), probs)[2:4] == [True, False]


FACT_BOX = ["Key facts", "• At least 9 people died, regional officials said", "• About 4,000 residents were evacuated",
            "• Water levels rose by up to two metres in low-lying districts", "• The power station was shut down"]


def test_a_fact_box_between_paragraphs_stays(cleaner):
    lines = ["Menu", "World", ARTICLE[0], *FACT_BOX, "Each side blamed the other for the strike.", ARTICLE[1],
             "Related coverage", "Flood victims describe escape from rising water", "Privacy", "Terms"]
    text = _clean(cleaner, lines).text
    assert all(line in text for line in FACT_BOX)
    assert "Flood victims" not in text


def test_a_bulleted_list_under_a_list_heading_is_no_fact_box(cleaner):
    box = ["Most read", "• Schoolboy wins national chess title", "• Train strikes called off after pay offer",
           "• Heatwave warning issued for the weekend"]
    text = _clean(cleaner, [ARTICLE[0], *box, "Each side blamed the other for the strike.", ARTICLE[1]]).text
    assert not any(line in text for line in box)


CHRONOLOGY = ["Timeline", "March 27: Shelling damages a road near the dam",
              "March 29: Officials warn of a serious threat to the structure", "March 30: A strike breaches the dam wall"]


def test_a_chronology_under_the_article_stays_but_dated_teasers_under_related_go(cleaner):
    tail = ["Advertisement", "Related coverage", "Flood victims describe escape from rising water", "Privacy", "Terms"]
    text = _clean(cleaner, ["Menu", ARTICLE[0], ARTICLE[1], *CHRONOLOGY, *tail]).text
    assert all(line in text for line in CHRONOLOGY)
    teasers = ["Related:", "Mar 2, 2026 - Farmers block the highway in protest over prices",
               "Mar 1, 2026 - Schoolboy wins the national chess title", "Feb 27, 2026 - Ferry service resumes on the coast"]
    text = _clean(cleaner, [ARTICLE[0], ARTICLE[1], *teasers, "Privacy", "Terms"]).text
    assert not any(line in text for line in teasers[1:])
