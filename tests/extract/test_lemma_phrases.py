"""LowerLemmaMatcher: phrases on lower-case lemmas, answered in PhraseMatcher's positions."""
from __future__ import annotations

from eventwire.extract.lemma_phrases import LowerLemmaMatcher


def test_matches_whatever_the_case_in_document_positions(nlp):
    m = LowerLemmaMatcher(nlp)
    m.add("k", [nlp("car bomb")])
    doc = nlp("Nothing happened. Car bombs exploded in the port.")
    second = list(doc.sents)[1]
    assert [(s, e) for _id, s, e in m(second)] == [(second.start, second.start + 2)]
    assert [(s, e) for _id, s, e in m(second.as_doc())] == [(0, 2)]
