"""A deed told again (extract.retold): no second record, its figures join the deed its lead dated."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate

LEAD = "Gunmen ambushed an army convoy near Goundam in Mali on Monday, killing nine soldiers.\n\n"


def _extract(extractor, text):
    pub = PublishedDate(date(2026, 11, 18), "metadata", 0.9)
    return extractor.extract(Document("d_retold", "0" * 64, None, None, "Wire", None, pub, "en", text))


@pytest.mark.parametrize("lead, again", [
    (LEAD, "The attack began when the lead truck hit a roadside mine, killing two more soldiers."),
    ("An Israeli air strike hit tents in Khan Younis in Gaza on Monday, killing 11 people.\n\n",
     "The Israeli military said it had struck a Hamas militant who was operating from the area."),
])
def test_a_deed_told_again_without_its_day_or_place_makes_no_record(extractor, lead, again):
    ms = _extract(extractor, lead + again)
    assert [m.evidence.sentence for m in ms if not m.landmark] == [lead.strip()]


@pytest.mark.parametrize("again", ["The attackers opened fire from both sides of the road, a witness said.",
                                   "The army said it had repelled the assault."])
def test_a_retelling_of_the_same_sub_type_is_left_to_fusion(extractor, again):
    # fusion folds it into the deed it dated, and reads its words to match other outlets' reports
    ms = _extract(extractor, LEAD + again)
    assert len(ms) == 2 and ms[0].sub_event_type == ms[1].sub_event_type


def test_its_figures_join_the_deed_told(extractor):
    ms = _extract(extractor, LEAD + "The attack began when the lead truck hit a roadside mine, killing two drivers.")
    (m,) = ms
    assert 2 in [c.value for c in m.claims if c.property == "fatalities"]


@pytest.mark.parametrize("other", [
    "The attackers stormed a village near Gao on Tuesday.",       # its own day
    "Gunmen opened fire on a bus near Gao, a witness said.",       # its own place and no pointing back
])
def test_a_deed_with_its_own_day_or_place_or_doers_is_another(extractor, other):
    ms = _extract(extractor, LEAD + other)
    assert len([m for m in ms if not m.landmark]) == 2


def test_another_sides_deed_is_not_the_one_told_before(extractor):
    lead = "A Russian missile struck a port in Odesa in Ukraine on Monday, killing two people.\n\n"
    ms = _extract(extractor, lead + "Ukraine says it hit a Russian vessel with an anti-ship missile.")
    assert len([m for m in ms if not m.landmark]) == 2


def test_one_of_several_deeds_is_not_the_one_told_before(extractor):
    ms = _extract(extractor, LEAD + "In the second attack, a bomb exploded at a market, killing three.")
    assert len([m for m in ms if not m.landmark]) == 2


def test_the_parties_a_retelling_names_join_the_deed_that_had_none(extractor):
    text = ("A powerful explosion damaged a road bridge in Crimea early on Monday, killing two people.\n\n"
            "The attack was the work of Ukrainian sea drones, Russian investigators said.")
    ms = [m for m in _extract(extractor, text) if not m.doubt]
    assert len(ms) == 1
    assert [a.name for a in ms[0].actors if a.role == "actor1"] == ["Military Forces of Ukraine (2019-)"]


def test_destruction_told_again_is_the_deeds_and_a_town_told_again_places_it(extractor):
    lead = "Militants attacked an army post in northern Burkina Faso on Sunday, killing 30 soldiers.\n\n"
    text = lead + ("The assault on the post at Djibo began at dawn. "
                   "The militants looted weapons and burned vehicles before withdrawing, one source said.")
    ms = [m for m in _extract(extractor, text) if not m.landmark]
    assert [m.sub_event_type for m in ms] == ["Armed clash"]
    assert ms[0].place.name == "Djibo" and "of the deed told again" in ms[0].reason


def test_the_gunmen_retelling_a_named_gangs_deed_are_its_doers(extractor):
    # 'the gunmen' name no side: they may be the gang the lead named, whose destruction joins its attack
    ms = _extract(extractor, "Members of the Gran Grif gang opened fire on residents of a town in Artibonite on "
                             "Monday, killing 12 people.\n\nThe gunmen then set fire to 30 houses.")
    assert [m.sub_event_type for m in ms if not m.landmark] == ["Attack"]


def test_a_sides_own_version_of_its_deed_is_that_deed_told_again(extractor):
    # 'its forces had clashed ... in the area': the RSF's account of the raid the lead dated, no second record
    ms = _extract(extractor, "Paramilitaries of the Rapid Support Forces stormed a village in Gezira state on "
                             "Friday, shooting residents and looting homes.\n\nThe RSF said in a statement that its "
                             "forces had clashed with army-allied fighters in the area.")
    assert [m.sub_event_type for m in ms if not m.landmark] == ["Attack"]
