"""Each relation kind is found, and independent reports of one event are not linked."""
from datetime import date

import pytest

from prov_helpers import assign, doc
from prov_texts import CHROME, DUPLICATE, INDEPENDENT, ORIGINAL, PARAPHRASE, REPORT_A, REPORT_B, SPUN

D1 = date(2024, 3, 5)


@pytest.mark.parametrize(
    "copy_text, relation",
    [(DUPLICATE, "duplicate"), (CHROME, "near-duplicate"), (SPUN, "rewrite"), (PARAPHRASE, "rewrite")],
    ids=["duplicate", "near-duplicate", "spun", "paraphrase"],
)
def test_relation_kinds(copy_text, relation):
    out = assign(doc("d_orig", ORIGINAL, D1), doc("d_copy", copy_text))
    assert out["d_orig"].copy_of is None
    link = out["d_copy"].copy_of
    assert link is not None and link.document == "d_orig" and link.relation == relation
    assert 0.0 < link.similarity <= 1.0
    assert out["d_copy"].story == out["d_orig"].story == "s_orig"


def test_independent_report_of_same_event_is_a_different_story():
    out = assign(doc("d_orig", ORIGINAL, D1), doc("d_other", INDEPENDENT, D1))
    assert out["d_orig"].story != out["d_other"].story
    assert out["d_orig"].copy_of is None and out["d_other"].copy_of is None


def test_second_independent_pair_not_linked():
    out = assign(doc("d_a", REPORT_A, D1), doc("d_b", REPORT_B, D1))
    assert out["d_a"].story == "s_a" and out["d_b"].story == "s_b"


def test_all_together_gives_one_copy_family_and_separate_reports():
    out = assign(
        doc("d_orig", ORIGINAL, D1), doc("d_chrome", CHROME), doc("d_spun", SPUN), doc("d_para", PARAPHRASE),
        doc("d_dup", DUPLICATE), doc("d_ind", INDEPENDENT, D1), doc("d_a", REPORT_A, D1), doc("d_b", REPORT_B, D1),
    )
    family = {k for k, p in out.items() if p.story == "s_orig"}
    assert family == {"d_orig", "d_chrome", "d_spun", "d_para", "d_dup"}
    for k in family - {"d_orig"}:
        assert out[k].copy_of.document == "d_orig"
    assert len({out[k].story for k in ("d_ind", "d_a", "d_b")}) == 3


def test_later_article_embedding_an_earlier_one_is_not_a_copy():
    """New lead material, then the earlier article verbatim: a new article, not a copy."""
    new_lead = " ".join(
        f"Paragraph {i} of the new report describes talks in Geneva between envoys about grain exports and ports."
        for i in range(12)
    )
    out = assign(doc("d_early", ORIGINAL, D1), doc("d_late", new_lead + "\n\n" + ORIGINAL, date(2024, 3, 6)))
    assert out["d_late"].copy_of is None


@pytest.mark.xfail(reason="translation check is experimental: number words and digit grouping are English-only, "
                          "so a French text keeps too few names+numbers per sentence", strict=True)
def test_translation_linked_by_names_and_numbers():
    from prov_texts import REPORT_A_FR
    out = assign(doc("d_a", REPORT_A, D1), doc("d_fr", REPORT_A_FR, date(2024, 3, 6), language="fr"),
                 doc("d_b", REPORT_B, D1))
    assert out["d_fr"].copy_of is not None
    assert out["d_fr"].copy_of.document == "d_a" and out["d_fr"].copy_of.relation == "translation"
    assert out["d_fr"].drift == ()
    assert out["d_b"].story == "s_b"
