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


def test_the_event_typers_phrases_parsed_in_one_pipe_read_as_one_pipe_a_trigger_read_them(nlp):
    """types.EventTypeClassifier lemmatises every phrase pattern in one ``nlp.pipe`` (parsed_once) where it
    ran one a trigger: each phrase must get the same tokens, tags and lemmas either way, or the matchers
    would match otherwise."""
    from eventwire.data import load_json
    from eventwire.extract.lemma_phrases import parsed_once
    from eventwire.extract.types import PHRASE_UNUSED, _hyphenated

    lex = load_json("lexicons", "event_types.json")
    outcomes = lex["protest_outcomes"]
    groups = [t["phrases"] + _hyphenated(t["lemmas"])
              for t in lex["triggers"] + lex["instruments"] + [outcomes[k] for k in outcomes["order"]]]

    def read(doc):
        return [(t.text, t.lemma_, t.tag_, t.pos_, str(t.morph)) for t in doc]

    once = parsed_once(nlp, [p for g in groups for p in g], PHRASE_UNUSED)
    assert len(once) > 300
    for g in groups:
        assert [read(once[p]) for p in g] == [read(d) for d in nlp.pipe(g, disable=list(PHRASE_UNUSED))]
