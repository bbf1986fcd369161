"""A claim of responsibility names the doer of the deed told before it (extract.claimed_doer)."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate


def _extract(extractor, text):
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2024, 9, 9), "metadata", 1.0), "en", text)
    return extractor.extract(doc)


def test_a_groups_claim_names_the_doer_the_report_left_unnamed(extractor):
    (m,) = _extract(extractor, "A suicide bomber rammed a car into a police checkpoint in Bannu on Monday, killing "
                               "nine officers. The Pakistani Taliban claimed responsibility in a statement.")
    assert [(a.name, a.role) for a in m.actors if a.role == "actor1"] == [("TTP: Tehreek-e-Taliban Pakistan", "actor1")]
    assert "claimed responsibility" in m.actors[0].reason


@pytest.mark.parametrize("second", [
    "The Pakistani Taliban denied any involvement.",  # a denial names no doer
    "Officials blamed the Pakistani Taliban.",  # nor does one side blaming another
])
def test_a_denial_or_a_blame_names_no_doer(extractor, second):
    (m,) = _extract(extractor, "A suicide bomber rammed a car into a police checkpoint in Bannu on Monday, killing "
                               "nine officers. " + second)
    assert not any(a.role == "actor1" and "TTP" in a.name for a in m.actors)


def test_a_doer_the_report_named_stays(extractor):
    (m,) = _extract(extractor, "Russian drones struck a depot in Odesa on Monday. "
                               "The Pakistani Taliban claimed responsibility.")
    assert [a.name for a in m.actors if a.role == "actor1"] == ["Military Forces of Russia (2000-)"]


def test_a_claim_goes_back_past_a_deed_whose_doer_is_named(extractor):
    ms = _extract(extractor, "Gunmen stormed a village in Bannu district on Saturday, killing seven people. "
                             "Pakistani troops killed four militants in a firefight near the village on Sunday. "
                             "The Pakistani Taliban claimed the raid in a statement.")
    raid = next(m for m in ms if m.sub_event_type == "Attack")
    fight = next(m for m in ms if m.sub_event_type == "Armed clash")
    assert [a.name for a in raid.actors if a.role == "actor1"] == ["TTP: Tehreek-e-Taliban Pakistan"]
    assert any(c.property == "responsibility" for c in raid.claims)
    assert not any(c.property == "responsibility" for c in fight.claims)


def test_a_state_force_named_by_its_noun_alone_is_no_claimed_doer(extractor):
    # the placeholder for soldiers named without their country (extract.state_forces) never leaves extraction
    ms = _extract(extractor, "Gunmen stormed a village in Bannu district on Saturday, killing seven people. "
                             "The army claimed responsibility for the operation that followed.")
    assert all(a.id != "state-forces" for m in ms for a in m.actors)


@pytest.mark.parametrize("second, doer", [
    # a claim by the deed's name, not by 'responsibility'; the branch is the deed's country's
    ("The Islamic State's local affiliate claimed Monday's bombing on its news agency.", "Islamic State (Pakistan)"),
    # the claimant's name set beside the noun that is its subject
    ("A jihadist alliance, Tehrik-e-Taliban Pakistan (TTP), claimed responsibility on Tuesday.",
     "TTP: Tehreek-e-Taliban Pakistan"),
])
def test_a_claim_by_the_deeds_name_or_by_a_name_set_beside_names_the_doer(extractor, second, doer):
    ms = _extract(extractor, "A suicide bomber rammed a car into a police checkpoint in Bannu on Monday, killing "
                             "nine officers. " + second)
    assert [a.name for m in ms[:1] for a in m.actors if a.role == "actor1"] == [doer]
