"""Each drift kind on aligned sentence pairs, and synonym swaps that are not drift."""
from datetime import date

import pytest

from eventwire.provenance import DriftDetector
from eventwire.provenance.shingles import sentences

from prov_helpers import assign, doc
from prov_texts import ORIGINAL

CONTEXT = (
    "Officials in the region said the situation remained tense after a week of attacks. "
    "Schools were closed and residents were told to stay near shelters."
)


def drift(original: str, copy: str):
    return DriftDetector()(tuple(sentences(copy + " " + CONTEXT)), tuple(sentences(original + " " + CONTEXT)))


def kinds(found):
    return sorted({d.kind for d in found})


@pytest.mark.parametrize(
    "original, copy, kind",
    [
        ("Zelensky said a Russian missile hit a clinic in Kharkiv.",
         "Zelensky fired a missile at a clinic in Kharkiv.", "agent"),
        ("Two soldiers were killed in the raid on the village, the army said.",
         "Five soldiers were killed in the raid on the village, the army said.", "number"),
        ("Ukraine has not said it was involved in the raid on the depot.",
         "Ukraine has not denied involvement in the raid on the depot.", "negation"),
        ("The attack on the convoy was condemned by the United Nations on the same day.",
         "The attack on the convoy was condemned by the European Union on the same day.", "entity"),
        ("Artillery shells hit a school in Kupiansk and damaged its roof.",
         "Artillery shells hit a school in Izium and damaged its roof.", "place"),
        ("The convoy was ambushed on Monday near the bridge, the police said.",
         "The convoy was ambushed on Friday near the bridge, the police said.", "date"),
    ],
    ids=["agent", "number", "negation", "entity", "place", "date"],
)
def test_each_drift_kind(original, copy, kind):
    found = drift(original, copy)
    assert kind in kinds(found), found
    d = next(d for d in found if d.kind == kind)
    assert d.copy == copy and d.original == original
    assert d.note


def test_added_claim_about_a_named_actor():
    original = "Russian forces destroyed two patrol boats in the Black Sea at midnight."
    copy = "Russian forces destroyed two patrol boats in the Black Sea at midnight, embarrassing Kyiv's navy commanders."
    found = drift(original, copy)
    assert [d.kind for d in found] == ["entity"]
    assert "Kyiv" in found[0].note and found[0].copy == copy


@pytest.mark.parametrize(
    "original, copy",
    [
        ("The governor said the military was repelling an attack near the airport.",
         "The governor said the military was fending off an assault near the airfield."),
        ("Two transport planes caught fire at the base, the agency reported.",
         "Two freight planes caught fire at the base, the agency reported."),
        ("The town is more than 600 kilometers from the border.",
         "The town is more than 600 km from the border."),
        ("Kyiv did not comment on the attack.", "Kyiv did not respond to the assault."),
        ("This is the second attack on the region this month.",
         "It is not the first time the region has been attacked this month."),
    ],
    ids=["repel-fend", "transport-freight", "km", "comment-respond", "not-the-first"],
)
def test_synonym_swaps_are_not_drift(original, copy):
    assert drift(original, copy) == ()


def test_drift_quotes_copy_sentence_exactly():
    copy_text = ORIGINAL.replace("two workers were injured", "seven workers were injured")
    out = assign(doc("d_orig", ORIGINAL, date(2024, 3, 5)), doc("d_copy", copy_text))
    p = out["d_copy"]
    assert p.copy_of.document == "d_orig" and p.copy_of.relation == "near-duplicate"
    numbers = [d for d in p.drift if d.kind == "number"]
    assert len(numbers) == 1
    assert numbers[0].copy in copy_text and "seven" in numbers[0].copy
    assert numbers[0].original in ORIGINAL and "two" in numbers[0].original
    assert "2" in numbers[0].note and "7" in numbers[0].note


def test_speaker_turned_into_the_doer_is_agent_drift():
    from eventwire.provenance import DriftDetector
    from eventwire.provenance.shingles import sentences, load_lexicon

    lex = load_lexicon()
    original = sentences("Mayor Anna Petrenko said the missile hit the school shortly after noon.", lex)
    copy = sentences("Mayor Anna Petrenko fired a missile at the school shortly after noon.", lex)
    found = DriftDetector(lex)(copy, original)
    assert [d.kind for d in found] == ["agent"], found
    assert "speaker became the doer" in found[0].note


@pytest.mark.parametrize("original", [
    "According to Mayor Anna Petrenko, the missile hit the school shortly after noon.",
    "The missile hit the school shortly after noon, according to Mayor Anna Petrenko.",
])
def test_a_source_cited_with_according_to_turned_into_the_doer_is_agent_drift(original):
    from eventwire.provenance import DriftDetector
    from eventwire.provenance.shingles import load_lexicon, sentences

    lex = load_lexicon()
    copy = sentences("Mayor Anna Petrenko fired a missile at the school shortly after noon.", lex)
    found = DriftDetector(lex)(copy, sentences(original, lex))
    assert [d.kind for d in found] == ["agent"], found
    assert "speaker became the doer" in found[0].note
    # the same report told again is no drift
    assert DriftDetector(lex)(sentences(original, lex), sentences(original, lex)) == ()
