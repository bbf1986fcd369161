"""The in-memory provenance index: candidates by LSH, verification, stories and the original."""
from datetime import date

from prov_helpers import assign, doc
from prov_texts import CHROME, INDEPENDENT, ORIGINAL, PARAPHRASE, SPUN

from eventwire.provenance import ProvenanceIndex


def test_copies_join_the_story_of_the_earliest_dated_original():
    out = assign(doc("d_spun", SPUN, date(2024, 3, 14)), doc("d_orig", ORIGINAL, date(2024, 3, 12)),
                 doc("d_wrap", CHROME + ORIGINAL, date(2024, 3, 13)))
    assert {p.story for p in out.values()} == {"s_orig"}
    assert out["d_orig"].copy_of is None
    assert out["d_wrap"].copy_of.relation == "near-duplicate" and out["d_spun"].copy_of.document == "d_orig"


def test_an_independent_report_of_the_same_event_is_its_own_story():
    out = assign(doc("d_orig", ORIGINAL, date(2024, 3, 12)), doc("d_ind", INDEPENDENT, date(2024, 3, 12)))
    assert out["d_ind"].story == "s_ind" and out["d_ind"].copy_of is None


def test_adding_twice_does_nothing_and_candidates_come_from_lsh():
    index = ProvenanceIndex()
    for d in (doc("d_orig", ORIGINAL, date(2024, 3, 12)), doc("d_para", PARAPHRASE, date(2024, 3, 13)),
              doc("d_orig", ORIGINAL, date(2024, 3, 12))):
        index.add(d)
    out = index.assign()
    assert len(index) == 2 and index.stats.documents == 2
    assert index.stats.candidate_pairs == 1 and index.stats.links == 1
    assert out["d_para"].copy_of.relation == "rewrite"


def test_undated_copies_defer_to_a_dated_original_whatever_the_order():
    out = assign(doc("d_a", CHROME + ORIGINAL, None), doc("d_b", ORIGINAL, date(2024, 3, 12)))
    assert out["d_a"].copy_of.document == "d_b"
