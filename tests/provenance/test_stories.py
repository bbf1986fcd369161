"""Choice of the original, story ids, determinism and idempotent add."""
import random
from datetime import date

from eventwire.provenance import ProvenanceIndex

from prov_helpers import assign, doc
from prov_texts import CHROME, DUPLICATE, INDEPENDENT, ORIGINAL, SPUN


def test_single_document_is_its_own_story():
    out = assign(doc("d_0123abcd", ORIGINAL))
    assert out["d_0123abcd"].story == "s_0123abcd"
    assert out["d_0123abcd"].copy_of is None and out["d_0123abcd"].drift == ()


def test_earliest_reliable_date_is_the_original():
    out = assign(
        doc("d_aaa", SPUN, date(2024, 3, 7)),
        doc("d_bbb", CHROME, date(2024, 3, 5)),
        doc("d_ccc", ORIGINAL, date(2024, 3, 6)),
    )
    assert out["d_bbb"].copy_of is None
    assert {out[k].story for k in out} == {"s_bbb"}
    assert out["d_aaa"].copy_of.document == "d_bbb"
    assert out["d_ccc"].copy_of.document == "d_bbb"


def test_unreliable_date_loses_to_reliable_one():
    out = assign(
        doc("d_aaa", ORIGINAL, date(2024, 1, 1), reliable=False),
        doc("d_bbb", CHROME, date(2024, 3, 5)),
    )
    assert out["d_bbb"].copy_of is None
    assert out["d_aaa"].copy_of.document == "d_bbb"


def test_known_outlet_breaks_a_tie():
    out = assign(doc("d_aaa", ORIGINAL), doc("d_bbb", DUPLICATE, known=True, outlet="Example Daily"))
    assert out["d_bbb"].copy_of is None
    assert out["d_aaa"].copy_of.document == "d_bbb" and out["d_aaa"].copy_of.relation == "duplicate"


def test_story_ids_do_not_depend_on_insertion_order():
    docs = [doc("d_1", ORIGINAL), doc("d_2", SPUN), doc("d_3", CHROME), doc("d_4", INDEPENDENT)]
    expected = assign(*docs)
    for seed in range(4):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert assign(*shuffled) == expected


def test_add_is_idempotent():
    index = ProvenanceIndex()
    d = doc("d_1", ORIGINAL)
    index.add(d)
    index.add(d)
    index.add(doc("d_2", SPUN))
    index.add(doc("d_2", SPUN))
    assert len(index) == 2
    first = index.assign()
    assert first == index.assign()
    assert first["d_2"].copy_of.document == "d_1"
