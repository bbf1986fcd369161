"""Sentence alignment between a copy and its original (texts written for these tests)."""
import math

from eventwire.provenance.align import (MIN_SENTENCE_UNITS, RESTATED_SIMILARITY, SENTENCE_MIN_SIMILARITY, align,
                                        restated_pairs, restated_share, similarity)
from eventwire.provenance.shingles import sentences

from prov_texts import INDEPENDENT, ORIGINAL, PARAPHRASE, SPUN


def one(text):
    return sentences(text)[0]


def test_similarity_is_the_cosine_of_content_units():
    a = one("Drones struck a fuel depot near the border town overnight.")
    b = one("Drones struck a fuel depot in the capital overnight.")
    shared = len(a.units & b.units)
    assert 0 < shared < min(len(a.units), len(b.units))
    assert math.isclose(similarity(a, b), shared / math.sqrt(len(a.units) * len(b.units)))
    assert similarity(a, a) == 1.0
    assert similarity(a, one("...")) == 0.0  # no content units: nothing to compare


def test_each_copy_sentence_finds_the_sentence_it_restates():
    copy, original = tuple(sentences(SPUN)), tuple(sentences(ORIGINAL))
    pairs = align(copy, original)
    assert len(pairs) == len(copy)
    matched = [p for p in pairs if p.original is not None]
    assert len(matched) >= len(copy) - 1
    # a spinner keeps the order: each copy sentence aligns to the original sentence in its place
    assert all(p.original.index == p.copy.index for p in matched)
    assert all(p.similarity >= SENTENCE_MIN_SIMILARITY for p in matched)


def test_a_sentence_with_nothing_like_it_stays_unaligned():
    copy = tuple(sentences("The orchestra will play Mahler's second symphony at the spring festival in the concert hall."))
    (pair,) = align(copy, tuple(sentences(ORIGINAL)))
    assert pair.original is None and pair.similarity < SENTENCE_MIN_SIMILARITY


def test_restated_pairs_are_one_to_one():
    # the same sentence twice in the copy restates the original's sentence only once
    fire = "Firefighters needed six hours to put out the blaze at the fuel depot, the emergency service said."
    original = tuple(sentences(fire + " The orchestra will play a new symphony at the spring festival next month."))
    pairs = restated_pairs(tuple(sentences(fire + " " + fire)), original)
    assert len(pairs) == 1 and pairs[0][1].index == 0 and pairs[0][2] >= RESTATED_SIMILARITY
    # many-to-one is allowed where alignment only looks for drift
    assert [p.original.index for p in align(tuple(sentences(fire + " " + fire)), original)] == [0, 0]


def test_short_sentences_are_no_evidence_either_way():
    short = tuple(s for s in sentences("Kyiv. Photo: AP. Drones.") if len(s.units) < MIN_SENTENCE_UNITS)
    assert short and restated_pairs(short, short) == []
    assert restated_share(short, short) == (0.0, 0)


def test_a_rewrite_restates_most_sentences_an_independent_report_few():
    orig = tuple(sentences(ORIGINAL))
    spun_share, spun_n = restated_share(tuple(sentences(SPUN)), orig)
    para_share, _ = restated_share(tuple(sentences(PARAPHRASE)), orig)
    indep_share, _ = restated_share(tuple(sentences(INDEPENDENT)), orig)
    assert spun_share >= 0.8 and spun_n >= 6
    assert para_share >= 0.5
    assert indep_share < 0.5 and indep_share < para_share <= spun_share
