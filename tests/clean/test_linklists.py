"""Related-link lists under a list heading (clean/linklists.py). Pages written for the test."""
from eventwire.clean import Cleaner
from eventwire.clean.blocks import Unit
from eventwire.clean.boilerplate import Verdict
from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.linklists import drop_link_runs
from eventwire.model import Record

ARTICLE = [
    "Two drones struck a fuel depot on the edge of the town early on Friday, the regional governor said.",
    "A fire broke out at one of the tanks and was put out by firefighters within three hours, the emergency service said.",
]


def _v(text, keep=True):
    return Verdict(Unit(text, 0, True), keep=keep, text=text if keep else "")


def test_one_headline_under_a_lexicon_heading_goes():
    vs = [_v(ARTICLE[0]), _v("Most read"), _v("2 hours ago", keep=False), _v("Farmers count the cost of the flood"),
          _v(ARTICLE[1])]
    out = drop_link_runs(vs, load_lexicon())
    assert [v.keep for v in out] == [True, False, False, False, True]


def test_a_lexicon_heading_of_many_words_heads_a_list():
    vs = [_v(ARTICLE[0]), _v("You may also be interested in:"), _v("Farmers count the cost of the flood"),
          _v("A new bridge opens over the river")]
    out = drop_link_runs(vs, load_lexicon())
    assert [v.keep for v in out] == [True, False, False, False]


def test_two_headlines_without_a_heading_stay():
    vs = [_v(ARTICLE[0]), _v("Farmers count the cost of the flood"), _v("A new bridge opens over the river"), _v(ARTICLE[1])]
    assert all(v.keep for v in drop_link_runs(vs, load_lexicon()))


def test_a_heading_with_nothing_under_it_is_left_alone():
    vs = [_v(ARTICLE[0]), _v("Most read"), _v(ARTICLE[1])]
    assert all(v.keep for v in drop_link_runs(vs, load_lexicon()))


def test_recommended_box_inside_an_article_goes():
    lines = [ARTICLE[0], "Recommended for you", "Farmers count the cost of the flood", "2 hours ago",
             "A new bridge opens over the river", "5 hours ago", ARTICLE[1]]
    text = Cleaner().clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines))).text
    assert "Farmers count the cost" not in text and "A new bridge opens" not in text
    assert ARTICLE[0] in text and ARTICLE[1] in text


def test_headlines_cut_short_with_an_ellipsis_are_a_link_list():
    teasers = ["Farmers count the cost of the flood as the river …", "A new bridge opens over the river after …",
               "Storm warning for the coast as winds reach …"]
    vs = [_v(ARTICLE[0]), _v(ARTICLE[1]), *map(_v, teasers)]
    assert [v.keep for v in drop_link_runs(vs, load_lexicon())] == [True, True, False, False, False]
    # a sentence that trails off in a quote is no truncated headline
    trailing = ["He said: “We will see…”", "The rest is history.", "She paused…"]
    assert all(v.keep for v in drop_link_runs([_v(ARTICLE[0]), *map(_v, trailing)], load_lexicon()))


def test_title_case_questions_are_headlines_in_a_run():
    teasers = ["Farmers Count the Cost of the Flood", "Is Now the Right Time to Buy a House?", "A New Bridge Opens Over the River"]
    vs = [_v(ARTICLE[0]), _v(ARTICLE[1]), *map(_v, teasers)]
    assert [v.keep for v in drop_link_runs(vs, load_lexicon())] == [True, True, False, False, False]
    # questions in sentence case are the article's own ("What happens next?")
    asked = ["Farmers count the cost", "What happens to the farms now?", "A new bridge opens"]
    assert all(v.keep for v in drop_link_runs([_v(ARTICLE[0]), *map(_v, asked)], load_lexicon()))


def test_a_related_heading_takes_the_headline_under_it():
    vs = [_v(ARTICLE[0]), _v("Related"), _v("Farmers count the cost of the flood"), _v(ARTICLE[1])]
    assert [v.keep for v in drop_link_runs(vs, load_lexicon())] == [True, False, False, True]
