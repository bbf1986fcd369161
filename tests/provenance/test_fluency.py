"""The spun copy is the less fluent one: word choice measured against general English (texts written for these tests)."""
from datetime import date

from eventwire.provenance.fluency import SPUN_MIN_ZIPF_GAP, rarity_gap, spun_copies
from eventwire.provenance.shingles import features

from prov_helpers import assign, doc
from prov_texts import CHROME, ORIGINAL, SPUN

# a second story and its synonym-swapped copy, so the rule is not fitted to one text
HARBOUR = """Fishermen in the port of Velsk said on Sunday that a storm had sunk four boats in the harbour.

The mayor of Velsk said the town would help the families who lost their boats and their catch.

Police closed the road along the sea wall after waves threw stones and sand onto it.

The weather service said the wind would calm down by Monday night but warned of more rain.

Older residents said they could not remember a storm this strong in the last thirty years."""

HARBOUR_SPUN = """Fishermen in the port of Velsk stated on Sunday that a tempest had sunk four vessels in the harbour.

The mayor of Velsk stated the town would assist the families who lost their vessels and their catch.

Police shut the road along the sea wall after surges hurled stones and sand onto it.

The weather service stated the wind would subside by Monday night but cautioned of more rain.

Elderly residents stated they could not recall a tempest this strong in the last thirty years."""

SPAM_LINES = ("BEST CASINO BONUS|best casino bonus|best casino bonus\n\n", "\n\nTrending now:\nWin a free cruise today\n"
              "Doctors hate this one weird trick\nCheap loans approved in minutes\nHot singles near you")


def sents(text):
    return features(text).sentences


def test_the_spun_copy_uses_rarer_words_for_the_same_sentences():
    for original, spun in ((ORIGINAL, SPUN), (HARBOUR, HARBOUR_SPUN)):
        assert rarity_gap(sents(original), sents(spun)) >= SPUN_MIN_ZIPF_GAP
        assert rarity_gap(sents(spun), sents(original)) <= -SPUN_MIN_ZIPF_GAP


def test_copies_with_the_same_wording_give_no_verdict():
    assert rarity_gap(sents(ORIGINAL), sents(CHROME)) is None
    assert spun_copies([("a", "b")], {"a": sents(ORIGINAL), "b": sents(CHROME)}.get) == frozenset()


def test_spun_copies_names_the_rewrite_of_each_pair_whichever_side_it_is_on():
    texts = {"a": sents(HARBOUR_SPUN), "b": sents(HARBOUR), "c": sents(ORIGINAL), "d": sents(SPUN)}
    assert spun_copies([("a", "b"), ("c", "d")], texts.get) == frozenset({"a", "d"})


def test_spam_added_to_the_original_does_not_make_it_look_spun():
    head, tail = SPAM_LINES
    for original, spun in ((ORIGINAL, SPUN), (HARBOUR, HARBOUR_SPUN)):
        spammed = head + original.replace("\n\n", " best casino bonus\n\n", 1) + tail
        assert rarity_gap(sents(spammed), sents(spun)) >= SPUN_MIN_ZIPF_GAP


def test_a_spun_copy_with_an_earlier_date_is_not_the_original_and_drift_runs_from_the_original():
    spun = HARBOUR_SPUN.replace("sunk four vessels", "sunk nine vessels")
    out = assign(
        doc("d_aaa", spun, date(2024, 3, 4)),
        doc("d_bbb", HARBOUR, date(2024, 3, 5)),
    )
    assert out["d_bbb"].copy_of is None
    assert out["d_aaa"].copy_of.document == "d_bbb" and out["d_aaa"].copy_of.relation == "rewrite"
    numbers = [d for d in out["d_aaa"].drift if d.kind == "number"]
    assert numbers and "four" in numbers[0].original and "nine" in numbers[0].copy


def test_a_duplicate_of_the_spun_copy_is_spun_too():
    texts = {"a": sents(HARBOUR), "b": sents(HARBOUR_SPUN), "c": sents(HARBOUR_SPUN)}
    assert spun_copies([("a", "b")], texts.get, [("b", "c")]) == frozenset({"b", "c"})
    # a farm's verbatim copy of the rewrite, dated before the original, still does not become the original
    out = assign(doc("d_aaa", HARBOUR, date(2024, 3, 5)), doc("d_bbb", HARBOUR_SPUN, date(2024, 3, 6)),
                 doc("d_ccc", HARBOUR_SPUN + "\n\nRelated: cheap flights", date(2024, 3, 4)))
    assert out["d_aaa"].copy_of is None
    assert out["d_ccc"].copy_of.document == "d_aaa"
